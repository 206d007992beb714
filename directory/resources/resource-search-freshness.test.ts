import { beforeAll, describe, expect, it } from 'vitest'
import { seedDemoData } from '../../demo/demo-seed.ts'
import { useTestApp } from '../../test/support/test-app.ts'
import { readCatalogVersion } from './catalog-version.ts'
import { seedDemoResources } from './resource-demo-seed.ts'
import { sampleDraft, url } from './resource-test-support.ts'

// Search answers and resource views are cached by catalog version: every change must show at once.

const hub = useTestApp()
const tokens: Record<string, string> = {}

beforeAll(async () => {
  await seedDemoData(hub.database.db)
  await seedDemoResources(hub.database.db)
  tokens.consumer = await hub.token({ roles: ['consumer'], department: 'lf-approval' })
  tokens.steward = await hub.token({ roles: ['steward'], department: 'lf-hrss' })
  tokens.reviewer = await hub.token({ roles: ['reviewer'], department: 'lf-bigdata' })
  tokens.admin = await hub.token({ roles: ['admin'], subject: 'ops-1' })
})

const call = async (
  method: 'GET' | 'POST' | 'PATCH' | 'PUT',
  path: string,
  who: string,
  payload?: object,
) => {
  const res = await hub.app.inject({
    method,
    url: path,
    headers: { authorization: `Bearer ${tokens[who]}` },
    ...(payload ? { payload } : {}),
  })
  expect(res.statusCode, res.body).toBeLessThan(300)
  return res.json()
}
const search = (text: string) =>
  call('GET', `/v1/resources?q=${encodeURIComponent(text)}`, 'consumer') as Promise<{
    items: { name: string; providerName: string }[]
    total: number
    facets: { provider: { value: string; count: number }[] }
  }>

describe('a department rename', () => {
  it('refreshes the search text of its resources in the same change', async () => {
    const before = await search('人力资源和社会保障局')
    expect(before.facets.provider).toContainEqual({ value: 'lf-hrss', count: 2 })

    await call('PATCH', '/v1/departments/lf-hrss', 'admin', { name: '临汾市劳动就业服务局' })

    const renamed = await search('劳动就业服务局')
    expect(renamed.total).toBe(2)
    expect(renamed.items.map((i) => i.providerName)).toEqual(['临汾市劳动就业服务局', '临汾市劳动就业服务局'])
    expect((await search('人力资源和社会保障局')).facets.provider).not.toContainEqual(
      expect.objectContaining({ value: 'lf-hrss' }),
    )
  })

  it('leaves no resource with the old name when drafts are written during the rename', async () => {
    const drafts = Array.from({ length: 12 }, (_, i) => sampleDraft(String(600 + i).padStart(5, '0')))
    const staleCount = async (name: string) => {
      const [row] = await hub.database
        .db('resources')
        .where({ provider_code: 'lf-hrss' })
        .whereNot('search_text', 'like', `%${name}%`)
        .count<{ n: string }[]>('* as n')
      return Number(row!.n)
    }
    const created = drafts.map((d) => call('POST', '/v1/resources', 'steward', d))
    const rename = call('PATCH', '/v1/departments/lf-hrss', 'admin', { name: '临汾市社会保险事业管理中心' })
    const codes = (await Promise.all([...created, rename])).slice(0, drafts.length).map((r) => r.code)
    expect(await staleCount('临汾市社会保险事业管理中心')).toBe(0)

    // Writes that lock existing resources (a submit, an edit) racing a rename: no deadlock, no stale name.
    const moved = codes.map(async (code: string, i: number) => {
      await call('POST', url(code, '/submit'), 'steward')
      await call('POST', url(code, '/return'), 'reviewer', { comment: '请补充更新周期说明' })
      await call('PUT', url(code), 'steward', drafts[i]!)
    })
    const back = call('PATCH', '/v1/departments/lf-hrss', 'admin', { name: '临汾市人力资源和社会保障局' })
    await Promise.all([...moved, back])
    expect(await staleCount('临汾市人力资源和社会保障局')).toBe(0)
  })

  it('leaves the search text of other departments’ resources alone', async () => {
    const before = await hub.database.db('resources').whereNot({ provider_code: 'lf-hrss' }).orderBy('id')
    await call('PATCH', '/v1/departments/lf-hrss', 'admin', { name: '临汾市人力资源和社会保障局' })
    const after = await hub.database.db('resources').whereNot({ provider_code: 'lf-hrss' }).orderBy('id')
    expect(after.map((r) => r.search_text)).toEqual(before.map((r) => r.search_text))
    expect((await search('人力资源和社会保障局')).total).toBe(2)
  })
})

describe('cached answers', () => {
  it('show a newly published resource in a search repeated right after', async () => {
    const text = '新鲜度检查记录'
    expect((await search(text)).total).toBe(0)
    expect((await search(text)).total).toBe(0)
    const draft = await call('POST', '/v1/resources', 'steward', sampleDraft('00501', { name: text }))
    await call('POST', url(draft.code, '/submit'), 'steward')
    await call('POST', url(draft.code, '/publish'), 'reviewer')
    const found = await search(text)
    expect(found.items.map((i) => i.name)).toEqual([text])
    expect(found.facets.provider).toEqual([{ value: 'lf-hrss', count: 1 }])
  })

  it('are keyed by a catalog version that moves only when a change commits', async () => {
    const db = hub.database.db
    const start = await readCatalogVersion(db)
    await expect(
      db.transaction(async (trx) => {
        await trx('departments').where({ code: 'lf-hrss' }).update({ name: '回滚的名称' })
        throw new Error('roll back')
      }),
    ).rejects.toThrow('roll back')
    expect(await readCatalogVersion(db)).toBe(start)
    await call('PATCH', '/v1/departments/lf-hfund', 'admin', { name: '临汾市住房公积金管理中心' })
    expect(BigInt(await readCatalogVersion(db))).toBeGreaterThan(BigInt(start))
  })
})
