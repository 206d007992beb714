import type { Principal } from '../schemas/generated/types.ts'
import { dashboardScope } from './dashboard-policy.ts'
import { allow, type Decision, deny } from './decision.ts'
import { hasAnyRole } from './roles.ts'

/**
 * Who may do what with electronic certificates (电子证照). Pure functions: facts in, decision out.
 * Issuing departments manage their own types and certificates; window clerks fetch certificates
 * only for open cases of their own department, and only the applicant's (or agent's).
 */

export type { Decision }

const forbid = deny

const ISSUER_ROLES = ['steward', 'service'] as const
const OVERSIGHT_ROLES = ['admin', 'reviewer'] as const
const STATS_ROLES = ['admin', 'reviewer', 'steward', 'clerk'] as const

/** Types are registered by admins or by the issuing department's steward. */
export function canRegisterType(principal: Principal, issuerDepartment: string): Decision {
  if (hasAnyRole(principal, ['admin'])) return allow
  if (!hasAnyRole(principal, ['steward'])) return forbid('certificate-issuer-role-required')
  return principal.department === issuerDepartment ? allow : forbid('not-issuing-department')
}

/** Certificates are issued, suspended and revoked only by the issuing department's steward or system. */
export function canIssue(principal: Principal, issuerDepartment: string): Decision {
  if (!hasAnyRole(principal, ISSUER_ROLES)) return forbid('certificate-issuer-role-required')
  return principal.department === issuerDepartment ? allow : forbid('not-issuing-department')
}

/** Reading a certificate outside a case is for its issuer and the hub's oversight. */
export function canReadCertificate(principal: Principal, issuerDepartment: string): boolean {
  if (hasAnyRole(principal, OVERSIGHT_ROLES)) return true
  return hasAnyRole(principal, ISSUER_ROLES) && principal.department === issuerDepartment
}

/** Signing keys are rotated by admins or the department's own steward. */
export function canRotateKeys(principal: Principal, department: string): Decision {
  if (hasAnyRole(principal, ['admin'])) return allow
  if (!hasAnyRole(principal, ['steward'])) return forbid('key-admin-role-required')
  return principal.department === department ? allow : forbid('not-key-department')
}

export function canManageMaterials(principal: Principal): Decision {
  return hasAnyRole(principal, ['admin']) ? allow : forbid('admin-role-required')
}

/** The facts of a case a clerk's fetch needs. */
export interface FetchCaseFacts {
  department: string
}

/**
 * A clerk fetches for cases of their own department (whether the case is still open is the service's
 * rule: a completed case is a conflict, not a refusal). A case that does not exist is denied like one
 * of another department, so the service can answer both alike.
 */
export function canFetchForCase(principal: Principal, facts: FetchCaseFacts | undefined): Decision {
  if (!hasAnyRole(principal, ['clerk']) || !principal.department) return forbid('clerk-role-required')
  if (!facts) return deny('case-not-found')
  if (facts.department !== principal.department) return forbid('not-case-department')
  return allow
}

/**
 * Materials-avoided statistics: in the dashboard's scope for those who read it (oversight and a
 * city-wide office's leaders every department, another leader their own), others their own only.
 */
export function statsScope(
  principal: Principal,
  cityWideDepartments: readonly string[],
): { allowed: false } | { allowed: true; department: string | null } {
  const dashboard = dashboardScope(principal, cityWideDepartments)
  if (dashboard.allowed) return dashboard
  if (hasAnyRole(principal, STATS_ROLES) && principal.department)
    return { allowed: true, department: principal.department }
  return { allowed: false }
}
