import { beforeAll, describe, expect, it } from 'vitest'
import { seedDemoData } from '../../demo/demo-seed.ts'
import { useTestApp } from '../../test/support/test-app.ts'
import {
  accessDraft,
  accessWriteCounts,
  publishResource,
  requestBody,
  tokensFor,
  type Who,
} from './access-test-support.ts'

const hub = useTestApp()
let tokens: Record<Who, string>
const codes: Record<'conditional' | 'unconditional' | 'notShared', string> = {} as never

beforeAll(async () => {
  await seedDemoData(hub.database.db)
  tokens = await tokensFor(hub)
  codes.conditional = await publishResource(hub, tokens, accessDraft('10001', 'conditional'))
  codes.unconditional = await publishResource(hub, tokens, accessDraft('10002', 'unconditional'))
  codes.notShared = await publishResource(hub, tokens, accessDraft('10003', 'not-shared'))
})

const call = (
  method: 'GET' | 'POST',
  url: string,
  who: Who,
  payload?: unknown,
  headers: Record<string, string> = {},
) =>
  hub.app.inject({
    method,
    url,
    headers: { authorization: `Bearer ${tokens[who]}`, ...headers },
    ...(payload === undefined ? {} : { payload: payload as object }),
  })

describe('filing a request', () => {
  it('leaves a conditional request pending with a working-day deadline, a timeline, an event and an audit record', async () => {
    const filed = await call('POST', '/v1/access-requests', 'consumer', requestBody(codes.conditional))
    expect(filed.statusCode).toBe(201)
    const body = filed.json()
    expect(body).toMatchObject({
      status: 'pending',
      consumerDepartment: 'lf-approval',
      providerDepartment: 'lf-hrss',
      requestedBy: 'approval-officer',
      shareType: 'conditional',
      items: ['gmsfhm', 'xm'],
      overdue: false,
      grantId: null,
    })
    expect(filed.headers.location).toBe(`/v1/access-requests/${body.id}`)
    // 10 working days are at least 14 calendar days away.
    expect(Date.parse(body.decisionDeadline) - Date.now()).toBeGreaterThan(13 * 86_400_000)

    const timeline = (await call('GET', `/v1/access-requests/${body.id}/timeline`, 'steward')).json()
    expect(timeline.entries.map((e: { type: string }) => e.type)).toEqual(['access.requested'])
    const events = await hub.database.db('outbox').where({ topic: 'access-events', key: body.id })
    expect(events.map((e) => e.type)).toEqual(['access.requested'])
    const audit = await hub.database
      .db('audit_records')
      .where({ action: 'access.request.create', resource_id: body.id })
    expect(audit).toHaveLength(1)

    // Withdrawn again so later tests can file for the same resource.
    expect((await call('POST', `/v1/access-requests/${body.id}/withdraw`, 'consumer', {})).statusCode).toBe(
      200,
    )
  })

  it('grants an unconditional resource at once, still recorded as a decided request with its grant', async () => {
    const filed = await call('POST', '/v1/access-requests', 'consumer', requestBody(codes.unconditional))
    expect(filed.statusCode).toBe(201)
    const body = filed.json()
    expect(body).toMatchObject({ status: 'granted', decidedBy: 'hub', decisionDeadline: null })
    expect(body.grantId).toMatch(/^[0-9]+$/)
    const grant = (await call('GET', `/v1/grants/${body.grantId}`, 'consumer')).json()
    expect(grant).toMatchObject({
      status: 'active',
      items: ['gmsfhm', 'xm'],
      consumerDepartment: 'lf-approval',
    })
    const timeline = (await call('GET', `/v1/access-requests/${body.id}/timeline`, 'consumer')).json()
    expect(timeline.entries.map((e: { type: string }) => e.type)).toEqual([
      'access.requested',
      'access.granted',
    ])
  })

  it('refuses a not-shared resource automatically, with the reason', async () => {
    const filed = await call('POST', '/v1/access-requests', 'consumer', requestBody(codes.notShared))
    expect(filed.statusCode).toBe(201)
    expect(filed.json()).toMatchObject({ status: 'refused', decidedBy: 'hub', grantId: null })
    expect(filed.json().decisionReason).toMatch(/不予共享/)
  })
})

