import { type Action, Authorization, asSubject, can, type HubAbility, type SubjectName } from './ability.ts'
import { allow, type Decision, deny } from './decision.ts'

/**
 * Turning the ability's yes/no into what a service needs: a `Decision` whose reason code tells
 * "your role may never do this" from "not this one" (the rule exists, its conditions do not hold),
 * and the department a statistic or list is scoped to, read off the same rules.
 */

export interface DenialReasons {
  /** No rule of the caller allows the action on any subject of this type. */
  role: string
  /** A rule exists, but its conditions do not hold for this subject. */
  condition: string
}

export function decide(
  authz: Authorization | HubAbility,
  action: Action,
  type: SubjectName,
  attributes: Record<string, unknown> | undefined,
  reasons: DenialReasons,
): Decision {
  if (!can(authz, action, type)) return deny(reasons.role)
  // Without attributes the question is whether any subject of the type may be acted on.
  if (attributes === undefined || can(authz, action, asSubject(type, attributes))) return allow
  return deny(reasons.condition)
}

export type DepartmentScope = { allowed: false } | { allowed: true; department: string | null }

/**
 * Which department's figures the ability lets the caller count: every department (`null`) when a rule
 * has no conditions, else the one its rule names in `field`; not allowed when no rule exists.
 */
export function departmentScope(
  authz: Authorization | HubAbility,
  action: Action,
  type: SubjectName,
  field: string,
): DepartmentScope {
  const ability = authz instanceof Authorization ? authz.ability : authz
  const rules = ability.rulesFor(action, type).filter((rule) => !rule.inverted)
  if (rules.length === 0) return { allowed: false }
  if (rules.some((rule) => !rule.conditions)) return { allowed: true, department: null }
  const scoped = rules.map((rule) => (rule.conditions as Record<string, unknown>)[field])
  const department = scoped.find((value): value is string => typeof value === 'string')
  if (department === undefined) throw new Error(`departmentScope: no ${field} condition on ${action} ${type}`)
  return { allowed: true, department }
}
