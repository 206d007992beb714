import { describe, expect, it } from 'vitest'
import type { Principal } from '../schemas/generated/types.ts'
import { dashboardScope } from './dashboard-policy.ts'

const who = (roles: string[], department: string | null): Principal =>
  ({ subject: 'p', roles, department, district: null }) as Principal

describe('the dashboard rules (Dashboard subject)', () => {
  const cityWide = ['lf-bigdata']

  it('shows every department to oversight and to the leaders of a city-wide office', () => {
    expect(dashboardScope(who(['admin'], 'lf-bigdata'), cityWide)).toEqual({
      allowed: true,
      department: null,
    })
    expect(dashboardScope(who(['reviewer'], null), cityWide)).toEqual({ allowed: true, department: null })
    expect(dashboardScope(who(['leader'], 'lf-bigdata'), cityWide)).toEqual({
      allowed: true,
      department: null,
    })
  })

  it("shows any other leader their own department's figures only", () => {
    expect(dashboardScope(who(['leader'], 'lf-hrss'), cityWide)).toEqual({
      allowed: true,
      department: 'lf-hrss',
    })
    // Which offices are city-wide is configuration: with none, the big-data office's head is scoped too.
    expect(dashboardScope(who(['leader'], 'lf-bigdata'), [])).toEqual({
      allowed: true,
      department: 'lf-bigdata',
    })
    expect(dashboardScope(who(['leader'], 'lf-hrss'), ['lf-hrss'])).toEqual({
      allowed: true,
      department: null,
    })
  })

  it('refuses a leader without a department and every other role', () => {
    expect(dashboardScope(who(['leader'], null), cityWide)).toEqual({
      allowed: false,
      reason: 'dashboard-department-required',
    })
    expect(dashboardScope(who(['consumer', 'steward'], 'lf-bigdata'), cityWide)).toEqual({
      allowed: false,
      reason: 'dashboard-role-required',
    })
  })
})
