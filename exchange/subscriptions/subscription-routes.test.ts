import { beforeAll, describe, expect, it } from 'vitest'
import { seedDemoData } from '../../demo/demo-seed.ts'
import { tokensFor, type Who } from '../../directory/requests/access-test-support.ts'
import { useTestApp } from '../../test/support/test-app.ts'
import { subscribableResource, TEST_KEK } from './subscription-test-support.ts'

process.env.CERT_KEY_ENCRYPTION_KEY = TEST_KEK
const hub = useTestApp()
let tokens: Record<Who, string>
let code: string
let grantId: string
let apiOnly: { code: string; grantId: string }

beforeAll(async () => {
  await seedDemoData(hub.database.db)
  tokens = await tokensFor(hub)
  ;({ code, grantId } = await subscribableResource(hub, tokens, '00918'))
  apiOnly = await subscribableResource(hub, tokens, '00919', ['api'])
})

const subscribeAs = (who: Who, payload: object, headers: Record<string, string> = {}) =>
  hub.app.inject({
    method: 'POST',
    url: '/v1/subscriptions',
    headers: { authorization: `Bearer ${tokens[who]}`, ...headers },
    payload,
  })
const count = async () => Number((await hub.database.db('subscriptions').count({ n: '*' }).first())!.n)
const lastAudit = () =>
  hub.database
    .db('audit_records')
    .where({ action: 'exchange.subscription.create' })
    .orderBy('id', 'desc')
    .first('outcome', 'reason', 'department')

describe('POST /v1/subscriptions — bad input names the field, writes nothing, is audited as denied', () => {
  it.each([
    [
      'another department’s grant',
      'otherConsumer',
      () => ({ resourceCode: code, grantId, target: 'kafka' }),
      403,
      'no-grant',
      '/body/grantId',
    ],
    [
      'a grant that does not exist',
      'consumer',
      () => ({ resourceCode: code, grantId: '999999', target: 'kafka' }),
      403,
      'no-grant',
      '/body/grantId',
    ],
    [
      'a resource not shared by subscription',
      'consumer',
      () => ({ resourceCode: apiOnly.code, grantId: apiOnly.grantId, target: 'kafka' }),
      403,
      'method-not-allowed',
      '/body/target',
    ],
    [
      'a topic of another department',
      'consumer',
      () => ({ resourceCode: code, grantId, target: 'kafka', topic: 'records.lf-housing.x' }),
      403,
      'target-not-owned',
      '/body/topic',
    ],
    [
      'a table name that is not a safe identifier',
      'consumer',
      () => ({
        resourceCode: code,
        grantId,
        target: 'table',
        table: { connection: hub.database.url, schema: 'qzk', name: 'jf"; drop table x; --' },
      }),
      400,
      'unsafe-identifier',
      '/body/table/name',
    ],
    [
      'a table target without a table',
      'consumer',
      () => ({ resourceCode: code, grantId, target: 'table' }),
      400,
      'table-required',
      '/body/table',
    ],
  ] as const)('refuses %s', async (_, who, body, status, reason, path) => {
    const before = await count()
    const res = await subscribeAs(who, body())
    expect(res.statusCode, res.body).toBe(status)
    expect(res.json().code).toBe(reason)
    expect(res.json().errors).toEqual([expect.objectContaining({ path })])
    expect(await count()).toBe(before)
    expect(await lastAudit()).toMatchObject({ outcome: 'denied', reason })
  })

  it('accepts a valid subscription once per Idempotency-Key and lists it for its department only', async () => {
    const body = { resourceCode: code, grantId, target: 'kafka' }
    const first = await subscribeAs('consumer', body, { 'idempotency-key': 'sub-1' })
    expect(first.statusCode, first.body).toBe(201)
    expect(first.json().topic).toBe(`hub.records.lf-approval.${code.replace('/', '-')}`)
    const again = await subscribeAs('consumer', body, { 'idempotency-key': 'sub-1' })
    expect(again.statusCode).toBe(201)
    expect(again.headers['idempotent-replayed']).toBe('true')
    expect(again.json().id).toBe(first.json().id)
    expect(await lastAudit()).toMatchObject({ outcome: 'allowed', department: 'lf-approval' })

    const mine = await hub.app.inject({
      method: 'GET',
      url: '/v1/subscriptions',
      headers: { authorization: `Bearer ${tokens.consumer}` },
    })
    expect(mine.json().items.map((s: { id: string }) => s.id)).toContain(first.json().id)
    const theirs = await hub.app.inject({
      method: 'GET',
      url: `/v1/subscriptions/${first.json().id}`,
      headers: { authorization: `Bearer ${tokens.otherConsumer}` },
    })
    expect(theirs.statusCode).toBe(404)
  })

  it('pauses, resumes and re-snapshots from position 0', async () => {
    const created = await subscribeAs('consumer', { resourceCode: code, grantId, target: 'kafka' })
    const id = created.json().id
    const post = (action: string) =>
      hub.app.inject({
        method: 'POST',
        url: `/v1/subscriptions/${id}/${action}`,
        headers: { authorization: `Bearer ${tokens.consumer}` },
      })
    expect((await post('pause')).json().status).toBe('paused')
    expect((await post('resume')).json().status).toBe('active')
    await hub.database.db('subscriptions').where({ id }).update({ position: 42 })
    expect((await post('resnapshot')).json().position).toBe('0')
  })
})
