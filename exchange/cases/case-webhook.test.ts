import { randomBytes } from 'node:crypto'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { base64url, compactVerify, createLocalJWKSet, type JSONWebKeySet } from 'jose'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { useTestApp } from '../../test/support/test-app.ts'
import { startCaseBackground } from './case-feature.ts'
import { accepted, grantCaseData, seedCaseWorld, step } from './case-test-support.ts'

const hub = useTestApp({
  env: {
    KAFKA_TOPIC_PREFIX: `t${randomBytes(4).toString('hex')}.`,
    // Few, quick attempts so a dead letter happens within the test.
    CASE_WEBHOOK_ATTEMPTS: '4',
    CASE_WEBHOOK_BACKOFF_MS: '300',
  },
})

interface Received {
  eventId: string
  caseNumber: string
  sequence: number
  verified: boolean
  body: Record<string, unknown>
}

/** A department's receiver: answers 503 while `up` is false, verifies every signature it gets. */
const receiver = {
  up: true,
  received: [] as Received[],
  /** Refused tries per event id while down. */
  refused: new Map<string, number>(),
  server: undefined as Server | undefined,
  url: '',
}
let jwks: ReturnType<typeof createLocalJWKSet>
let service: string
let admin: string
let webhookId: string

async function verify(raw: string, signature: string): Promise<boolean> {
  const [header, , sig] = signature.split('.')
  try {
    await compactVerify(`${header}.${base64url.encode(raw)}.${sig}`, jwks)
    return true
  } catch {
    return false
  }
}

const until = async (check: () => boolean | Promise<boolean>, ms = 25_000) => {
  const end = Date.now() + ms
  while (!(await check())) {
    if (Date.now() > end) throw new Error('condition not met in time')
    await new Promise((r) => setTimeout(r, 100))
  }
}

beforeAll(async () => {
  await seedCaseWorld(hub.database.db)
  await grantCaseData(hub.database.db, 'lf-approval')
  receiver.server = createServer((req, res) => {
    let raw = ''
    req.on('data', (c) => {
      raw += c
    })
    req.on('end', async () => {
      if (!receiver.up) {
        const eventId = String(req.headers['x-hub-event-id'])
        receiver.refused.set(eventId, (receiver.refused.get(eventId) ?? 0) + 1)
        res.writeHead(503).end()
        return
      }
      const body = JSON.parse(raw) as Record<string, unknown>
      receiver.received.push({
        eventId: String(body.eventId),
        caseNumber: String(body.caseNumber),
        sequence: Number(body.sequence),
        verified: await verify(raw, String(req.headers['x-hub-signature'])),
        body,
      })
      res.writeHead(204).end()
    })
  })
  await new Promise<void>((r) => receiver.server!.listen(0, '127.0.0.1', r))
  receiver.url = `http://127.0.0.1:${(receiver.server.address() as AddressInfo).port}/hooks/cases`
  const keys = await hub.app.inject({ method: 'GET', url: '/v1/cases/webhook-keys' })
  jwks = createLocalJWKSet(keys.json() as JSONWebKeySet)
  service = await hub.token({
    roles: ['service'],
    department: 'lf-hrss',
    subject: `hrss-system-${randomBytes(3).toString('hex')}`,
  })
  admin = await hub.token({ roles: ['admin'], department: 'lf-bigdata', subject: 'ops' })
  const created = await hub.app.inject({
    method: 'POST',
    url: '/v1/cases/webhooks',
    headers: { authorization: `Bearer ${admin}` },
    payload: { department: 'lf-approval', url: receiver.url },
  })
  expect(created.statusCode).toBe(201)
  webhookId = created.json().id
  hub.app.events.relay.start()
  await startCaseBackground(hub.app)
  await hub.app.jobs.startWorkers()
})

afterAll(async () => {
  await new Promise((r) => receiver.server?.close(r))
})

const ingest = (body: object) =>
  hub.app.inject({
    method: 'POST',
    url: '/v1/cases/changes',
    headers: { authorization: `Bearer ${service}` },
    payload: body,
  })

const asAdmin = (method: 'GET' | 'POST', url: string) =>
  hub.app.inject({ method, url, headers: { authorization: `Bearer ${admin}` } })

