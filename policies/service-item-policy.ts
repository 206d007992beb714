import type { Principal } from '../schemas/generated/types.ts'
import { allow, type Decision } from './decision.ts'
import { hasAnyRole } from './roles.ts'

/**
 * Who may change the 事项 catalog. Pure functions: facts in, decision out. Reading the catalog is
 * open to every signed-in caller (it is what the service halls publish anyway).
 */

export type ServiceItemDecision = Decision

/** Hub admins, and the steward of the item's handling department, maintain an item and its materials. */
export function canChangeServiceItem(principal: Principal, department: string | null): ServiceItemDecision {
  if (hasAnyRole(principal, ['admin'])) return allow
  if (!hasAnyRole(principal, ['steward'])) return { allowed: false, reason: 'service-item-role-required' }
  return department !== null && principal.department === department
    ? allow
    : { allowed: false, reason: 'not-handling-department' }
}

/** Editing an item the provincial platform maintains detaches it from the sync: an admin's decision. */
export function canOverrideProvince(principal: Principal): ServiceItemDecision {
  return hasAnyRole(principal, ['admin']) ? allow : { allowed: false, reason: 'province-override-admin-only' }
}

/** Running the provincial sync by hand. */
export function canSyncServiceItems(principal: Principal): ServiceItemDecision {
  return hasAnyRole(principal, ['admin']) ? allow : { allowed: false, reason: 'admin-role-required' }
}
