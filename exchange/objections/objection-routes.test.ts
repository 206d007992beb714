import { createServer, type IncomingHttpHeaders, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedDemoData } from '../../demo/demo-seed.ts'
import { tokensFor, type Who } from '../../directory/requests/access-test-support.ts'
import { sign } from '../../directory/requests/webhook-service.ts'
import { useTestApp } from '../../test/support/test-app.ts'
import { fetchBody, grantedResource, holdRecords, insuredPeople } from '../fetch/fetch-test-support.ts'
import { OBJECTION_OVERDUE_JOB } from './objection-feature.ts'

// Objections through HTTP on real PostgreSQL: lf-hrss provides a hub-held contribution resource,
// lf-approval fetched one record of it. Bad input and decisions by the wrong people are refused with
// a 4xx naming the field, write nothing and are audited as denied; the whole answer cycle and the
// overdue escalation (job, event, signed webhook to the provider) work as the state machine says.
const hub = useTestApp()
let tokens: Record<Who, string>
let code: string
let fetchRequestId: string
const person = insuredPeople()[0]!
/** The record as the fetch named it (an opaque reference, never the source's own key). */
let recordId: string
const SECRET = 'an-objection-webhook-secret-of-32-chars'
let receiver: Server
let receiverUrl: string
const received: { headers: IncomingHttpHeaders; body: string }[] = []