describe('case webhooks', () => {
  it('delivers every event, signed and in order, to a receiver that was down for a while', async () => {
    receiver.up = false
    for (const n of ['LF-W-000001', 'LF-W-000002']) {
      expect((await ingest(accepted(n))).statusCode).toBe(201)
      expect((await ingest(step(n, 2, 'review'))).statusCode).toBe(201)
    }
    await new Promise((r) => setTimeout(r, 800))
    receiver.up = true
    await until(() => receiver.received.length >= 4)
    expect(receiver.received.every((r) => r.verified)).toBe(true)
    for (const n of ['LF-W-000001', 'LF-W-000002']) {
      expect(receiver.received.filter((r) => r.caseNumber === n).map((r) => r.sequence)).toEqual([1, 2])
    }
    const first = receiver.received[0]!.body as { applicant: { idNumber: string }; basic: { form?: unknown } }
    expect(first.applicant.idNumber).toContain('********')
    expect(first.basic.form).toBeUndefined()
  })

  it('moves events to the dead-letter list when the receiver stays down, and replays them from a position', async () => {
    receiver.up = false
    receiver.received.length = 0
    expect((await ingest(accepted('LF-W-000003'))).statusCode).toBe(201)
    await until(
      async () =>
        (await asAdmin('GET', `/v1/cases/webhooks/${webhookId}/deliveries?status=dead`)).json().items
          .length === 1,
    )
    const dead = (await asAdmin('GET', `/v1/cases/webhooks/${webhookId}/deliveries?status=dead`)).json()
      .items[0]
    expect(dead).toMatchObject({ caseNumber: 'LF-W-000003', status: 'dead' })
    expect(dead.lastError).toContain('503')
    receiver.up = true
    const replay = await asAdmin('POST', `/v1/cases/webhooks/${webhookId}/replay?fromEventId=${dead.eventId}`)
    expect([replay.statusCode, replay.json().requeued]).toEqual([202, 1])
    await until(() => receiver.received.some((r) => r.caseNumber === 'LF-W-000003'))
    // A drain marks its batch delivered after the receiver answered: wait for that commit too.
    await until(async () => (await asAdmin('GET', '/v1/cases/webhooks')).json().items[0].pending === 0)
    const list = (await asAdmin('GET', '/v1/cases/webhooks')).json().items
    expect(list[0]).toMatchObject({ id: webhookId, pending: 0, dead: 0 })
  })

  it('tries each delivery exactly CASE_WEBHOOK_ATTEMPTS times, however many drains new events start', async () => {
    receiver.up = false
    receiver.refused.clear()
    expect((await ingest(accepted('LF-W-000010'))).statusCode).toBe(201)
    // Events of other cases keep asking for drains while the first one waits for its next try.
    for (const n of ['LF-W-000011', 'LF-W-000012', 'LF-W-000013']) {
      await new Promise((r) => setTimeout(r, 250))
      expect((await ingest(accepted(n))).statusCode).toBe(201)
    }
    const db = hub.database.db
    const first = await db('case_webhook_deliveries').where({ case_number: 'LF-W-000010' }).first()
    await until(
      async () => (await db('case_webhook_deliveries').where({ id: first.id }).first()).status === 'dead',
    )
    await new Promise((r) => setTimeout(r, 500))
    expect(receiver.refused.get(first.event_id)).toBe(4)
    const row = await db('case_webhook_deliveries').where({ id: first.id }).first()
    expect(row.attempts).toBe(4)
    receiver.up = true
  })

  it('routes nothing to a department once its grant is revoked', async () => {
    const db = hub.database.db
    await db('grants').update({ status: 'revoked' })
    expect((await ingest(accepted('LF-W-000004'))).statusCode).toBe(201)
    expect(await db('outbox').where({ topic: 'case-events.lf-approval', key: 'LF-W-000004' })).toEqual([])
    expect(await db('case_webhook_deliveries').where({ case_number: 'LF-W-000004' })).toEqual([])
    expect(await db('outbox').where({ topic: 'case-events', key: 'LF-W-000004' })).toHaveLength(1)
  })
})
