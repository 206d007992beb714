import { beforeAll, describe, expect, it } from 'vitest'
import { seedDemoData } from '../../demo/demo-seed.ts'
import { useTestApp } from '../../test/support/test-app.ts'
import { resourceWriteCounts, sampleDraft, url } from './resource-test-support.ts'

const hub = useTestApp()
const tokens: Record<string, string> = {}

beforeAll(async () => {
  await seedDemoData(hub.database.db)
  tokens.steward = await hub.token({ roles: ['steward'], department: 'lf-hrss', subject: 'hrss-steward' })
  tokens.otherSteward = await hub.token({
    roles: ['steward'],
    department: 'lf-hfund',
    subject: 'hfund-steward',
  })
  tokens.reviewer = await hub.token({ roles: ['reviewer'], department: 'lf-bigdata', subject: 'reviewer-1' })
  tokens.consumer = await hub.token({ roles: ['consumer'], department: 'lf-approval', subject: 'approval-1' })
  tokens.citizen = await hub.token({ roles: ['citizen'], department: null, subject: 'citizen-1' })
})

const call = (method: 'GET' | 'POST' | 'PUT', path: string, who: string, payload?: unknown) =>
  hub.app.inject({
    method,
    url: path,
    headers: { authorization: `Bearer ${tokens[who]}` },
    ...(payload === undefined ? {} : { payload: payload as object }),
  })

describe('registering and publishing', () => {
  it('walks draft → submitted → returned → submitted → published, visible to consumers only once published', async () => {
    const created = await call('POST', '/v1/resources', 'steward', sampleDraft('00001'))
    expect(created.statusCode).toBe(201)
    expect(created.headers.location).toBe('/v1/resources/203901%2F00001')
    expect(created.json()).toMatchObject({
      code: '203901/00001',
      class: 'thematic',
      status: 'draft',
      version: 1,
      versionStatus: 'draft',
      currentVersion: null,
      providerName: '临汾市人力资源和社会保障局',
      requestable: false,
      recordSchemaDerived: true,
    })
    expect(created.json().recordSchema.properties.gmsfhm).toMatchObject({
      type: ['string', 'null'],
      maxLength: 18,
    })

    expect((await call('GET', url('203901/00001'), 'consumer')).statusCode).toBe(404)
    expect((await call('GET', url('203901/00001'), 'reviewer')).statusCode).toBe(200)

    expect((await call('POST', url('203901/00001', '/submit'), 'steward')).json()).toMatchObject({
      status: 'submitted',
    })
    const returned = await call('POST', url('203901/00001', '/return'), 'reviewer', {
      comment: '摘要请补充数据范围',
    })
    expect(returned.json()).toMatchObject({
      status: 'draft',
      versionStatus: 'draft',
      reviewComment: '摘要请补充数据范围',
    })
    await call('POST', url('203901/00001', '/submit'), 'steward')
    const published = await call('POST', url('203901/00001', '/publish'), 'reviewer')
    expect(published.statusCode).toBe(200)
    expect(published.json()).toMatchObject({ status: 'published', currentVersion: 1, requestable: true })
    expect(published.json().publishedAt).not.toBeNull()

    const seen = await call('GET', url('203901-00001'), 'consumer')
    expect(seen.statusCode).toBe(200)
    expect(seen.json()).toMatchObject({ name: '参保缴费记录', version: 1 })
  })

  it('editing a published resource starts version 2; consumers keep version 1 until it is published', async () => {
    const edited = await call(
      'PUT',
      url('203901/00001'),
      'steward',
      sampleDraft('00001', { name: '参保缴费明细' }),
    )
    expect(edited.json()).toMatchObject({
      version: 2,
      versionStatus: 'draft',
      status: 'published',
      currentVersion: 1,
    })
    expect((await call('GET', url('203901/00001'), 'consumer')).json()).toMatchObject({
      name: '参保缴费记录',
      version: 1,
    })
    expect((await call('GET', url('203901/00001', '/versions/2'), 'consumer')).statusCode).toBe(404)
    const consumerHistory = (await call('GET', url('203901/00001', '/versions'), 'consumer')).json()
    expect(consumerHistory.items.map((v: { version: number }) => v.version)).toEqual([1])

    await call('POST', url('203901/00001', '/submit'), 'steward')
    await call('POST', url('203901/00001', '/publish'), 'reviewer')
    expect((await call('GET', url('203901/00001'), 'consumer')).json()).toMatchObject({
      name: '参保缴费明细',
      version: 2,
    })
    const history = (await call('GET', url('203901/00001', '/versions'), 'steward')).json()
    expect(history.items.map((v: { version: number; status: string }) => [v.version, v.status])).toEqual([
      [2, 'published'],
      [1, 'superseded'],
    ])
    expect((await call('GET', url('203901/00001', '/versions/1'), 'consumer')).json().name).toBe(
      '参保缴费记录',
    )
  })

  it('emits one outbox event per change on directory-events, keyed by the code', async () => {
    const events = await hub.database
      .db('outbox')
      .where({ key: '203901/00001' })
      .orderBy('id')
      .select('type', 'topic')
    expect(events.map((e) => e.type)).toEqual([
      'resource.created',
      'resource.submitted',
      'resource.returned',
      'resource.submitted',
      'resource.published',
      'resource.updated',
      'resource.submitted',
      'resource.published',
    ])
    expect(new Set(events.map((e) => e.topic))).toEqual(new Set(['directory-events']))
  })

  it('deprecates, then withdraws; a withdrawn entry disappears for consumers', async () => {
    const dep = await call('POST', url('203901/00001', '/deprecate'), 'steward', { reason: '由新资源替代' })
    expect(dep.json()).toMatchObject({
      status: 'deprecated',
      statusReason: '由新资源替代',
      requestable: false,
    })
    expect((await call('GET', url('203901/00001'), 'consumer')).statusCode).toBe(200)
    const wd = await call('POST', url('203901/00001', '/withdraw'), 'reviewer', { reason: '已停止维护' })
    expect(wd.json()).toMatchObject({ status: 'withdrawn' })
    expect((await call('GET', url('203901/00001'), 'consumer')).statusCode).toBe(404)
    expect((await call('GET', url('203901/00001'), 'steward')).statusCode).toBe(200)
  })
})

