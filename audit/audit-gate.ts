import { NotAllowedError } from '../platform/errors/app-error.ts'
import type { AuditEvent, RequestContext } from '../policies/request-context.ts'
import { hasAnyRole, type Role } from '../policies/roles.ts'

/** What an operation on the trail itself says about the attempt (the subject in plain text is hashed). */
export interface TrailAccess {
  action: string
  subjectId?: string | null
  details?: Record<string, unknown>
}

function trailEvent(access: TrailAccess): Omit<AuditEvent, 'outcome'> {
  return {
    action: access.action,
    resourceType: 'audit-trail',
    subjectId: access.subjectId ?? null,
    details: access.details ?? {},
  }
}

/*
 * The role check and the record for every operation on the trail itself, on behalf of the request's
 * caller (its context says who asked, the request id and the address). The check lives here and not
 * in the route config because the auth hook would refuse before anything could be written, and a
 * refused attempt must be in the trail (durably) before the 403 goes out.
 */

/** Refuses (recorded as denied, durably, before the 403) a caller holding none of `roles`. */
export async function requireTrailRole(
  ctx: RequestContext,
  roles: readonly Role[],
  access: TrailAccess,
): Promise<void> {
  if (hasAnyRole(ctx.principal, roles)) return
  throw await ctx.audit.refused(
    new NotAllowedError('role-required', `This operation requires the role: ${roles.join(' or ')}`),
    trailEvent(access),
  )
}

/** Records an allowed operation on the trail. */
export async function recordTrailAccess(ctx: RequestContext, access: TrailAccess): Promise<void> {
  await ctx.audit.record({ ...trailEvent(access), outcome: 'allowed' })
}
