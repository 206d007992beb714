import { createServer, type IncomingHttpHeaders, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedDemoData } from '../../demo/demo-seed.ts'
import { hmacSignature } from '../../platform/webhooks/webhook-signer.ts'
import { useTestApp } from '../../test/support/test-app.ts'
import { accessDraft, publishResource, requestBody, tokensFor, type Who } from './access-test-support.ts'

// Two tries per delivery, and a backoff long enough that only the test moves time on (`due()`).
const hub = useTestApp({
  env: {
    ACCESS_WEBHOOK_ATTEMPTS: '2',
    ACCESS_WEBHOOK_BACKOFF_MS: '60000',
    ACCESS_WEBHOOK_MAX_BACKOFF_MS: '60000',
  },
})
let tokens: Record<Who, string>
let receiver: Server
let receiverUrl: string
let answer = 204
const received: { headers: IncomingHttpHeaders; body: string }[] = []
const SECRET = 'a-webhook-secret-of-at-least-32-chars!'
const DEPARTMENT = 'lf-approval'

beforeAll(async () => {
  await seedDemoData(hub.database.db)
  tokens = await tokensFor(hub)
  receiver = createServer((req, res) => {
    let body = ''
    req.on('data', (chunk) => (body += chunk))
    req.on('end', () => {
      received.push({ headers: req.headers, body })
      res.statusCode = answer
      res.end()
    })
  })
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve))
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks/access`
})

afterAll(async () => {
  await new Promise((resolve) => receiver.close(resolve))
})

const call = (method: 'GET' | 'POST' | 'PUT', url: string, who: Who, payload?: object) =>
  hub.app.inject({ method, url, payload, headers: { authorization: `Bearer ${tokens[who]}` } })

const services = () => hub.app.services
/** The timeline dispatcher's run, as its job does it: changes into the ordered queue. */
const dispatch = () =>
  services().accessWebhooks.dispatch((job) => services().accessWebhookDeliveries.enqueue(job))
const drain = () => services().accessWebhookDeliveries.drain(DEPARTMENT)
/** Moves time on: every waiting delivery is due for its next try. */
const due = () =>
  hub.database
    .db('access_webhook_deliveries')
    .whereNotNull('next_attempt_at')
    .update({ next_attempt_at: null })
const deliveries = async (query = '') =>
  (await call('GET', `/v1/access-webhooks/${DEPARTMENT}/deliveries${query}`, 'consumer')).json().items as {
    eventId: string
    requestId: string
    status: string
    attempts: number
    lastError: string | null
  }[]
/** A request for a new unconditional resource: granted at once, so two changes of one request. */
const fileRequest = async (seq: string) => {
  const code = await publishResource(hub, tokens, accessDraft(seq, 'unconditional'))
  const filed = await call('POST', '/v1/access-requests', 'consumer', requestBody(code))
  expect(filed.json().status).toBe('granted')
  return String(filed.json().id)
}

describe('access webhook deliveries (the ordered queue)', () => {
  it('sends a request’s changes in order: a failed one holds back the later ones, then both go', async () => {
    const set = await call('PUT', `/v1/access-webhooks/${DEPARTMENT}`, 'consumer', {
      url: receiverUrl,
      secret: SECRET,
    })
    expect(set.statusCode).toBe(200)
    const requestId = await fileRequest('40101')
    expect(await dispatch()).toBe(2)

    answer = 503
    await drain()
    // Only the first change was tried: the decision must not overtake the request.
    expect(received.map((r) => r.headers['x-hub-event-type'])).toEqual(['access.requested'])
    expect(await deliveries()).toMatchObject([
      { requestId, status: 'pending', attempts: 1, lastError: expect.stringMatching(/answered 503/) },
      { requestId, status: 'pending', attempts: 0, lastError: null },
    ])
    // Not due yet: a drain sends nothing.
    await drain()
    expect(received).toHaveLength(1)

    answer = 204
    await due()
    await drain()
    expect(received.map((r) => r.headers['x-hub-event-type'])).toEqual([
      'access.requested',
      'access.requested',
      'access.granted',
    ])
    const items = await deliveries()
    expect(items.map((d) => [d.status, d.attempts])).toEqual([
      ['delivered', 2],
      ['delivered', 1],
    ])
    // What receivers have always been sent: event id and type, HMAC timestamp and signature; no position.
    const last = received.at(-1)!
    expect(last.headers['x-hub-event-id']).toBe(items[1]!.eventId)
    expect(last.headers['x-hub-position']).toBeUndefined()
    expect(last.headers['x-hub-signature']).toBe(
      hmacSignature(SECRET, String(last.headers['x-hub-timestamp']), last.body),
    )
    expect(JSON.parse(last.body)).toMatchObject({ id: items[1]!.eventId, type: 'access.granted', requestId })
    expect(Object.keys(JSON.parse(last.body)).slice(0, 4)).toEqual(['id', 'type', 'at', 'requestId'])
  })

  it('makes a delivery that used up its tries a dead letter, with the rest of its request', async () => {
    received.length = 0
    const requestId = await fileRequest('40102')
    expect(await dispatch()).toBe(2)
    answer = 503
    await drain()
    await due()
    await drain()
    expect(received).toHaveLength(2)
    const dead = await deliveries('?status=dead')
    expect(dead.map((d) => [d.requestId, d.attempts])).toEqual([
      [requestId, 2],
      [requestId, 0],
    ])
    await due()
    await drain()
    expect(received).toHaveLength(2)
  })

  it('replays from an event, in order, dead letters included; the replay is audited', async () => {
    received.length = 0
    answer = 204
    const [first] = await deliveries('?status=dead')
    const replay = await call(
      'POST',
      `/v1/access-webhooks/${DEPARTMENT}/replay?fromEventId=${first!.eventId}`,
      'consumer',
    )
    expect(replay.statusCode).toBe(202)
    expect(replay.json()).toEqual({ requeued: 2 })
    await drain()
    expect(received.map((r) => r.headers['x-hub-event-type'])).toEqual(['access.requested', 'access.granted'])
    expect(await deliveries('?status=dead')).toEqual([])
    const audited = await hub.database.db('audit_records').where({ action: 'access.webhook.replay' }).first()
    expect(audited).toMatchObject({
      outcome: 'allowed',
      resource_id: DEPARTMENT,
      principal: 'approval-officer',
    })
  })

  it('shows and replays only for the department itself (or an admin); unknown events are 404', async () => {
    expect((await call('GET', `/v1/access-webhooks/${DEPARTMENT}/deliveries`, 'clerk')).statusCode).toBe(403)
    expect((await call('GET', `/v1/access-webhooks/${DEPARTMENT}/deliveries`, 'steward')).statusCode).toBe(
      403,
    )
    const refused = await call(
      'POST',
      `/v1/access-webhooks/${DEPARTMENT}/replay?fromEventId=access-1`,
      'steward',
    )
    expect(refused.statusCode).toBe(403)
    const denied = await hub.database
      .db('audit_records')
      .where({ action: 'access.webhook.replay', outcome: 'denied' })
    expect(denied).toHaveLength(1)
    const unknown = await call(
      'POST',
      `/v1/access-webhooks/${DEPARTMENT}/replay?fromEventId=access-999999`,
      'consumer',
    )
    expect(unknown.statusCode).toBe(404)
    expect(unknown.json().code).toBe('event-not-queued')
    expect((await call('GET', '/v1/access-webhooks/lf-housing/deliveries', 'otherConsumer')).statusCode).toBe(
      404,
    )
    const wrong = await call('POST', `/v1/access-webhooks/${DEPARTMENT}/replay?fromEventId=nope`, 'consumer')
    expect(wrong.statusCode).toBe(400)
  })
})