beforeAll(async () => {
  await seedDemoData(hub.database.db)
  tokens = await tokensFor(hub)
  ;({ code } = await grantedResource(hub, tokens, '40021'))
  await holdRecords(hub.database.db, code, [person])
  const fetched = await call('POST', '/v1/exchange/fetch', 'consumer', fetchBody(code, [person.residentId]))
  expect(fetched.statusCode).toBe(200)
  fetchRequestId = fetched.headers['x-request-id'] as string
  recordId = fetched.json().results[0].records[0].recordId
  expect(recordId).toMatch(/^ref-/)
  await hub.database.db('service_items').insert({ code: 'SX-OBJ-001', name: '住房保障' })
  await hub.database.db('cases').insert({
    case_number: 'HOUSING-CASE-1',
    service_item_code: 'SX-OBJ-001',
    service_item_name: '住房保障',
    department_code: 'lf-housing',
    division_code: '141000',
    applicant_kind: 'person',
    applicant_name: '申请人',
    applicant_id_type: 'resident-id',
    applicant_id_number: person.residentId,
    channel: 'window',
    basic: JSON.stringify({}),
    status: 'accepted',
    accepted_at: new Date().toISOString(),
    last_sequence: 1,
  })
  receiver = createServer((req, res) => {
    let body = ''
    req.on('data', (chunk) => (body += chunk))
    req.on('end', () => {
      received.push({ headers: req.headers, body })
      res.statusCode = 204
      res.end()
    })
  })
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve))
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`
}, 60_000)

afterAll(async () => {
  await new Promise((resolve) => receiver?.close(resolve))
})

function call(method: 'GET' | 'POST' | 'PUT', url: string, who: Who, payload?: object) {
  return hub.app.inject({ method, url, payload, headers: { authorization: `Bearer ${tokens[who]}` } })
}

const recordObjection = (overrides: Record<string, unknown> = {}) => ({
  target: { type: 'record', resourceCode: code, recordId, fetchRequestId },
  items: ['jfny'],
  description: '缴费年月与申请人出示的凭证不一致',
  observedValues: { jfny: '2026-10' },
  ...overrides,
})

async function counts() {
  const db = hub.database.db
  const n = async (table: string, where: Record<string, string> = {}) =>
    Number((await db(table).where(where).count({ n: '*' }).first())?.n ?? 0)
  return {
    objections: await n('objections'),
    attachments: await n('objection_attachments'),
    changes: await n('objection_changes'),
    events: await n('outbox', { topic: 'quality-events' }),
    keys: await n('idempotency_keys'),
  }
}

const lastDenial = (action: string) =>
  hub.database
    .db('audit_records')
    .where({ action, outcome: 'denied' })
    .orderBy('id', 'desc')
    .first('reason', 'principal', 'details')

async function raise(overrides: Record<string, unknown> = {}) {
  const raised = await call('POST', '/v1/objections', 'consumer', recordObjection(overrides))
  expect(raised.statusCode).toBe(201)
  return raised.json() as { id: string; status: string }
}

const big = Buffer.alloc(600 * 1024, 0x61).toString('base64')

describe('raising an objection: bad input', () => {
  it.each([
    {
      name: 'a record the department never received (wrong fetch)',
      who: 'consumer' as Who,
      body: () =>
        recordObjection({
          target: { type: 'record', resourceCode: code, recordId, fetchRequestId: 'not-that-fetch-1' },
        }),
      status: 403,
      code: 'record-not-received',
      path: '/body/target/recordId',
    },
    {
      name: 'a record another department received',
      who: 'otherConsumer' as Who,
      body: () => recordObjection(),
      status: 403,
      code: 'record-not-received',
      path: '/body/target/recordId',
    },
    {
      name: 'a record id that was not in the fetch',
      who: 'consumer' as Who,
      body: () =>
        recordObjection({
          target: { type: 'record', resourceCode: code, recordId: 'JF-OTHER', fetchRequestId },
        }),
      status: 403,
      code: 'record-not-received',
      path: '/body/target/recordId',
    },
    {
      name: 'a certificate of another department’s case',
      who: 'clerk' as Who,
      body: () => ({
        target: { type: 'certificate', certificateId: '1.2.156.3005.2.X', caseNumber: 'HOUSING-CASE-1' },
        items: ['name'],
        description: '证照信息有误',
      }),
      status: 403,
      code: 'not-case-department',
      path: '/body/target/caseNumber',
    },
    {
      name: 'an item the resource does not have',
      who: 'consumer' as Who,
      body: () => recordObjection({ items: ['nope'], observedValues: {} }),
      status: 400,
      code: 'unknown-items',
      path: '/body/items/0',
    },
    {
      name: 'an oversized attachment',
      who: 'consumer' as Who,
      body: () =>
        recordObjection({ attachments: [{ fileName: 'a.txt', mediaType: 'text/plain', content: big }] }),
      status: 400,
      code: 'attachment-too-large',
      path: '/body/attachments/0/content',
    },
    {
      name: 'an unsupported attachment type',
      who: 'consumer' as Who,
      body: () =>
        recordObjection({
          attachments: [{ fileName: 'a.exe', mediaType: 'application/x-msdownload', content: 'TVqQAAMA' }],
        }),
      status: 400,
      code: 'attachment-type-not-allowed',
      path: '/body/attachments/0/mediaType',
    },
    {
      name: 'an attachment whose content is not its declared type',
      who: 'consumer' as Who,
      body: () =>
        recordObjection({
          attachments: [
            {
              fileName: 'a.pdf',
              mediaType: 'application/pdf',
              content: Buffer.from('hello').toString('base64'),
            },
          ],
        }),
      status: 400,
      code: 'attachment-content-mismatch',
      path: '/body/attachments/0/content',
    },
  ])(
    '$name: $status $code, nothing written, audited as denied',
    async ({ who, body, status, code: errorCode, path }) => {
      const before = await counts()
      const res = await hub.app.inject({
        method: 'POST',
        url: '/v1/objections',
        payload: body(),
        headers: { authorization: `Bearer ${tokens[who]}`, 'idempotency-key': `bad-${errorCode}-${who}` },
      })
      expect(res.statusCode).toBe(status)
      expect(res.headers['content-type']).toContain('application/problem+json')
      expect(res.json().code).toBe(errorCode)
      expect(res.json().errors).toEqual([expect.objectContaining({ path })])
      expect(await counts()).toEqual(before)
      expect(await lastDenial('objection.raise')).toMatchObject({ reason: errorCode })
    },
  )
})

describe('answering, responding and ruling', () => {
  it('refuses decisions by anyone but the provider’s steward or the reviewer; nothing written; audited', async () => {
    const objection = await raise()
    const before = await counts()
    const cases: [Who, string, object, number, string][] = [
      ['consumer', 'answer', { outcome: 'reject', reason: '无误' }, 403, 'not-provider-steward'],
      ['otherSteward', 'answer', { outcome: 'reject', reason: '无误' }, 404, 'objection-not-found'],
      ['steward', 'ruling', { outcome: 'dismiss', reason: '驳回' }, 403, 'reviewer-role-required'],
      ['steward', 'response', { outcome: 'accept' }, 403, 'not-objector'],
      ['reviewer', 'ruling', { outcome: 'dismiss', reason: '驳回' }, 409, 'illegal-transition'],
      ['consumer', 'response', { outcome: 'accept' }, 409, 'illegal-transition'],
      ['steward', 'answer', { outcome: 'reject' }, 400, 'rejection-reason-required'],
      ['steward', 'answer', { outcome: 'confirm' }, 400, 'correction-required'],
    ]
    for (const [who, step, body, status, errorCode] of cases) {
      const res = await call('POST', `/v1/objections/${objection.id}/${step}`, who, body)
      expect({ who, step, status: res.statusCode, code: res.json().code }).toEqual({
        who,
        step,
        status,
        code: errorCode,
      })
      const action =
        step === 'answer' ? 'objection.answer' : step === 'ruling' ? 'objection.rule' : 'objection.respond'
      expect(await lastDenial(action)).toMatchObject({ reason: errorCode })
    }
    expect(await counts()).toEqual(before)
    const unchanged = await call('GET', `/v1/objections/${objection.id}`, 'reviewer')
    expect(unchanged.json()).toMatchObject({ status: 'open', disputed: true, answer: null })
    expect((await call('GET', `/v1/objections/${objection.id}`, 'otherConsumer')).statusCode).toBe(404)
  })

  it('reject → escalate → reviewer upholds → provider confirms (recorded) → accepted, on the timeline', async () => {
    const objection = await raise({
      attachments: [
        { fileName: '凭证.txt', mediaType: 'text/plain', content: Buffer.from('凭证').toString('base64') },
      ],
    })
    const rejected = await call('POST', `/v1/objections/${objection.id}/answer`, 'steward', {
      outcome: 'reject',
      reason: '经核实数据无误',
    })
    expect(rejected.json()).toMatchObject({
      status: 'rejected',
      disputed: true,
      answer: { outcome: 'reject' },
    })
    const noReason = await call('POST', `/v1/objections/${objection.id}/response`, 'consumer', {
      outcome: 'escalate',
    })
    expect(noReason.statusCode).toBe(400)
    expect(noReason.json().errors).toEqual([expect.objectContaining({ path: '/body/reason' })])
    const escalated = await call('POST', `/v1/objections/${objection.id}/response`, 'colleague', {
      outcome: 'escalate',
      reason: '凭证与数据明显不符',
    })
    expect(escalated.json()).toMatchObject({ status: 'escalated' })
    const queue = await call('GET', '/v1/objections?view=escalated', 'reviewer')
    expect(queue.json().items.map((o: { id: string }) => o.id)).toContain(objection.id)
    const upheld = await call('POST', `/v1/objections/${objection.id}/ruling`, 'reviewer', {
      outcome: 'uphold',
      reason: '请提供方更正',
    })
    expect(upheld.json()).toMatchObject({
      status: 'upheld',
      ruling: { outcome: 'uphold', by: 'bigdata-reviewer' },
    })
    const toAnswer = await call('GET', '/v1/objections?view=to-answer', 'steward')
    expect(toAnswer.json().items.map((o: { id: string }) => o.id)).toContain(objection.id)
    const confirmed = await call('POST', `/v1/objections/${objection.id}/answer`, 'steward', {
      outcome: 'confirm',
      correction: { method: 'recorded', note: '已更正缴费年月', correctedValues: { jfny: '2026-09' } },
    })
    expect(confirmed.json()).toMatchObject({
      status: 'corrected',
      answer: {
        outcome: 'confirm',
        by: 'hrss-steward',
        correction: { method: 'recorded', correctedValues: { jfny: '2026-09' }, by: 'hrss-steward' },
      },
    })
    const accepted = await call('POST', `/v1/objections/${objection.id}/response`, 'consumer', {
      outcome: 'accept',
    })
    expect(accepted.json()).toMatchObject({ status: 'closed', disputed: false })

    const timeline = await call('GET', `/v1/objections/${objection.id}/timeline`, 'consumer')
    expect(timeline.json().entries.map((e: { type: string; status: string }) => [e.type, e.status])).toEqual([
      ['objection.raised', 'open'],
      ['objection.rejected', 'rejected'],
      ['objection.escalated', 'escalated'],
      ['objection.upheld', 'upheld'],
      ['objection.confirmed', 'corrected'],
      ['objection.accepted', 'closed'],
    ])
    const [attachment] = accepted.json().attachments
    const file = await call('GET', `/v1/objections/${objection.id}/attachments/${attachment.id}`, 'steward')
    expect(file.statusCode).toBe(200)
    expect(file.headers['content-type']).toContain('text/plain')
    expect(file.body).toBe('凭证')
    expect(
      (await call('GET', `/v1/objections/${objection.id}/attachments/${attachment.id}`, 'otherSteward'))
        .statusCode,
    ).toBe(404)
  })

  it('replays a retried raise with the same Idempotency-Key instead of raising twice', async () => {
    const send = () =>
      hub.app.inject({
        method: 'POST',
        url: '/v1/objections',
        payload: recordObjection({ description: '重复提交测试' }),
        headers: { authorization: `Bearer ${tokens.consumer}`, 'idempotency-key': 'objection-once' },
      })
    const first = await send()
    const before = await counts()
    const again = await send()
    expect(again.statusCode).toBe(201)
    expect(again.headers['idempotent-replayed']).toBe('true')
    expect(again.json().id).toBe(first.json().id)
    expect(await counts()).toEqual(before)
  })
})

describe('overdue objections', () => {
  it('escalate automatically: job, event and a signed webhook to the provider; counted in quality', async () => {
    const set = await call('PUT', '/v1/access-webhooks/lf-hrss', 'steward', {
      url: receiverUrl,
      secret: SECRET,
    })
    expect(set.statusCode).toBe(200)
    const objection = await raise({ description: '逾期测试' })
    await hub.database
      .db('objections')
      .where({ id: objection.id })
      .update({ answer_deadline: new Date(Date.now() - 1000) })

    // The real runner: the overdue job escalates and enqueues the delivery job, which posts the webhook.
    await hub.app.jobs.startWorkers()
    await hub.app.jobs.enqueue(OBJECTION_OVERDUE_JOB, {})
    // The same webhook also gets the department's access changes (its own dispatcher): only ours count.
    const overdueHooks = () => received.filter((r) => r.headers['x-hub-event-type'] === 'objection.overdue')
    const deadline = Date.now() + 20_000
    while (overdueHooks().length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100))
    expect(overdueHooks()).toHaveLength(1)
    const [hook] = overdueHooks()
    expect(hook!.headers['x-hub-signature']).toBe(
      sign(SECRET, String(hook!.headers['x-hub-timestamp']), hook!.body),
    )
    expect(JSON.parse(hook!.body)).toMatchObject({
      objectionId: objection.id,
      status: 'escalated',
      providerDepartment: 'lf-hrss',
    })

    const escalated = await call('GET', `/v1/objections/${objection.id}`, 'consumer')
    expect(escalated.json()).toMatchObject({ status: 'escalated', overdue: true })
    const events = await hub.database
      .db('outbox')
      .where({ topic: 'quality-events', key: objection.id })
      .pluck('type')
    expect(events).toEqual(['objection.raised', 'objection.overdue'])

    const quality = await call('GET', '/v1/objections/quality', 'steward')
    expect(quality.statusCode).toBe(200)
    expect(quality.json().providers).toEqual([
      expect.objectContaining({ department: 'lf-hrss', overdue: 1, rejected: 1, confirmed: 0 }),
    ])
    expect((await call('GET', '/v1/objections/quality', 'consumer')).statusCode).toBe(403)
  })
})
