import { beforeAll, describe, expect, it } from 'vitest'
import type { CaseEvent, CaseSpecialProcedure } from '../../schemas/generated/types.ts'
import { useTestApp } from '../../test/support/test-app.ts'
import { accepted, basicInfo, caseCounts, seedCaseWorld, step } from './case-test-support.ts'
import { toCaseReport } from './province-forwarder.ts'

/** 特别程序: a special procedure stops the promised time limit while it runs. */

const hub = useTestApp()
const tokens: Record<string, string> = {}
const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000).toISOString()

beforeAll(async () => {
  await seedCaseWorld(hub.database.db)
  tokens.system = await hub.token({ roles: ['service'], department: 'lf-hrss', subject: 'hrss-system-sp' })
  tokens.clerk = await hub.token({ roles: ['clerk'], department: 'lf-hrss', subject: 'hrss-clerk-sp' })
})

const push = (body: object) =>
  hub.app.inject({
    method: 'POST',
    url: '/v1/cases/changes',
    headers: { authorization: `Bearer ${tokens.system}` },
    payload: body,
  })
const read = async (caseNumber: string) => {
  const res = await hub.app.inject({
    method: 'GET',
    url: `/v1/cases/${caseNumber}`,
    headers: { authorization: `Bearer ${tokens.clerk}` },
  })
  expect(res.statusCode, res.body).toBe(200)
  return res.json()
}
const special = (
  caseNumber: string,
  sequence: number,
  procedure: Partial<CaseSpecialProcedure> & Pick<CaseSpecialProcedure, 'startedAt'>,
) => ({
  caseNumber,
  sequence,
  specialProcedure: {
    procedureId: 'SP-1',
    type: 'expert-review',
    reason: '涉及重大公共利益，组织专家评审',
    handler: '王五',
    ...procedure,
  },
})
/** A case accepted ten days ago, promised `promisedHoursAgo` hours ago. */
const overdueCandidate = async (caseNumber: string, promisedHoursAgo: number) =>
  expect(
    (
      await push(
        accepted(
          caseNumber,
          basicInfo({ acceptedAt: hoursAgo(240), promisedAt: hoursAgo(promisedHoursAgo) }),
        ),
      )
    ).statusCode,
  ).toBe(201)

