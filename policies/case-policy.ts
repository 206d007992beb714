import { maskResidentId } from '../platform/identifiers/index.ts'
import { type Authorization, asSubject, can } from './ability.ts'
import { type DepartmentScope, decide, departmentScope } from './ability-decision.ts'
import type { Decision } from './decision.ts'

/**
 * Who may do what with case data (办件): the rules are CASL's (`exchange-rules.ts`, subject `Case`);
 * these functions ask the caller's ability and explain a denial with its reason code. Grants on case
 * data are ordinary grants on the directory resource configured as the case-data resource
 * (`CASE_DATA_RESOURCE_CODE`), found by a `CaseGrantLookup`; their items widen what a consumer sees
 * (`applicant-id`, `form`), their service items and districts narrow which cases it sees.
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

export const ITEM_APPLICANT_ID = 'applicant-id'
export const ITEM_FORM = 'form'

export type { Decision }

type Ability = Authorization

/** Only the handling department's own systems and windows push its cases. */
export function canIngestCase(ability: Ability, handlingDepartment: string): Decision {
  return decide(
    ability,
    'create',
    'Case',
    { department: handlingDepartment },
    { role: 'case-ingest-role-required', condition: 'not-case-department' },
  )
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

const FULL_VIEW: CaseView = { identifiers: true, form: true, grantId: null }

/**
 * The handling department sees its cases in full; others need a grant covering the case (its service
 * item and district): the case is then `grantedTo` the caller's department, which the ability tests.
 */
export async function caseReadView(
  ability: Ability,
  department: string | null,
  facts: CaseFacts,
  grants: CaseGrantLookup,
): Promise<CaseView | null> {
  if (can(ability, 'read', asSubject('Case', { department: facts.department }))) return FULL_VIEW
  // No grant is looked up for a caller whose roles read no case at all.
  if (department === null || !can(ability, 'read', 'Case')) return null
  const grant = await grants.activeCaseGrant(department, facts.serviceItemCode)
  const view = grant ? viewUnderGrant(grant, facts.divisionCode) : null
  if (!view) return null
  return can(ability, 'read', asSubject('Case', { department: facts.department, grantedTo: [department] }))
    ? view
    : null
}

/** Lists by department: a department its own, the big-data bureau's reviewers and admins any. */
export function canListCasesOf(ability: Ability, department: string | undefined): Decision {
  return decide(ability, 'list', 'Case', department === undefined ? undefined : { department }, {
    role: 'case-read-role-required',
    condition: 'not-case-department',
  })
}

/**
 * Case statistics (counts, no case data): oversight and leaders read every department's (`null`),
 * the roles that read cases their own department's.
 */
export function caseStatisticsScope(ability: Ability): DepartmentScope {
  return departmentScope(ability, 'count', 'Case', 'department')
}

/** One-number search (一号申请) is for windows and consumer systems. */
export function canSearchByApplicant(ability: Ability): Decision {
  return decide(ability, 'search', 'Case', undefined, {
    role: 'applicant-search-role-required',
    condition: 'applicant-search-role-required',
  })
}

/** A department's consumer systems (or its officers) ask for back-filled copies for their department. */
export function canBackfillCaseEvents(ability: Ability): Decision {
  return decide(ability, 'backfill', 'Case', undefined, {
    role: 'case-backfill-role-required',
    condition: 'case-backfill-role-required',
  })
}

export function canManageWebhooks(ability: Ability): Decision {
  return decide(ability, 'administer', 'CaseWebhook', undefined, {
    role: 'admin-role-required',
    condition: 'admin-role-required',
  })
}

/** Masks an identifier for a caller without the right to see it; credit codes are public registers. */
export function maskIdentifier(idType: string, idNumber: string): string {
  return idType === 'resident-id' ? maskResidentId(idNumber) : idNumber
}
