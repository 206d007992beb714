import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { AuditEvent } from '../../audit/audit-plugin.ts'
import type { Authorization } from '../../policies/ability.ts'
import type { Principal } from '../../schemas/generated/types.ts'

/** Who is calling, what they may do, and how to record an administrative change in the audit trail. */
export interface AccessCaller {
  principal: Principal
  authz: Authorization
  /** Resolves once the audit record is durable (the route awaits it before answering). */
  audit: (event: AuditEvent) => Promise<unknown>
}

/** The caller of an HTTP request: its ability comes from the per-principal cache (never stale, see policies/). */
export async function callerOf(app: FastifyInstance, request: FastifyRequest): Promise<AccessCaller> {
  return {
    principal: request.principal,
    authz: await app.abilities.forPrincipal(request.principal),
    audit: (event) => app.audit.recordFor(request, event),
  }
}
