import { beforeAll, describe, expect, it } from 'vitest'
import { seedDemoData } from '../../demo/demo-seed.ts'
import { useTestApp } from '../../test/support/test-app.ts'
import { seedDemoResources } from './resource-demo-seed.ts'
import { sampleDraft } from './resource-test-support.ts'

const hub = useTestApp()
const tokens: Record<string, string> = {}

beforeAll(async () => {
  await seedDemoData(hub.database.db)
  await seedDemoResources(hub.database.db)
  tokens.consumer = await hub.token({ roles: ['consumer'], department: 'lf-approval' })
  tokens.steward = await hub.token({ roles: ['steward'], department: 'lf-hrss' })
  tokens.reviewer = await hub.token({ roles: ['reviewer'], department: 'lf-bigdata' })
  // A draft of lf-hrss and one of a county department: never listed for outsiders.
  const draft = await hub.app.inject({
    method: 'POST',
    url: '/v1/resources',
    headers: { authorization: `Bearer ${tokens.steward}` },
    payload: sampleDraft('00077', { name: '失业保险金申领草稿' }),
  })
  expect(draft.statusCode).toBe(201)
})

interface Page {
  items: { code: string; name: string; shareType: string; requestable: boolean; status: string }[]
  nextCursor: string | null
  total: number
  facets: Record<string, { value: string; count: number }[]>
}

const search = async (query: string, who = 'consumer'): Promise<Page> => {
  const res = await hub.app.inject({
    method: 'GET',
    url: `/v1/resources?${query}`,
    headers: { authorization: `Bearer ${tokens[who]}` },
  })
  expect(res.statusCode, res.body).toBe(200)
  return res.json() as Page
}
const names = async (query: string, who = 'consumer') =>
  (await search(query, who)).items.map((i) => i.name).sort()
const q = (text: string) => `q=${encodeURIComponent(text)}`

describe('keyword search', () => {
  it('finds Chinese keywords in the name, summary, item names and provider name', async () => {
    expect(await names(q('缴费记录'))).toEqual(['参保缴费记录'])
    expect(await names(q('不动产单元号'))).toEqual(['不动产登记信息'])
    expect(await names(q('房地产管理局'))).toEqual(['商品房网签备案信息'])
    expect(await names(q('账户余额'))).toEqual(['住房公积金缴存信息'])
  })

  it("finds a provider's resources by the provider's code, in any letter case", async () => {
    expect(await names(q('lf-hfund'))).toEqual(['住房公积金缴存信息'])
    expect(await names(q('LF-REALESTATE'))).toEqual(['不动产登记信息'])
    expect(await names(q('lf-hrss'))).toEqual(await names(q('人力资源和社会保障局')))
    expect(await names(q('lf-hrss 缴费'))).toEqual(['参保缴费记录'])
  })

  it('finds one- and two-character Chinese keywords (no trigram index, same answer)', async () => {
    expect(await names(q('公积'))).toEqual(['住房公积金缴存信息'])
    expect(await names(q('房'))).toEqual(['住房公积金缴存信息', '商品房网签备案信息'])
  })

  it('finds English keywords case-insensitively and requires every word', async () => {
    expect(await names(q('LICENSING'))).toEqual(['行政许可事项目录'])
    expect(await names(q('licensing 缴费'))).toEqual([])
    expect(await names(q('100%'))).toEqual([])
  })

  it('puts name matches before matches elsewhere', async () => {
    const page = await search(q('网签'))
    expect(page.items[0]!.name).toBe('商品房网签备案信息')
  })

  it('ranks a name starting with the phrase first, then one containing it, shorter names first, in any letter case', async () => {
    for (const [seq, name, summary] of [
      ['00081', '城市GIS图层与三维模型', '空间数据'],
      ['00082', 'Gis空间数据目录', '空间数据'],
      ['00083', '城市GIS图层', '空间数据'],
      ['00084', '地名地址库', '由 GIS 平台维护'],
    ] as const) {
      const res = await hub.app.inject({
        method: 'POST',
        url: '/v1/resources',
        headers: { authorization: `Bearer ${tokens.steward}` },
        payload: sampleDraft(seq, { name, summary }),
      })
      expect(res.statusCode, res.body).toBe(201)
    }
    const page = await search(`${q('gis')}&status=draft`, 'steward')
    expect(page.items.map((i) => i.name)).toEqual([
      'Gis空间数据目录',
      '城市GIS图层',
      '城市GIS图层与三维模型',
      '地名地址库',
    ])
    const cjk = await search(`${q('空间数据')}&status=draft`, 'steward')
    expect(cjk.items.map((i) => i.name)).toEqual(['Gis空间数据目录', '城市GIS图层', '城市GIS图层与三维模型'])
  })
})

