import { maskResidentId } from '../platform/identifiers/index.ts'
import type { Principal } from '../schemas/generated/types.ts'
import { dashboardScope } from './dashboard-policy.ts'
import { allow, type Decision, deny } from './decision.ts'
import { hasAnyRole } from './roles.ts'

/**
 * Who may do what with case data (办件). Pure functions: the facts (principal, the case, the grant
 * found by a `CaseGrantLookup`) come in, a decision goes out. Grants on case data are ordinary
 * grants on the directory resource configured as the case-data resource (`CASE_DATA_RESOURCE_CODE`);
 * their items widen what a consumer sees (`applicant-id`, `form`), their service items and districts
 * narrow which cases it sees.
 */

/** What a grant on the case-data resource allows, as the lookup reads it. */
export interface CaseGrant {
  grantId: string
  /** Item codes of the grant; `applicant-id` shows identifiers in full, `form` the form data. */
  items?: readonly string[]
  /** GB/T 2260 division codes the grant is limited to; absent = all. */
  districts?: readonly string[]
}

export interface CaseGrantLookup {
  /** The department's active grant on case data covering the service item (any service item when omitted). */
  activeCaseGrant(departmentCode: string, serviceItemCode?: string): Promise<CaseGrant | null>
}

/** The facts of a case a decision needs. */
export interface CaseFacts {
  department: string
  serviceItemCode: string
  divisionCode: string
}

/** How much of a case the caller sees. */
export interface CaseView {
  /** The applicant's and agent's identifiers in full. */
  identifiers: boolean
  form: boolean
  /** The grant the access rests on; null for the handling department itself. */
  grantId: string | null
}

export const CASE_INGEST_ROLES = ['service', 'clerk'] as const
const CASE_READ_ROLES = ['service', 'clerk', 'consumer', 'steward'] as const
const OVERSIGHT_ROLES = ['admin', 'reviewer'] as const
export const ITEM_APPLICANT_ID = 'applicant-id'
export const ITEM_FORM = 'form'

export type { Decision }

/** Only the handling department's own systems and windows push its cases. */
export function canIngestCase(principal: Principal, handlingDepartment: string): Decision {
  if (!hasAnyRole(principal, CASE_INGEST_ROLES)) return deny('case-ingest-role-required')
  if (principal.department !== handlingDepartment) return deny('not-case-department')
  return allow
}

/** The view the grant gives; null when the grant does not reach the case's district. */
export function viewUnderGrant(grant: CaseGrant, divisionCode: string): CaseView | null {
  if (grant.districts && grant.districts.length > 0 && !grant.districts.includes(divisionCode)) return null
  const items = grant.items ?? []
  return {
    identifiers: items.includes(ITEM_APPLICANT_ID),
    form: items.includes(ITEM_FORM),
    grantId: grant.grantId,
  }
}

/** The handling department sees its cases in full; others need a grant covering the case. */
export async function caseReadView(
  principal: Principal,
  facts: CaseFacts,
  grants: CaseGrantLookup,
): Promise<CaseView | null> {
  if (!hasAnyRole(principal, CASE_READ_ROLES) || !principal.department) return null
  if (principal.department === facts.department) return { identifiers: true, form: true, grantId: null }
  const grant = await grants.activeCaseGrant(principal.department, facts.serviceItemCode)
  return grant ? viewUnderGrant(grant, facts.divisionCode) : null
}

/** Lists by department: a department its own, the big-data bureau's reviewers and admins any. */
export function canListCasesOf(principal: Principal, department: string | undefined): Decision {
  if (hasAnyRole(principal, OVERSIGHT_ROLES)) return allow
  if (!hasAnyRole(principal, CASE_READ_ROLES)) return deny('case-read-role-required')
  if (department !== undefined && department !== principal.department) return deny('not-case-department')
  return allow
}

/**
 * Case statistics (counts, no case data): whoever reads the leaders' dashboard reads them in its
 * scope (oversight and a city-wide office's leaders every department's, another leader their own
 * department's), the roles that read cases their own department's; `department` undefined means
 * every department.
 */
export function caseStatisticsScope(
  principal: Principal,
  cityWideDepartments: readonly string[],
): { allowed: false; reason: string } | { allowed: true; department: string | undefined } {
  const dashboard = dashboardScope(principal, cityWideDepartments)
  if (dashboard.allowed) return { allowed: true, department: dashboard.department ?? undefined }
  if (!hasAnyRole(principal, CASE_READ_ROLES)) return { allowed: false, reason: 'case-read-role-required' }
  return { allowed: true, department: principal.department ?? '' }
}

/** One-number search (一号申请) is for windows and consumer systems. */
export function canSearchByApplicant(principal: Principal): Decision {
  if (!hasAnyRole(principal, ['clerk', 'consumer', 'service']) || !principal.department) {
    return deny('applicant-search-role-required')
  }
  return allow
}

/** A department's consumer systems (or its officers) ask for back-filled copies for their department. */
export function canBackfillCaseEvents(principal: Principal): Decision {
  if (!hasAnyRole(principal, ['consumer', 'service']) || !principal.department) {
    return deny('case-backfill-role-required')
  }
  return allow
}

export function canManageWebhooks(principal: Principal): Decision {
  return hasAnyRole(principal, ['admin']) ? allow : deny('admin-role-required')
}

/** Masks an identifier for a caller without the right to see it; credit codes are public registers. */
export function maskIdentifier(idType: string, idNumber: string): string {
  return idType === 'resident-id' ? maskResidentId(idNumber) : idNumber
}
