import type { Principal } from '../schemas/generated/types.ts'
import { allow, type Decision, deny } from './decision.ts'
import { hasAnyRole } from './roles.ts'

/**
 * Who may do what with data objections (数据异议). Pure functions: facts in, decision out. Consumers and
 * clerks raise objections for their department; the provider's steward answers; the objector's
 * department accepts or escalates; the reviewer (市大数据办) rules on escalations and watches quality.
 */

export type { Decision }

/** The reason of a denial the caller must read as "no such objection" (it may not even see it). */
export const OBJECTION_HIDDEN = 'objection-not-found'

const forbid = deny

const OBJECTOR_ROLES = ['consumer', 'clerk'] as const
const OVERSIGHT_ROLES = ['reviewer', 'admin'] as const

/** The facts of an objection a decision needs. */
export interface ObjectionFacts {
  providerDepartment: string
  objectorDepartment: string
}

/** Consumers raise on resources and records; certificates are objected to by clerks, from a case. */
export function canRaise(principal: Principal, targetType: 'resource' | 'record' | 'certificate'): Decision {
  if (!principal.department) return forbid('objector-role-required')
  if (targetType === 'certificate')
    return hasAnyRole(principal, ['clerk']) ? allow : forbid('clerk-role-required')
  return hasAnyRole(principal, OBJECTOR_ROLES) ? allow : forbid('objector-role-required')
}

/** The two departments concerned and the hub's oversight see an objection; others get "not found". */
export function canRead(principal: Principal, facts: ObjectionFacts): boolean {
  if (hasAnyRole(principal, [...OVERSIGHT_ROLES, 'auditor'])) return true
  if (!principal.department) return false
  if (principal.department === facts.objectorDepartment && hasAnyRole(principal, OBJECTOR_ROLES)) return true
  return principal.department === facts.providerDepartment && hasAnyRole(principal, ['steward'])
}

/** Only the provider department's steward checks and answers. */
export function canAnswer(principal: Principal, facts: ObjectionFacts): Decision {
  if (!canRead(principal, facts)) return deny(OBJECTION_HIDDEN)
  if (hasAnyRole(principal, ['steward']) && principal.department === facts.providerDepartment) return allow
  return forbid('not-provider-steward')
}

/**
 * The department system's own key behind a disputed record's reference is the provider's data: its
 * stewards see it (to find the record in their system), the objector and the hub's oversight never.
 */
export function canSeeSourceRecordKey(principal: Principal, facts: ObjectionFacts): boolean {
  return hasAnyRole(principal, ['steward']) && principal.department === facts.providerDepartment
}

/** The objector's department accepts an answer or escalates it. */
export function canRespond(principal: Principal, facts: ObjectionFacts): Decision {
  if (!canRead(principal, facts)) return deny(OBJECTION_HIDDEN)
  if (hasAnyRole(principal, OBJECTOR_ROLES) && principal.department === facts.objectorDepartment) return allow
  return forbid('not-objector')
}

/** Escalations are decided by the big-data office's reviewers. */
export function canRule(principal: Principal, facts: ObjectionFacts): Decision {
  if (!canRead(principal, facts)) return deny(OBJECTION_HIDDEN)
  return hasAnyRole(principal, ['reviewer']) ? allow : forbid('reviewer-role-required')
}

/** Quality figures: oversight sees every provider, a steward their own department. */
export function qualityScope(
  principal: Principal,
): { allowed: false } | { allowed: true; department: string | null } {
  if (hasAnyRole(principal, OVERSIGHT_ROLES)) return { allowed: true, department: null }
  if (hasAnyRole(principal, ['steward']) && principal.department)
    return { allowed: true, department: principal.department }
  return { allowed: false }
}