describe('filters and facets', () => {
  it('filters by share type, class, provider, format, update cycle, division and status', async () => {
    expect(await names('shareType=unconditional')).toEqual(['行政许可事项目录'])
    expect(await names('class=departmental')).toEqual(['劳动保障监察案件线索', '行政许可事项目录'])
    expect(await names('provider=lf-hfund')).toEqual(['住房公积金缴存信息'])
    expect(await names('format=spreadsheet')).toEqual(['行政许可事项目录'])
    expect(await names('updateCycle=daily')).toEqual(['住房公积金缴存信息', '商品房网签备案信息'])
    expect(await names('division=141000&shareType=not-shared')).toEqual(['劳动保障监察案件线索'])
    expect(await names('division=141081')).toEqual([])
    expect(await names('status=draft')).toEqual([])
  })

  it('counts facets over every match, not just the page', async () => {
    const page = await search('limit=1')
    expect(page.items).toHaveLength(1)
    expect(page.total).toBe(6)
    expect(page.facets.shareType).toEqual([
      { value: 'conditional', count: 4 },
      { value: 'not-shared', count: 1 },
      { value: 'unconditional', count: 1 },
    ])
    expect(page.facets.class).toEqual([
      { value: 'thematic', count: 4 },
      { value: 'departmental', count: 2 },
    ])
    expect(page.facets.provider).toContainEqual({ value: 'lf-hrss', count: 2 })
  })

  it('lists a not-shared resource but flags it as not requestable', async () => {
    const [entry] = (await search('shareType=not-shared')).items
    expect(entry).toMatchObject({ status: 'published', requestable: false })
  })

  it('shows drafts only to their department and to reviewers', async () => {
    expect(await names(q('失业保险金'))).toEqual([])
    expect(await names(q('失业保险金'), 'steward')).toEqual(['失业保险金申领草稿'])
    expect(await names(`status=draft&${q('失业保险金')}`, 'reviewer')).toEqual(['失业保险金申领草稿'])
  })
})

describe('paging', () => {
  it.each(['sort=name', 'sort=published', `sort=relevance&${q('信息')}`])(
    'walks every match exactly once with %s',
    async (order) => {
      const seen: string[] = []
      let cursor: string | null = null
      let pages = 0
      do {
        const page: Page = await search(`${order}&limit=2${cursor ? `&cursor=${cursor}` : ''}`, 'reviewer')
        seen.push(...page.items.map((i) => i.code))
        cursor = page.nextCursor
        pages++
      } while (cursor && pages < 20)
      const all = await search(`${order}&limit=200`, 'reviewer')
      expect(seen).toEqual(all.items.map((i) => i.code))
      expect(new Set(seen).size).toBe(all.total)
    },
  )

  it('rejects a forged cursor, or one from another sort order, with 400', async () => {
    const first = await search('sort=name&limit=1')
    for (const cursor of ['garbage', first.nextCursor!]) {
      const res = await hub.app.inject({
        method: 'GET',
        url: `/v1/resources?sort=published&cursor=${cursor}`,
        headers: { authorization: `Bearer ${tokens.consumer}` },
      })
      expect(res.statusCode).toBe(400)
      expect(res.json().code).toBe('invalid-cursor')
    }
  })
})