describe('bad input writes nothing', () => {
  it.each([
    ['unknown items', { items: ['gmsfhm', 'nope', 'zzz'] }, 'unknown-items'],
    ['a period in the past', { period: { from: '2020-01-01', to: '2020-02-01' } }, 'period-in-the-past'],
  ])('%s ⇒ 400', async (_name, overrides, code) => {
    const before = await accessWriteCounts(hub.database.db)
    const res = await call(
      'POST',
      '/v1/access-requests',
      'consumer',
      requestBody(codes.conditional, overrides),
    )
    expect(res.statusCode).toBe(400)
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/)
    expect(res.json().code).toBe(code)
    expect(await accessWriteCounts(hub.database.db)).toEqual(before)
  })

  it('lists every unknown item', async () => {
    const res = await call(
      'POST',
      '/v1/access-requests',
      'consumer',
      requestBody(codes.conditional, { items: ['xm', 'nope', 'zzz'] }),
    )
    expect(res.json().errors).toEqual([
      { path: '/body/items/1', message: 'nope is not an item of the resource' },
      { path: '/body/items/2', message: 'zzz is not an item of the resource' },
    ])
  })

  it('a period ending before it starts ⇒ 400', async () => {
    const body = requestBody(codes.conditional)
    const res = await call('POST', '/v1/access-requests', 'consumer', {
      ...body,
      period: { from: body.period.to, to: body.period.from },
    })
    expect(res.statusCode).toBe(400)
    expect(res.json().errors.map((e: { path: string }) => e.path)).toContain('/body/period/to')
  })

  it('a duplicate pending request of the same department ⇒ 409', async () => {
    const first = await call('POST', '/v1/access-requests', 'consumer', requestBody(codes.conditional))
    expect(first.statusCode).toBe(201)
    const before = await accessWriteCounts(hub.database.db)
    const again = await call(
      'POST',
      '/v1/access-requests',
      'colleague',
      requestBody(codes.conditional, { expectedVolume: 7 }),
    )
    expect(again.statusCode).toBe(409)
    expect(again.json().code).toBe('duplicate-pending-request')
    expect(await accessWriteCounts(hub.database.db)).toEqual(before)
    // Another department may still ask.
    expect(
      (await call('POST', '/v1/access-requests', 'otherConsumer', requestBody(codes.conditional))).statusCode,
    ).toBe(201)
    await call('POST', `/v1/access-requests/${first.json().id}/withdraw`, 'consumer', {})
  })

  it('an unknown or unpublished resource ⇒ 404; a steward cannot file ⇒ 403', async () => {
    expect((await call('POST', '/v1/access-requests', 'consumer', requestBody('299999/1'))).statusCode).toBe(
      404,
    )
    expect(
      (await call('POST', '/v1/access-requests', 'steward', requestBody(codes.conditional))).statusCode,
    ).toBe(403)
  })
})

describe('Idempotency-Key', () => {
  it('replays the first answer for the same key and body, and refuses the key for another body', async () => {
    const headers = { 'idempotency-key': 'req-key-1' }
    const first = await call(
      'POST',
      '/v1/access-requests',
      'consumer',
      requestBody(codes.conditional),
      headers,
    )
    expect(first.statusCode).toBe(201)
    const before = await accessWriteCounts(hub.database.db)
    const replay = await call(
      'POST',
      '/v1/access-requests',
      'consumer',
      requestBody(codes.conditional),
      headers,
    )
    expect(replay.statusCode).toBe(201)
    expect(replay.headers['idempotent-replayed']).toBe('true')
    expect(replay.json().id).toBe(first.json().id)
    expect(await accessWriteCounts(hub.database.db)).toEqual(before)
    const other = await call(
      'POST',
      '/v1/access-requests',
      'consumer',
      requestBody(codes.unconditional),
      headers,
    )
    expect(other.statusCode).toBe(409)
    expect(other.json().code).toBe('idempotency-key-reused')
    await call('POST', `/v1/access-requests/${first.json().id}/withdraw`, 'consumer', {})
  })
})

describe('withdrawing', () => {
  it('only the requester withdraws, only while pending', async () => {
    const id = (await call('POST', '/v1/access-requests', 'consumer', requestBody(codes.conditional))).json()
      .id
    const byColleague = await call('POST', `/v1/access-requests/${id}/withdraw`, 'colleague', {})
    expect(byColleague.statusCode).toBe(403)
    expect(byColleague.json().code).toBe('not-the-requester')
    expect((await call('POST', `/v1/access-requests/${id}/withdraw`, 'otherConsumer', {})).statusCode).toBe(
      404,
    )
    const done = await call('POST', `/v1/access-requests/${id}/withdraw`, 'consumer', { reason: '业务调整' })
    expect(done.json()).toMatchObject({
      status: 'withdrawn',
      decisionReason: '业务调整',
      decidedBy: 'approval-officer',
    })
    const again = await call('POST', `/v1/access-requests/${id}/withdraw`, 'consumer', {})
    expect(again.statusCode).toBe(409)
    expect(again.json().code).toBe('request-not-pending')
  })
})
