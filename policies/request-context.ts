import type { AppError } from '../platform/errors/app-error.ts'
import type { Principal } from '../schemas/generated/types.ts'
import { type Authorization, buildAuthorization } from './ability.ts'

/**
 * What travels with every request that acts for a caller, built once per request and handed to every
 * service method: who asks (principal), what they may do (the CASL ability, from the per-principal
 * cache), how their accesses and refusals reach the audit trail, the request id and the abort signal.
 *
 * The type lives here, below every domain, so directory/, exchange/ and audit/ can all take it; the
 * implementation of the recorder comes from audit/ (`audit/request-context-plugin.ts`) and is wired by
 * the composition root. Work outside a request (the demo seed, tests) builds one with `detachedContext`.
 */

/** An audit record as a feature states it; who asked, the request id and the address come from the context. */
export interface AuditEvent {
  /** Dotted verb, e.g. `exchange.fetch`, `directory.resource.published`. */
  action: string
  resourceType: string
  resourceId?: string | null
  /** The data subject's identifier in plain text; the trail stores only its keyed hash and masked form. */
  subjectId?: string | null
  items?: readonly string[]
  purpose?: string | null
  caseNumber?: string | null
  grantId?: string | null
  outcome: 'allowed' | 'denied'
  /** Why it was denied (a stable code), or a note for an allowed action. */
  reason?: string | null
  details?: Record<string, unknown> | null
}

/** What a refusal records beside its reason: the action and the thing refused. */
export type RefusalEvent = Omit<AuditEvent, 'outcome' | 'reason'>

export interface AuditRecorder {
  /** Records an access or a change for the caller; resolves once the record is durable. */
  record(event: AuditEvent): Promise<unknown>
  /**
   * THE way a refusal reaches the trail: records `event` as denied with the error's reason and resolves
   * to the error, durable before it is thrown (`throw await ctx.audit.refused(error, event)`). Without an
   * event, the refusal is recorded as `request.denied` on the route. A refusal thrown without passing
   * here is recorded the same way by the error handler, so none is ever missing from the trail.
   */
  refused<E extends AppError>(error: E, event?: RefusalEvent): Promise<E>
}

export interface RequestContext {
  readonly principal: Principal
  /** The caller's ability: built on first use, once per request (cached per principal and grant epoch). */
  ability(): Promise<Authorization>
  /**
   * The caller's role rules alone, without grants: for questions no grant can change (the directory's
   * resources, drafts, 事项 and sources), so asking them never reads the grant epoch.
   */
  roleAbility(): Promise<Authorization>
  readonly audit: AuditRecorder
  readonly requestId: string
  /** Aborted when the caller hangs up; made only when asked for (hub-held reads never ask). */
  readonly signal: AbortSignal
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The request's context (requires a principal: use it on authenticated routes only). */
    readonly ctx: RequestContext
  }
}

/** A recorder that writes nothing: for work no caller asked for (the demo seed) and for unit tests. */
export const recordNothing: AuditRecorder = {
  record: async () => undefined,
  refused: async (error) => error,
}

const NEVER_ABORTED = new AbortController().signal

/**
 * A context outside an HTTP request (the demo seed, jobs acting as a named principal, tests): the
 * ability is the principal's role rules alone unless `ability` is given; nothing is audited unless
 * `audit` is given.
 */
export function detachedContext(
  principal: Principal,
  options: { audit?: AuditRecorder; ability?: () => Promise<Authorization>; requestId?: string } = {},
): RequestContext {
  let authz: Promise<Authorization> | undefined
  const roleAbility = () => (authz ??= Promise.resolve(buildAuthorization(principal, [], new Date())))
  return {
    principal,
    ability: options.ability ?? roleAbility,
    roleAbility,
    audit: options.audit ?? recordNothing,
    requestId: options.requestId ?? 'detached',
    signal: NEVER_ABORTED,
  }
}
