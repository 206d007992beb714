import type { Principal } from '../schemas/generated/types.ts'
import { hasAnyRole, type Role } from './roles.ts'

/**
 * Who reads the leaders' dashboard (一网一门一次): the city-wide indicators — cases, materials avoided,
 * exchange volume, adapter health — are aggregates without personal data, read by the heads who watch
 * the programme (`leader`) and by the hub's oversight (admin, reviewer). A leader reads these
 * aggregates and nothing else: every other operation refuses the role.
 */

export const DASHBOARD_ROLES: readonly Role[] = ['leader', 'admin', 'reviewer']

export type DashboardDecision = { allowed: true } | { allowed: false; reason: string }

export function canReadDashboard(principal: Principal): DashboardDecision {
  return hasAnyRole(principal, DASHBOARD_ROLES)
    ? { allowed: true }
    : { allowed: false, reason: 'dashboard-role-required' }
}

/** Statistics every department's figures go into for these roles (no department filter). */
export function readsCityWideStatistics(principal: Principal): boolean {
  return hasAnyRole(principal, DASHBOARD_ROLES)
}
