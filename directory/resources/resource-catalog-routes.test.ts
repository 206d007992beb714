import { beforeAll, describe, expect, it } from 'vitest'
import { seedDemoData } from '../../demo/demo-seed.ts'
import { useTestApp } from '../../test/support/test-app.ts'
import { demoResourceDrafts, seedDemoResources } from './resource-demo-seed.ts'
import { resourceWriteCounts, sampleDraft } from './resource-test-support.ts'

const hub = useTestApp()
const tokens: Record<string, string> = {}

beforeAll(async () => {
  await seedDemoData(hub.database.db)
  await seedDemoResources(hub.database.db)
  tokens.steward = await hub.token({ roles: ['steward'], department: 'lf-hrss', subject: 'hrss-importer' })
  tokens.consumer = await hub.token({ roles: ['consumer'], department: 'lf-approval' })
})

const importBatch = (resources: unknown[], who = 'steward') =>
  hub.app.inject({
    method: 'POST',
    url: '/v1/resources/import',
    headers: { authorization: `Bearer ${tokens[who]}` },
    payload: { resources },
  })

describe('bulk import', () => {
  it('registers every row as a draft in one go, with one event each', async () => {
    const before = await resourceWriteCounts(hub.database.db)
    const res = await importBatch([sampleDraft('10001'), sampleDraft('10002', { name: '医疗保险参保信息' })])
    expect(res.statusCode).toBe(201)
    expect(res.json()).toEqual({ imported: 2, codes: ['203901/10001', '203901/10002'] })
    const after = await resourceWriteCounts(hub.database.db)
    expect(after.resources - before.resources).toBe(2)
    expect(after.items - before.items).toBe(4)
    expect(after.outbox - before.outbox).toBe(2)
    const got = await hub.app.inject({
      method: 'GET',
      url: '/v1/resources/203901-10002',
      headers: { authorization: `Bearer ${tokens.steward}` },
    })
    expect(got.json()).toMatchObject({
      name: '医疗保险参保信息',
      status: 'draft',
      items: [{ code: 'gmsfhm' }, { code: 'jfjs' }],
    })
  })

  it('writes nothing when any row is wrong, and names every problem by row', async () => {
    const before = await resourceWriteCounts(hub.database.db)
    const res = await importBatch([
      sampleDraft('10003'),
      sampleDraft('10004', { code: { lei: '9', xiang: '01', mu: '001', seq: '1' } }),
      sampleDraft('10003'),
      sampleDraft('10001'),
      sampleDraft('10005', { recordSchema: { type: 'object', properties: { gmsfhm: { type: 'boolean' } } } }),
    ])
    expect(res.statusCode).toBe(400)
    expect(res.json().code).toBe('import-invalid')
    const paths = res.json().errors.map((e: { path: string }) => e.path)
    expect(paths).toContain('/body/resources/1/code')
    expect(paths).toContain('/body/resources/2/code')
    expect(paths).toContain('/body/resources/3/code')
    expect(paths).toContain('/body/resources/4/recordSchema/properties/jfjs')
    expect(paths.some((p: string) => p.startsWith('/body/resources/0'))).toBe(false)
    expect(await resourceWriteCounts(hub.database.db)).toEqual(before)
  })

  it('refuses rows of another department with 403 and writes nothing', async () => {
    const before = await resourceWriteCounts(hub.database.db)
    const res = await importBatch([sampleDraft('10006'), sampleDraft('10007', { provider: 'lf-hfund' })])
    expect(res.statusCode).toBe(403)
    expect(res.json().errors).toEqual([
      { path: '/body/resources/1/provider', message: 'is not your department' },
    ])
    expect(await resourceWriteCounts(hub.database.db)).toEqual(before)
  })
})

interface DcatDataset {
  'dct:title': { '@value': string }
  'dct:accessRights': { '@id': string }
}

describe('export', () => {
  const exportAs = (format: string) =>
    hub.app.inject({
      method: 'GET',
      url: `/v1/resources/export?format=${format}`,
      headers: { authorization: `Bearer ${tokens.consumer}` },
    })

  it('streams the published catalog in our schema, drafts left out', async () => {
    const res = await exportAs('json')
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toContain('application/json')
    const body = res.json()
    expect(body.resources).toHaveLength(demoResourceDrafts().length)
    expect(body.resources.map((r: { status: string }) => r.status)).not.toContain('draft')
    const fund = body.resources.find((r: { name: string }) => r.name === '住房公积金缴存信息')
    expect(fund).toMatchObject({ provider: 'lf-hfund', version: 1, shareType: 'conditional' })
    expect(fund.items.map((i: { code: string }) => i.code)).toContain('zhye')
  })

  it('streams DCAT-AP 3 JSON-LD with share types as dct:accessRights', async () => {
    const res = await exportAs('dcat')
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toContain('application/ld+json')
    const catalog = res.json()
    expect(catalog['@type']).toBe('dcat:Catalog')
    const rights = Object.fromEntries(
      catalog['dcat:dataset'].map((d: DcatDataset) => [
        d['dct:title']['@value'],
        d['dct:accessRights']['@id'].split('/').at(-1),
      ]),
    )
    expect(rights).toMatchObject({
      行政许可事项目录: 'PUBLIC',
      参保缴费记录: 'RESTRICTED',
      劳动保障监察案件线索: 'NON_PUBLIC',
    })
  })
})
