import { randomBytes } from 'node:crypto'
import { beforeAll, describe, expect, it } from 'vitest'
import { useTestApp } from '../../test/support/test-app.ts'
import { accepted, basicInfo, caseCounts, residentId, seedCaseWorld, step } from './case-test-support.ts'

const hub = useTestApp()
let service: string
let otherService: string

beforeAll(async () => {
  await seedCaseWorld(hub.database.db)
  service = await hub.token({
    roles: ['service'],
    department: 'lf-hrss',
    subject: `hrss-system-${randomBytes(3).toString('hex')}`,
  })
  otherService = await hub.token({ roles: ['service'], department: 'lf-hfund', subject: 'hfund-system' })
})

const push = (body: object, token = service) =>
  hub.app.inject({
    method: 'POST',
    url: '/v1/cases/changes',
    headers: { authorization: `Bearer ${token}` },
    payload: body,
  })

describe('case ingest', () => {
  it('records the basic info and emits a case event keyed by the case number', async () => {
    const res = await push(accepted('LF-2026-000001'))
    expect(res.statusCode).toBe(201)
    expect(res.json()).toMatchObject({
      caseNumber: 'LF-2026-000001',
      sequence: 1,
      kind: 'basic',
      status: 'accepted',
    })
    const event = await hub.database.db('outbox').where({ event_id: res.json().eventId }).first()
    expect(event).toMatchObject({ topic: 'case-events', key: 'LF-2026-000001', type: 'case.accepted' })
    expect(event.payload.serviceItemName).toBe('失业保险金申领')
  })

  it('marks an event naming a certificate under objection, and not once the objection is resolved', async () => {
    const certificateId = basicInfo().materials![0]!.reference!
    const [objection] = await hub.database
      .db('objections')
      .insert({
        target_type: 'certificate',
        certificate_id: certificateId,
        case_number: 'LF-2026-000090',
        provider_department: 'lf-hrss',
        objector_department: 'lf-hrss',
        raised_by: 'hrss-clerk',
        items: ['name'],
        description: '证照信息与原件不符',
        observed_values: JSON.stringify({}),
        share_type: 'conditional',
        status: 'open',
        answer_deadline: new Date(Date.now() + 86_400_000),
      })
      .returning('id')
    const objectionId = String(objection.id)
    const payloadOf = async (eventId: string) =>
      (await hub.database.db('outbox').where({ event_id: eventId }).first()).payload
    const disputed = await push(accepted('LF-2026-000091'))
    expect(disputed.statusCode).toBe(201)
    expect((await payloadOf(disputed.json().eventId)).disputed).toEqual([{ certificateId, objectionId }])

    await hub.database.db('objections').where({ id: objection.id }).update({ status: 'closed' })
    const resolved = await push(accepted('LF-2026-000092'))
    expect(resolved.statusCode).toBe(201)
    expect(await payloadOf(resolved.json().eventId)).not.toHaveProperty('disputed')
    // An event naming no certificate never looks anything up to mark.
    const plain = await push(
      accepted('LF-2026-000093', basicInfo({ materials: [{ name: '离职证明', source: 'paper' }] })),
    )
    expect(await payloadOf(plain.json().eventId)).not.toHaveProperty('disputed')
  })

  it('answers a replay with the first receipt and writes nothing', async () => {
    const first = await push(accepted('LF-2026-000002'))
    const before = await caseCounts(hub.database.db)
    const again = await push(accepted('LF-2026-000002'))
    expect(again.statusCode).toBe(201)
    expect(again.headers['idempotent-replayed']).toBe('true')
    expect(again.json()).toEqual(first.json())
    expect(await caseCounts(hub.database.db)).toEqual(before)
  })

  it('refuses the same sequence with different content (409) and writes nothing', async () => {
    await push(accepted('LF-2026-000003'))
    const before = await caseCounts(hub.database.db)
    const res = await push(accepted('LF-2026-000003', basicInfo({ summary: 'changed' })))
    expect(res.statusCode).toBe(409)
    expect(res.json().code).toBe('sequence-conflict')
    expect(await caseCounts(hub.database.db)).toEqual(before)
  })

  it.each([
    ['an unknown service item', basicInfo({ serviceItemCode: '999999999999' }), 400, 'unknown-service-item'],
    [
      'an ID that fails its checksum',
      basicInfo({
        applicant: {
          kind: 'person',
          name: '张三',
          idType: 'resident-id',
          idNumber: `${residentId(5).slice(0, 17)}0`,
        },
      }),
      400,
      'invalid-applicant-id',
    ],
    ['an oversize form', basicInfo({ form: { text: 'x'.repeat(20_000) } }), 413, 'form-too-large'],
  ])('refuses %s and writes nothing', async (_label, basic, status, code) => {
    const before = await caseCounts(hub.database.db)
    const res = await push(accepted('LF-2026-000009', basic))
    expect(res.statusCode).toBe(status)
    expect(res.headers['content-type']).toContain('application/problem+json')
    expect(res.json().code).toBe(code)
    expect(await caseCounts(hub.database.db)).toEqual(before)
  })

  it('walks the stages in order and refuses steps out of order or after completion', async () => {
    const n = 'LF-2026-000010'
    await push(accepted(n))
    expect((await push(step(n, 2, 'decide'))).statusCode).toBe(201)
    const back = await push(step(n, 3, 'review'))
    expect([back.statusCode, back.json().code]).toEqual([409, 'step-out-of-order'])
    const early = await push({
      caseNumber: n,
      sequence: 3,
      result: { outcome: 'approved', completedAt: '2026-11-22T00:00:00Z' },
    })
    expect([early.statusCode, early.json().code]).toEqual([409, 'case-not-completed'])
    const gap = await push(step(n, 5, 'complete'))
    expect([gap.statusCode, gap.json().code]).toEqual([409, 'sequence-gap'])
    expect((await push(step(n, 3, 'complete'))).json().status).toBe('completed')
    const after = await push(step(n, 4, 'review'))
    expect([after.statusCode, after.json().code]).toEqual([409, 'case-completed'])
    const result = await push({
      caseNumber: n,
      sequence: 4,
      result: {
        outcome: 'approved',
        completedAt: '2026-11-22T00:00:00Z',
        approvalDocumentNumber: '临人社〔2026〕1号',
      },
    })
    expect(result.statusCode).toBe(201)
  })

  it("refuses another department's system (403) and writes nothing", async () => {
    const before = await caseCounts(hub.database.db)
    const res = await push(accepted('LF-2026-000020'), otherService)
    expect([res.statusCode, res.json().code]).toEqual([403, 'not-case-department'])
    expect(await caseCounts(hub.database.db)).toEqual(before)
  })

  it("answers a change to another department's case exactly like one to a case that does not exist", async () => {
    const n = 'LF-2026-000021'
    expect((await push(accepted(n))).statusCode).toBe(201)
    const before = await caseCounts(hub.database.db)
    const theirs = await push(step(n, 2, 'review'), otherService)
    const none = await push(step('LF-2026-009999', 2, 'review'), otherService)
    expect([theirs.statusCode, theirs.json().code]).toEqual([none.statusCode, none.json().code])
    expect(theirs.statusCode).toBe(409)
    expect(await caseCounts(hub.database.db)).toEqual(before)
  })
})

