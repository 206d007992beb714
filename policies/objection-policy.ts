import { type Authorization, asSubject, can } from './ability.ts'
import { type DepartmentScope, decide, departmentScope } from './ability-decision.ts'
import { allow, type Decision, deny } from './decision.ts'

/**
 * Who may do what with data objections (数据异议): the rules are CASL's (`exchange-rules.ts`, subject
 * `Objection`); these functions ask the caller's ability and explain a denial with its reason code.
 * Consumers and clerks raise objections for their department; the provider's steward answers; the
 * objector's department accepts or escalates; the reviewer (市大数据办) rules on escalations and
 * watches quality.
 */

export type { Decision }

type Ability = Authorization

/** The reason of a denial the caller must read as "no such objection" (it may not even see it). */
export const OBJECTION_HIDDEN = 'objection-not-found'

/** The facts of an objection a decision needs. */
export interface ObjectionFacts {
  providerDepartment: string
  objectorDepartment: string
}

type TargetType = 'resource' | 'record' | 'certificate'

/** Consumers raise on resources and records; certificates are objected to by clerks, from a case. */
export function canRaise(ability: Ability, department: string | null, targetType: TargetType): Decision {
  if (can(ability, 'create', asSubject('Objection', { targetType }))) return allow
  return deny(
    department !== null && targetType === 'certificate' ? 'clerk-role-required' : 'objector-role-required',
  )
}

/** The two departments concerned and the hub's oversight see an objection; others get "not found". */
export function canRead(ability: Ability, facts: ObjectionFacts): boolean {
  return can(ability, 'read', asSubject('Objection', { ...facts }))
}

/** A step on an objection the caller may see; one it may not see is hidden. */
function step(
  ability: Ability,
  action: 'answer' | 'respond' | 'rule',
  facts: ObjectionFacts,
  reason: string,
) {
  if (!canRead(ability, facts)) return deny(OBJECTION_HIDDEN)
  return decide(ability, action, 'Objection', { ...facts }, { role: reason, condition: reason })
}

/** Oversight: a rule lets the caller read objections whatever their departments. */
export function readsEveryObjection(ability: Ability): boolean {
  return can(ability, 'read', asSubject('Objection', {}))
}

/** Only the provider department's steward checks and answers. */
export function canAnswer(ability: Ability, facts: ObjectionFacts): Decision {
  return step(ability, 'answer', facts, 'not-provider-steward')
}

/**
 * The department system's own key behind a disputed record's reference is the provider's data: its
 * stewards see it (to find the record in their system), the objector and the hub's oversight never.
 */
export function canSeeSourceRecordKey(ability: Ability, facts: ObjectionFacts): boolean {
  return can(ability, 'readSourceKey', asSubject('Objection', { ...facts }))
}

/** The objector's department accepts an answer or escalates it. */
export function canRespond(ability: Ability, facts: ObjectionFacts): Decision {
  return step(ability, 'respond', facts, 'not-objector')
}

/** Escalations are decided by the big-data office's reviewers. */
export function canRule(ability: Ability, facts: ObjectionFacts): Decision {
  return step(ability, 'rule', facts, 'reviewer-role-required')
}

/** Quality figures: oversight sees every provider (`null`), a steward their own department. */
export function qualityScope(ability: Ability): DepartmentScope {
  return departmentScope(ability, 'count', 'Objection', 'providerDepartment')
}
