import type { Principal } from '../schemas/generated/types.ts'
import { allow, type Decision, deny } from './decision.ts'
import { canReadResource, type ResourceFacts } from './resource-policy.ts'
import { hasAnyRole } from './roles.ts'

/**
 * Who may say how the exchange serves a resource (`resource_sources`: adapter, record kind,
 * hub-held). Pure functions: facts in, decision out. The providing department's steward answers for
 * its own resources; an admin for any. A steward may only point a resource at its own department's
 * system: otherwise grants given by one department would hand out another department's records. An
 * admin may cross departments (e.g. a resource the provincial platform serves on a city's behalf).
 * A caller who may not even see the resource is told it does not exist.
 */

export type SourceDecision = Decision

/** The reason of a denial the caller must read as "no such resource" (it may not even see it). */
export const SOURCE_HIDDEN = 'resource-not-found'

const hidden = deny(SOURCE_HIDDEN)
const forbid = deny

function manages(principal: Principal, resource: ResourceFacts): SourceDecision {
  if (hasAnyRole(principal, ['admin'])) return allow
  if (!canReadResource(principal, resource)) return hidden
  if (!hasAnyRole(principal, ['steward'])) return forbid('source-admin-role-required')
  return principal.department === resource.provider ? allow : forbid('not-provider-steward')
}

/** May read how the resource is served. */
export function canReadSource(principal: Principal, resource: ResourceFacts): SourceDecision {
  return manages(principal, resource)
}

/** May set how the resource is served, reading it through an adapter of `adapterDepartment`. */
export function canSetSource(
  principal: Principal,
  resource: ResourceFacts,
  adapterDepartment: string,
): SourceDecision {
  const decision = manages(principal, resource)
  if (!decision.allowed || hasAnyRole(principal, ['admin'])) return decision
  return adapterDepartment === resource.provider ? allow : forbid('adapter-of-other-department')
}