describe('rules and permissions', () => {
  it('answers an illegal transition with 409 and changes nothing', async () => {
    await call('POST', '/v1/resources', 'steward', sampleDraft('00002'))
    const before = await resourceWriteCounts(hub.database.db)
    for (const [path, who, body] of [
      ['/publish', 'reviewer', undefined],
      ['/deprecate', 'steward', { reason: 'x' }],
      ['/withdraw', 'steward', { reason: 'x' }],
      ['/return', 'reviewer', { comment: 'x' }],
    ] as const) {
      const res = await call('POST', url('203901/00002', path), who, body)
      expect(res.statusCode, path).toBe(409)
      expect(res.json().code).toBe('illegal-transition')
    }
    expect(await resourceWriteCounts(hub.database.db)).toEqual(before)
  })

  it("forbids changing another department's visible resource (403) and hides its drafts (404)", async () => {
    const draftEdit = await call('PUT', url('203901/00002'), 'otherSteward', sampleDraft('00002'))
    expect(draftEdit.statusCode).toBe(404)
    await call('POST', url('203901/00002', '/submit'), 'steward')
    await call('POST', url('203901/00002', '/publish'), 'reviewer')
    const before = await resourceWriteCounts(hub.database.db)
    const res = await call('PUT', url('203901/00002'), 'otherSteward', sampleDraft('00002', { name: '篡改' }))
    expect(res.statusCode).toBe(403)
    expect(res.json().code).toBe('not-provider-steward')
    expect(
      (await call('POST', url('203901/00002', '/deprecate'), 'otherSteward', { reason: 'x' })).statusCode,
    ).toBe(403)
    expect((await call('POST', url('203901/00002', '/publish'), 'steward')).statusCode).toBe(403)
    expect(await resourceWriteCounts(hub.database.db)).toEqual(before)
  })

  it('lets a steward register only for their own department, and keeps citizens out', async () => {
    const res = await call('POST', '/v1/resources', 'otherSteward', sampleDraft('00003'))
    expect(res.statusCode).toBe(403)
    expect((await call('GET', '/v1/resources', 'citizen')).statusCode).toBe(403)
  })

  it.each([
    ['an invalid 类', { code: { lei: '4', xiang: '01', mu: '001', seq: '9' } }, 'invalid-resource-code'],
    [
      'a 项 outside the basic sub-classes',
      { code: { lei: '1', xiang: '06', mu: '001', seq: '9' } },
      'invalid-resource-code',
    ],
    [
      'a format type outside its category',
      { format: { category: 'file', type: 'postgresql' } },
      'resource-invalid',
    ],
    ['a conditional share without conditions', { shareCondition: null }, 'share-condition-required'],
    [
      'a record schema that disagrees with the items',
      {
        recordSchema: {
          type: 'object',
          properties: { gmsfhm: { type: 'integer' }, extra: { type: 'string' } },
        },
      },
      'record-schema-mismatch',
    ],
  ])('rejects %s with 400 and writes nothing', async (_label, overrides, code) => {
    const before = await resourceWriteCounts(hub.database.db)
    const res = await call('POST', '/v1/resources', 'steward', sampleDraft('00009', overrides as object))
    expect(res.statusCode).toBe(400)
    expect(res.headers['content-type']).toContain('application/problem+json')
    expect(res.json().code).toBe(code)
    expect(res.json().errors.length).toBeGreaterThan(0)
    expect(await resourceWriteCounts(hub.database.db)).toEqual(before)
  })

  it('rejects an unknown data type and a duplicate code', async () => {
    const bad = sampleDraft('00010')
    ;(bad.items[0] as { dataType: string }).dataType = 'X'
    expect((await call('POST', '/v1/resources', 'steward', bad)).statusCode).toBe(400)
    const dup = await call('POST', '/v1/resources', 'steward', sampleDraft('00002'))
    expect(dup.statusCode).toBe(409)
    expect(dup.json().code).toBe('resource-exists')
  })

  it('accepts a given record schema that fits the items and keeps it', async () => {
    const recordSchema = {
      type: 'object',
      properties: {
        gmsfhm: { type: 'string', pattern: '^[0-9]{17}[0-9X]$' },
        jfjs: { type: 'string', pattern: '^[0-9]+\\.[0-9]{2}$' },
      },
    }
    const res = await call('POST', '/v1/resources', 'steward', sampleDraft('00011', { recordSchema }))
    expect(res.statusCode).toBe(201)
    expect(res.json()).toMatchObject({ recordSchema, recordSchemaDerived: false })
  })
})

describe('conditional reads', () => {
  it('answers 304 to If-None-Match with the current ETag, and 200 with a new one after a change', async () => {
    const first = await call('GET', url('203901/00002'), 'consumer')
    const etag = first.headers.etag as string
    expect(etag).toMatch(/^".+"$/)
    const again = await hub.app.inject({
      method: 'GET',
      url: url('203901/00002'),
      headers: { authorization: `Bearer ${tokens.consumer}`, 'if-none-match': etag },
    })
    expect(again.statusCode).toBe(304)
    expect(again.body).toBe('')
    await call('POST', url('203901/00002', '/deprecate'), 'steward', { reason: '合并' })
    const changed = await hub.app.inject({
      method: 'GET',
      url: url('203901/00002'),
      headers: { authorization: `Bearer ${tokens.consumer}`, 'if-none-match': etag },
    })
    expect(changed.statusCode).toBe(200)
    expect(changed.headers.etag).not.toBe(etag)
  })
})
