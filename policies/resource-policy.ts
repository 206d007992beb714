import type { Principal } from '../schemas/generated/types.ts'
import { hasAnyRole } from './roles.ts'

/**
 * Who may do what with directory resources. Pure functions of the principal and the resource, so
 * the CASL abilities of the access issue can replace this module without touching the service.
 * Rules: every government principal reads published (and deprecated) entries; drafts, submissions
 * and withdrawn entries are visible only to the provider department and to reviewers; stewards
 * change only their own department's resources; reviewers publish or return submissions.
 */

export interface ResourceFacts {
  provider: string
  status: 'draft' | 'submitted' | 'published' | 'deprecated' | 'withdrawn'
}

/** Roles that make a principal a government user of the directory (citizens are not). */
export const GOVERNMENT_ROLES = [
  'steward',
  'consumer',
  'clerk',
  'reviewer',
  'auditor',
  'admin',
  'service',
] as const

export function isGovernmentPrincipal(p: Principal): boolean {
  return p.department !== null && hasAnyRole(p, GOVERNMENT_ROLES)
}

export function isReviewer(p: Principal): boolean {
  return hasAnyRole(p, ['reviewer'])
}

function isInProvider(p: Principal, provider: string): boolean {
  return p.department === provider
}

/** Whether the resource is in the public part of the catalog. */
export function isListedForAll(status: ResourceFacts['status']): boolean {
  return status === 'published' || status === 'deprecated'
}

/** May see the resource at all (its current version when published). */
export function canReadResource(p: Principal, r: ResourceFacts): boolean {
  if (!isGovernmentPrincipal(p)) return false
  return isListedForAll(r.status) || canReadWorkingVersions(p, r)
}

/** May see unpublished versions (drafts, submissions) and withdrawn entries. */
export function canReadWorkingVersions(p: Principal, r: Pick<ResourceFacts, 'provider'>): boolean {
  return isGovernmentPrincipal(p) && (isInProvider(p, r.provider) || isReviewer(p))
}

/** May register a resource for this provider, edit its drafts and submit them. */
export function canEditResource(p: Principal, r: Pick<ResourceFacts, 'provider'>): boolean {
  return hasAnyRole(p, ['steward']) && isInProvider(p, r.provider)
}

/** May publish a submission or return it to the steward. */
export function canReviewResource(p: Principal): boolean {
  return isReviewer(p)
}

/** May deprecate or withdraw: the provider's stewards, or a reviewer taking an entry down. */
export function canRetireResource(p: Principal, r: Pick<ResourceFacts, 'provider'>): boolean {
  return canEditResource(p, r) || isReviewer(p)
}

/**
 * The visibility of a list, for the read model to push into SQL: everything listed for all, plus
 * every status of `ownDepartment`'s resources, or every status of all resources for a reviewer.
 */
export interface ResourceListScope {
  allStatuses: boolean
  ownDepartment: string | null
}

export function resourceListScope(p: Principal): ResourceListScope {
  return { allStatuses: isReviewer(p), ownDepartment: p.department }
}
