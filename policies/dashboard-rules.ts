import { createMongoAbility, type RawRuleOf } from '@casl/ability'
import type { Principal } from '../schemas/generated/types.ts'
import type { HubAbility } from './ability.ts'
import type { Role } from './roles.ts'

/**
 * Who reads the leaders' dashboard (一网一门一次) and the statistics behind it, as CASL rules on the
 * `Dashboard` subject { department } — the department whose figures are read; a rule without
 * conditions reads every department's together:
 * - oversight (admin, reviewer): every department;
 * - a leader of a city-wide supervising office (`DASHBOARD_CITYWIDE_DEPARTMENTS`, by default the demo's
 *   big-data office `lf-bigdata`): every department — watching the whole programme is that office's job;
 * - any other leader: their own department's figures only, as the head of a bureau expects;
 * - everyone else, and a leader without a department: nothing.
 *
 * The figures are aggregates without personal data; a leader reads them and nothing else (every other
 * operation refuses the role). The rules are their own small ability, not part of the per-principal
 * one in ability.ts, because which offices are city-wide is configuration, not a property of the token.
 */
export const DASHBOARD_ROLES: readonly Role[] = ['leader', 'admin', 'reviewer']

export function dashboardRules(
  principal: Principal,
  cityWideDepartments: readonly string[],
): RawRuleOf<HubAbility>[] {
  const has = (role: Role) => principal.roles.includes(role)
  const department = principal.department
  if (has('admin') || has('reviewer')) return [{ action: 'read', subject: 'Dashboard' }]
  if (!has('leader') || department === null) return []
  if (cityWideDepartments.includes(department)) return [{ action: 'read', subject: 'Dashboard' }]
  return [{ action: 'read', subject: 'Dashboard', conditions: { department } }]
}

export function dashboardAbility(principal: Principal, cityWideDepartments: readonly string[]): HubAbility {
  return createMongoAbility<HubAbility>(dashboardRules(principal, cityWideDepartments))
}
