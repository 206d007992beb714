import type { Principal } from '../schemas/generated/types.ts'
import { asSubject } from './ability.ts'
import type { DepartmentScope } from './ability-decision.ts'
import { DASHBOARD_ROLES, dashboardAbility } from './dashboard-rules.ts'
import { hasAnyRole } from './roles.ts'

export { DASHBOARD_ROLES }

/**
 * Whose figures a caller reads on the leaders' dashboard and in the statistics it draws on
 * (/v1/cases/statistics, /v1/certificates/stats/materials-avoided): `department` null means every
 * department together, else that one department only. Decided by the `Dashboard` rules
 * (dashboard-rules.ts).
 */
export type DashboardScope = { allowed: true; department: string | null } | { allowed: false; reason: string }

export function dashboardScope(principal: Principal, cityWideDepartments: readonly string[]): DashboardScope {
  const ability = dashboardAbility(principal, cityWideDepartments)
  const rules = ability.rulesFor('read', 'Dashboard')
  if (rules.some((rule) => !rule.inverted && !rule.conditions)) return { allowed: true, department: null }
  const own = principal.department
  if (own !== null && ability.can('read', asSubject('Dashboard', { department: own })))
    return { allowed: true, department: own }
  // A leader whose token names no department has no figures of their own to be shown.
  const reason = hasAnyRole(principal, DASHBOARD_ROLES)
    ? 'dashboard-department-required'
    : 'dashboard-role-required'
  return { allowed: false, reason }
}

/**
 * The scope of a statistic the dashboard draws on (case counts, materials avoided): the wider of what
 * the caller's own ability allows (`own`, e.g. a clerk's department) and the dashboard's scope.
 */
export function statisticsScope(
  own: DepartmentScope,
  principal: Principal,
  cityWideDepartments: readonly string[],
): DepartmentScope {
  const dashboard = dashboardScope(principal, cityWideDepartments)
  if (!dashboard.allowed) return own
  if (!own.allowed || dashboard.department === null)
    return { allowed: true, department: dashboard.department }
  return own
}
