import { NotAllowedError } from '../platform/errors/app-error.ts'
import { hasAnyRole, type Role } from '../policies/roles.ts'
import type { Principal } from '../schemas/generated/types.ts'
import type { AuditEntry, AuditWriter } from './audit-writer.ts'

/** Who is asking, as every audited operation needs it. */
export interface AuditActor {
  principal: Principal
  requestId: string
  clientAddress: string
}

/** The same fields the writer takes from a caller, for entries written on an actor's behalf. */
export function actorFields(actor: AuditActor) {
  return {
    principal: actor.principal.subject,
    department: actor.principal.department,
    roles: actor.principal.roles,
    requestId: actor.requestId,
    clientAddress: actor.clientAddress,
  }
}

/** What an operation on the trail itself says about the attempt (the subject in plain text is hashed). */
export interface TrailAccess {
  action: string
  subjectId?: string | null
  details?: Record<string, unknown>
}

/**
 * The role check and the record for every operation on the trail itself. The check lives here and
 * not in the route config because the auth hook would refuse before anything could be written, and
 * a refused attempt must be in the trail (durably) before the 403 goes out.
 */
export class AuditGate {
  constructor(private readonly writer: AuditWriter) {}

  async require(actor: AuditActor, roles: readonly Role[], access: TrailAccess): Promise<void> {
    if (hasAnyRole(actor.principal, roles)) return
    await this.record(actor, access, 'role-required')
    throw new NotAllowedError('role-required', `This operation requires the role: ${roles.join(' or ')}`)
  }

  async record(actor: AuditActor, access: TrailAccess, deniedFor?: string): Promise<void> {
    const entry: AuditEntry = {
      ...actorFields(actor),
      action: access.action,
      resourceType: 'audit-trail',
      subjectId: access.subjectId ?? null,
      details: access.details ?? {},
      outcome: deniedFor ? 'denied' : 'allowed',
      reason: deniedFor ?? null,
    }
    await this.writer.record(entry)
  }
}