describe('batch ingest', () => {
  const batch = (changes: object[]) =>
    hub.app.inject({
      method: 'POST',
      url: '/v1/cases/changes/batch',
      headers: { authorization: `Bearer ${service}` },
      payload: { changes },
    })

  it('records every change of a good batch in order', async () => {
    const res = await batch([
      accepted('LF-2026-000100'),
      step('LF-2026-000100', 2, 'review'),
      accepted('LF-2026-000101'),
    ])
    expect(res.statusCode).toBe(201)
    expect(res.json().receipts.map((r: { status: string }) => r.status)).toEqual([
      'accepted',
      'in-review',
      'accepted',
    ])
  })

  it('records nothing when one change is bad, and names each failing change', async () => {
    const before = await caseCounts(hub.database.db)
    const res = await batch([
      accepted('LF-2026-000200'),
      accepted('LF-2026-000201', basicInfo({ serviceItemCode: 'nope' })),
      step('LF-2026-000200', 3, 'review'),
    ])
    expect([res.statusCode, res.json().code]).toEqual([400, 'batch-rejected'])
    const paths = res.json().errors.map((e: { path: string }) => e.path)
    expect(paths).toContain('/changes/1')
    expect(paths).toContain('/changes/2')
    expect(paths).not.toContain('/changes/0')
    expect(await caseCounts(hub.database.db)).toEqual(before)
  })
})