describe('special procedures (特别程序)', () => {
  it('runs one at a time, holds completion back while open, and shows in the timeline and the event', async () => {
    await push(accepted('LF-SP-000001'))
    const start = await push(special('LF-SP-000001', 2, { startedAt: '2026-11-21T02:00:00.000Z' }))
    expect(start.statusCode, start.body).toBe(201)
    expect(start.json()).toMatchObject({ kind: 'special', status: 'accepted' })
    const event = await hub.database.db('outbox').where({ event_id: start.json().eventId }).first()
    expect(event.type).toBe('case.special-procedure-recorded')
    expect((event.payload as CaseEvent).specialProcedure).toMatchObject({
      procedureId: 'SP-1',
      type: 'expert-review',
    })

    const before = await caseCounts(hub.database.db)
    const another = await push(
      special('LF-SP-000001', 3, {
        procedureId: 'SP-2',
        type: 'hearing',
        startedAt: '2026-11-21T03:00:00.000Z',
      }),
    )
    expect([another.statusCode, another.json().code]).toEqual([409, 'special-procedure-open'])
    const complete = await push(step('LF-SP-000001', 3, 'complete'))
    expect([complete.statusCode, complete.json().code]).toEqual([409, 'special-procedure-open'])
    const backwards = await push(
      special('LF-SP-000001', 3, {
        startedAt: '2026-11-21T02:00:00.000Z',
        endedAt: '2026-11-21T01:00:00.000Z',
      }),
    )
    expect([backwards.statusCode, backwards.json().code]).toEqual([400, 'invalid-special-procedure'])
    expect(await caseCounts(hub.database.db)).toEqual(before)
    expect(await read('LF-SP-000001')).toMatchObject({
      openSpecialProcedure: 'SP-1',
      timeLimitPausedSeconds: 0,
    })

    const end = await push(
      special('LF-SP-000001', 3, {
        startedAt: '2026-11-21T02:00:00.000Z',
        endedAt: '2026-11-23T02:00:00.000Z',
        result: '专家评审通过',
      }),
    )
    expect(end.statusCode, end.body).toBe(201)
    expect((await push(step('LF-SP-000001', 4, 'complete'))).statusCode).toBe(201)
    const view = await read('LF-SP-000001')
    expect(view).toMatchObject({
      status: 'completed',
      openSpecialProcedure: null,
      timeLimitPausedSeconds: 2 * 86_400,
    })
    expect(view.timeline.map((t: { kind: string }) => t.kind)).toEqual([
      'basic',
      'special',
      'special',
      'step',
    ])
    expect(view.timeline[2].specialProcedure).toMatchObject({ result: '专家评审通过' })
    // After completion, no more special procedures.
    const late = await push(special('LF-SP-000001', 5, { procedureId: 'SP-3', startedAt: hoursAgo(1) }))
    expect([late.statusCode, late.json().code]).toEqual([409, 'case-completed'])
  })

  it('moves the promised time by the time special procedures took, and stops the clock while one runs', async () => {
    // Promised 2 h ago, with nothing special: overdue.
    await overdueCandidate('LF-SP-000010', 2)
    // Promised 2 h ago, but a day was spent in an expert review: 22 h left.
    await overdueCandidate('LF-SP-000011', 2)
    await push(special('LF-SP-000011', 2, { startedAt: hoursAgo(72), endedAt: hoursAgo(48) }))
    // Promised 2 h ago, a hearing running since 5 h ago (before the deadline): the clock stands still.
    await overdueCandidate('LF-SP-000012', 2)
    await push(special('LF-SP-000012', 2, { type: 'hearing', startedAt: hoursAgo(5) }))
    // Promised 5 h ago, a publicity period started 2 h ago (after the deadline): still overdue.
    await overdueCandidate('LF-SP-000013', 5)
    await push(special('LF-SP-000013', 2, { type: 'publicity', startedAt: hoursAgo(2) }))

    const overdue = async (n: string) => (await read(n)).overdue
    expect(await overdue('LF-SP-000010')).toBe(true)
    expect(await overdue('LF-SP-000011')).toBe(false)
    expect((await read('LF-SP-000011')).timeLimitPausedSeconds).toBe(24 * 3600)
    expect(await overdue('LF-SP-000012')).toBe(false)
    expect(await overdue('LF-SP-000013')).toBe(true)

    const res = await hub.app.inject({
      method: 'GET',
      url: '/v1/cases?department=lf-hrss&overdue=true&limit=100',
      headers: { authorization: `Bearer ${tokens.clerk}` },
    })
    const listed = (res.json().items as { caseNumber: string }[]).map((c) => c.caseNumber)
    expect(listed).toEqual(expect.arrayContaining(['LF-SP-000010', 'LF-SP-000013']))
    expect(listed).not.toContain('LF-SP-000011')
    expect(listed).not.toContain('LF-SP-000012')
  })

  it('reaches the province as the 特别程序 stage', () => {
    const report = toCaseReport(
      {
        caseNumber: 'LF-SP-000020',
        sequence: 2,
        kind: 'special',
        status: 'accepted',
        serviceItemCode: '000107001000',
        serviceItemName: '失业保险金申领',
        department: 'lf-hrss',
        divisionCode: '141000',
        occurredAt: '2026-11-21T02:00:00.000Z',
        applicant: basicInfo().applicant,
        specialProcedure: {
          procedureId: 'SP-1',
          type: 'hearing',
          reason: '依申请举行听证',
          handler: '王五',
          startedAt: '2026-11-21T02:00:00.000Z',
        },
      },
      '临汾市人力资源和社会保障局',
    )
    expect(report).toMatchObject({ stage: 'special-procedure', handler: '王五' })
  })
})
