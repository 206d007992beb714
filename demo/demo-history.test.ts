import { beforeAll, describe, expect, it } from 'vitest'
import { seededRandom } from '../adapters/simulator-kit/demo-population.ts'
import { WorkingDayCalendar } from '../platform/calendar/working-days.ts'
import { useTestDatabase } from '../test/support/test-database.ts'
import { ensureDemoCaseCertificates } from './demo-cases.ts'
import { seedDemoCatalog } from './demo-catalog.ts'
import { HISTORY_SEED, planHistoryCases, seedDemoHistory } from './demo-history.ts'

const t = useTestDatabase()
const settings = { holidays: ['2026-10-01', '2026-10-02', '2026-10-05'], makeUpWorkdays: ['2026-09-27'] }
const calendar = new WorkingDayCalendar(settings)
const now = new Date('2026-12-04T06:00:00Z')
const cst = (at: Date) => new Date(at.getTime() + 8 * 3_600_000).toISOString()

beforeAll(async () => {
  await seedDemoCatalog(t.db, { holders: 3 })
  await ensureDemoCaseCertificates(t.db)
})

describe('demo history', () => {
  it('is the same history for the same seed and day', async () => {
    const first = await planHistoryCases(t.db, seededRandom(HISTORY_SEED), calendar, now)
    const second = await planHistoryCases(t.db, seededRandom(HISTORY_SEED), calendar, now)
    expect(first.length).toBeGreaterThan(500)
    expect(JSON.stringify(second)).toBe(JSON.stringify(first))
  })

  it('spreads a year of cases over working days and office hours, none in the future', async () => {
    const cases = await planHistoryCases(t.db, seededRandom(HISTORY_SEED), calendar, now)
    const oldest = Math.min(...cases.map((c) => c.acceptedAt.getTime()))
    expect(now.getTime() - oldest).toBeGreaterThan(360 * 86_400_000)
    for (const c of cases) {
      const local = cst(c.acceptedAt)
      expect(calendar.isWorkingDay(local.slice(0, 10)), c.caseNumber).toBe(true)
      expect(local.slice(11, 16) >= '09:00' && local.slice(11, 16) <= '17:00', local).toBe(true)
      for (const change of c.changes) {
        const at =
          change.basic?.acceptedAt ??
          change.step?.startedAt ??
          change.specialProcedure?.endedAt ??
          change.result?.completedAt
        expect(Date.parse(at!)).toBeLessThan(now.getTime())
      }
    }
    expect(
      cases.some((c) => calendar.isWorkingDay('2026-09-27') && cst(c.acceptedAt).startsWith('2026-09-27')),
    ).toBe(true)
    expect(cases.some((c) => cst(c.acceptedAt).startsWith('2026-10-01'))).toBe(false)
    // A few special procedures (特别程序), each ended before the decision.
    expect(cases.filter((c) => c.changes.some((ch) => ch.specialProcedure)).length).toBeGreaterThan(5)
  })

  it('writes cases, shared materials, requests and a verifiable trail once', async () => {
    const options = {
      calendar: settings,
      decisionWorkdays: 10,
      subjectKey: Buffer.from('test-audit-subject-key-0123456789abcdef'),
      trailMonths: 6,
      now,
    }
    const summary = await seedDemoHistory(t.db, options)
    expect(summary).toMatchObject({ requests: 5 })
    expect(summary!.auditRecords).toBeGreaterThan(100)
    const counted = (await t.db('cases').count({ count: '*' }).first()) as { count: string }
    expect(Number(counted.count)).toBe(summary!.cases)
    const times = (await t.db('audit_records').orderBy('id').select('occurred_at')).map((r) =>
      new Date(r.occurred_at).getTime(),
    )
    expect(times).toEqual([...times].sort((a, b) => a - b))
    expect(
      await t.db('access_requests').where({ status: 'pending' }).whereNotNull('overdue_at'),
    ).toHaveLength(2)
    expect(await seedDemoHistory(t.db, options)).toBeNull()
  })
})
