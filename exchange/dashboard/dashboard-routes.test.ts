import { beforeAll, describe, expect, it } from 'vitest'
import { ensureDemoCaseCertificates } from '../../demo/demo-cases.ts'
import { seedDemoCatalog } from '../../demo/demo-catalog.ts'
import { seedDemoHistory } from '../../demo/demo-history.ts'
import { DEMO_PRINCIPALS } from '../../platform/auth/demo-principals.ts'
import type {
  CaseStatistics,
  CertificateMaterialsAvoided,
  DashboardIndicators,
  Principal,
} from '../../schemas/generated/types.ts'
import { useTestApp } from '../../test/support/test-app.ts'
import { TEST_KEK } from '../certificates/certificate-test-support.ts'

// The leaders' dashboard on the demo's year of history: the month rows add up to what the per-department
// statistics say for the same window, and a leader reads these aggregates and is refused (and audited)
// everywhere else.
const hub = useTestApp({ simulators: true, env: { CERT_KEY_ENCRYPTION_KEY: TEST_KEK } })
const now = new Date()
const window = `from=${new Date(now.getTime() - 365 * 86_400_000).toISOString()}&to=${now.toISOString()}`

async function get(url: string, who: Partial<Principal> & Pick<Principal, 'roles'>) {
  return hub.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${await hub.token(who)}` } })
}
const leader = DEMO_PRINCIPALS.leader!

beforeAll(async () => {
  const db = hub.database.db
  await seedDemoCatalog(db, { holders: 3 })
  await ensureDemoCaseCertificates(db)
  await seedDemoHistory(db, {
    calendar: hub.app.config.calendar,
    decisionWorkdays: 10,
    subjectKey: Buffer.from(hub.app.config.audit.subjectKey!),
    trailMonths: 6,
  })
}, 120_000)

describe('GET /v1/dashboard/indicators', () => {
  it('gives the leader a year month by month that adds up to the per-department statistics', async () => {
    const res = await get(`/v1/dashboard/indicators?${window}`, leader)
    expect(res.statusCode).toBe(200)
    const body = res.json() as DashboardIndicators
    // The big-data office is city-wide (DASHBOARD_CITYWIDE_DEPARTMENTS' default).
    expect(body.scope).toEqual({ department: null })
    expect(body.goals).toEqual({ yearOne: 0.3, yearTwo: 0.6 })
    expect(body.months.length).toBeGreaterThanOrEqual(12)
    expect(body.months.length).toBeLessThanOrEqual(13)
    expect(body.months.map((m) => m.month)).toEqual([...body.months.map((m) => m.month)].sort())

    const stats = (await get(`/v1/cases/statistics?${window}`, leader)).json() as CaseStatistics
    // A leader sees every department, not only the big-data office's own.
    expect(stats.departments.length).toBeGreaterThan(2)
    const sum = <T>(rows: T[], f: (r: T) => number) => rows.reduce((n, r) => n + f(r), 0)
    expect(sum(body.months, (m) => m.accepted)).toBe(sum(stats.departments, (d) => d.accepted))
    expect(sum(body.months, (m) => m.accepted)).toBeGreaterThan(500)
    expect(sum(body.months, (m) => m.completedOnTime)).toBe(sum(stats.departments, (d) => d.completedOnTime))
    expect(sum(body.months, (m) => m.completedInOneVisit)).toBe(
      sum(stats.departments, (d) => d.completedInOneVisit),
    )

    const avoided = (
      await get(`/v1/certificates/stats/materials-avoided?${window}`, leader)
    ).json() as CertificateMaterialsAvoided
    expect(sum(body.months, (m) => m.materialsRequired)).toBe(avoided.total.required)
    expect(sum(body.months, (m) => m.materialsReplaced)).toBe(avoided.total.replaced)
    expect(avoided.total.replaced).toBeGreaterThan(0)

    // The six months of demo trail show as data exchanged; the history leaves two requests overdue.
    expect(body.months.filter((m) => m.exchangesAllowed > 0).length).toBeGreaterThanOrEqual(5)
    expect(sum(body.overdueRequests, (r) => r.overdue)).toBe(2)

    // Every configured department system, as operators see it.
    const adapters = (await get('/v1/admin/adapters', DEMO_PRINCIPALS.admin!)).json() as {
      items: { name: string; department: string; health: { status: string; breaker: string } }[]
    }
    expect(body.adapters.length).toBeGreaterThan(0)
    expect(body.adapters).toEqual(
      adapters.items.map((a) => ({
        name: a.name,
        department: a.department,
        status: a.health.status,
        breaker: a.health.breaker,
      })),
    )
  })

  it('is for leaders, admins and reviewers; a bad window is a 400', async () => {
    expect((await get('/v1/dashboard/indicators', DEMO_PRINCIPALS.reviewer!)).statusCode).toBe(200)
    const consumer = await get('/v1/dashboard/indicators', DEMO_PRINCIPALS.consumer!)
    expect(consumer.statusCode).toBe(403)
    expect(consumer.json().code).toBe('dashboard-role-required')
    const backwards = await get(
      `/v1/dashboard/indicators?from=${now.toISOString()}&to=2020-01-01T00:00:00Z`,
      leader,
    )
    expect(backwards.statusCode).toBe(400)
  })

  it("gives any other department's leader that department's own figures, in every statistic the dashboard reads", async () => {
    const head: Pick<Principal, 'subject' | 'department' | 'roles'> = {
      subject: 'head-of-hrss',
      department: 'lf-hrss',
      roles: ['leader'],
    } as const
    const res = await get(`/v1/dashboard/indicators?${window}`, head)
    expect(res.statusCode).toBe(200)
    const body = res.json() as DashboardIndicators
    expect(body.scope).toEqual({ department: 'lf-hrss' })
    const stats = (await get(`/v1/cases/statistics?${window}`, head)).json() as CaseStatistics
    expect(stats.departments.map((d) => d.department)).toEqual(['lf-hrss'])
    const sum = <T>(rows: T[], f: (r: T) => number) => rows.reduce((n, r) => n + f(r), 0)
    const accepted = sum(body.months, (m) => m.accepted)
    expect(accepted).toBe(stats.departments[0]!.accepted)
    expect(accepted).toBeGreaterThan(0)
    const all = (await get(`/v1/dashboard/indicators?${window}`, leader)).json() as DashboardIndicators
    expect(accepted).toBeLessThan(sum(all.months, (m) => m.accepted))
    const avoided = (
      await get(`/v1/certificates/stats/materials-avoided?${window}`, head)
    ).json() as CertificateMaterialsAvoided
    expect(new Set(avoided.items.map((d) => d.departmentCode))).toEqual(new Set(['lf-hrss']))
    expect(sum(body.months, (m) => m.materialsRequired)).toBe(avoided.total.required)
    // The data its own staff and systems accessed; requests made to it; its own systems.
    const exchanged = await hub.database
      .db('audit_records')
      .where({ department: 'lf-hrss' })
      .whereIn('action', ['exchange.fetch', 'certificates.fetch', 'cases.read'])
      .where('occurred_at', '>=', new Date(now.getTime() - 365 * 86_400_000))
      .where('occurred_at', '<', now)
      .count<{ n: string }[]>('* as n')
    expect(sum(body.months, (m) => m.exchangesAllowed + m.exchangesDenied)).toBe(Number(exchanged[0]!.n))
    expect(body.overdueRequests.every((r) => r.department === 'lf-hrss')).toBe(true)
    expect(body.adapters.length).toBeGreaterThan(0)
    expect(body.adapters.every((a) => a.department === 'lf-hrss')).toBe(true)
  })

  it('refuses every other role, the refusal on the audit trail', async () => {
    const steward: Pick<Principal, 'subject' | 'department' | 'roles'> = {
      subject: 'nosy-steward',
      department: 'lf-hrss',
      roles: ['steward'],
    }
    const res = await get(`/v1/dashboard/indicators?${window}`, steward)
    expect(res.statusCode).toBe(403)
    expect(res.json().code).toBe('dashboard-role-required')
    const denied = await hub.database
      .db('audit_records')
      .where({ principal: 'nosy-steward', outcome: 'denied', action: 'dashboard.read' })
      .select('reason', 'resource_type')
    expect(denied).toEqual([{ reason: 'dashboard-role-required', resource_type: 'dashboard' }])
  })

  it('refuses the leader everything but the aggregates, each refusal on the audit trail', async () => {
    const refused = ['/v1/resources', '/v1/cases', '/v1/admin/adapters', '/v1/audit/records']
    for (const url of refused) {
      const res = await get(url, leader)
      expect(res.statusCode, url).toBe(403)
    }
    // Lists filtered by the caller's ability come back empty: no grant of the history is the leader's to see.
    const grants = await get('/v1/grants', leader)
    expect(grants.statusCode).toBe(200)
    expect(grants.json().items).toEqual([])
    const denials = await hub.database
      .db('audit_records')
      .where({ principal: leader.subject, outcome: 'denied' })
      .select('action')
    expect(denials.length).toBeGreaterThanOrEqual(refused.length)
  })
})
