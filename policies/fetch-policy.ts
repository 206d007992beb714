import type { Authorization, GrantFacts } from './ability.ts'
import type { Denial } from './decision.ts'

/**
 * Why a fetch is or is not covered, before any record is read: the usable grants of the caller on the
 * resource (the rules CASL compiled from them), narrowed to those given for the fetch's purpose and
 * covering the resource's current version — or the reason none is, with the grant the audit names.
 * Per-record conditions (district, applicant of an open case) are CASL's `can` per subject.
 */

export type FetchDenialReason =
  | 'no-grant'
  | 'grant-revoked'
  | 'grant-expired'
  | 'purpose-not-granted'
  | 'version-not-granted'

export type FetchCoverage =
  | { allowed: true; grants: GrantFacts[] }
  | (Denial<FetchDenialReason> & { grantId: string | null })

/** The usable grants behind the caller's fetch rules on one resource. */
export function grantsOn(authz: Authorization, resourceId: string): GrantFacts[] {
  const grants: GrantFacts[] = []
  for (const rule of authz.forResource(resourceId).rulesFor('fetch', 'Record')) {
    const grant = authz.grantOf(rule.origin)
    if (grant) grants.push(grant)
  }
  return grants
}

/** Whether a grant was given for `purposeCode` and covers `version` (the grant rule's own conditions). */
export function grantCovers(grant: GrantFacts, purposeCode: string, version: number): boolean {
  return (
    grant.purposeCode === purposeCode &&
    grant.versionFrom <= version &&
    (grant.versionTo === null || version <= grant.versionTo)
  )
}

/**
 * The grants that cover a fetch of `resource` (at its current version) for `purposeCode`, or why none
 * does. With no usable grant at all the reason is `no-grant`; `lapsedReason` then tells a revoked or
 * expired grant from none, from the department's latest grant (a read the caller makes only then).
 */
export function fetchCoverage(
  authz: Authorization,
  resource: { id: string; version: number },
  purposeCode: string,
): FetchCoverage {
  const usable = grantsOn(authz, resource.id)
  if (usable.length === 0) return { allowed: false, reason: 'no-grant', grantId: null }
  const grants = usable.filter((g) => grantCovers(g, purposeCode, resource.version))
  if (grants.length > 0) return { allowed: true, grants }
  const samePurpose = usable.find((g) => g.purposeCode === purposeCode)
  return {
    allowed: false,
    reason: samePurpose ? 'version-not-granted' : 'purpose-not-granted',
    grantId: (samePurpose ?? usable[0]!).id,
  }
}

/** The latest grant of a department on a resource, when none of its grants is usable. */
export interface LapsedGrant {
  id: string
  status: string
  validUntil: Date
}

/** Why a department holds no usable grant: its latest one was revoked or has expired, or there is none. */
export function lapsedReason(
  last: LapsedGrant | undefined,
  now = Date.now(),
): Denial<FetchDenialReason> & { grantId: string | null } {
  if (!last) return { allowed: false, reason: 'no-grant', grantId: null }
  if (last.status === 'revoked') return { allowed: false, reason: 'grant-revoked', grantId: last.id }
  if (last.status === 'expired' || last.validUntil.getTime() <= now)
    return { allowed: false, reason: 'grant-expired', grantId: last.id }
  return { allowed: false, reason: 'no-grant', grantId: last.id }
}

/** Why a subject the fetch asked for was refused once its grants were found (the row conditions). */
export function rowDenialReason(
  grants: readonly GrantFacts[],
): 'not-applicant-of-open-case' | 'row-condition-not-met' {
  return requiresOpenCase(grants) ? 'not-applicant-of-open-case' : 'row-condition-not-met'
}

/** Whether every grant limits fetches to the applicant of an open case (then a case number is required). */
export function requiresOpenCase(grants: readonly GrantFacts[]): boolean {
  return grants.every((g) => g.rowConditions.applicantOfOpenCase === true)
}
