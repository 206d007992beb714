import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import type { AppError } from '../platform/errors/app-error.ts'
import type { Authorization } from '../policies/ability.ts'
import type { AuditEvent, AuditRecorder, RefusalEvent, RequestContext } from '../policies/request-context.ts'
import type { Principal } from '../schemas/generated/types.ts'
import type { AuditWriter } from './audit-writer.ts'
import type { DenialRecorder } from './denial-recorder.ts'

const kContext = Symbol('hub.requestContext')
const kReply = Symbol('hub.reply')

type ContextRequest = FastifyRequest & { [kContext]?: HttpRequestContext; [kReply]?: FastifyReply }

export interface RequestContextDeps {
  abilities: { forPrincipal(principal: Principal, options?: { rolesOnly?: boolean }): Promise<Authorization> }
  writer: Pick<AuditWriter, 'record'>
  denials: Pick<DenialRecorder, 'refused'>
}

/**
 * The request context of an HTTP request: the recorder writes on behalf of the request's caller, with
 * its request id and address; a refusal with an event is written by the feature, one without by the
 * denial recorder (`request.denied`) — the same path the error handler takes for refusals thrown
 * without passing here, so the trail holds each refusal exactly once.
 */
class HttpRequestContext implements RequestContext, AuditRecorder {
  private authz: Promise<Authorization> | undefined
  private roleAuthz: Promise<Authorization> | undefined
  private abort: AbortController | undefined
  private hungUp = false

  constructor(
    private readonly request: FastifyRequest,
    private readonly deps: RequestContextDeps,
  ) {
    // A caller that hangs up stops the calls to department systems made on its behalf.
    const reply = (request as ContextRequest)[kReply]
    reply?.raw.once('close', () => {
      if (reply.raw.writableFinished) return
      this.hungUp = true
      this.abort?.abort()
    })
  }

  get principal(): Principal {
    return this.request.principal
  }

  get requestId(): string {
    return this.request.id
  }

  get audit(): AuditRecorder {
    return this
  }

  ability(): Promise<Authorization> {
    this.authz ??= this.deps.abilities.forPrincipal(this.request.principal)
    return this.authz
  }

  roleAbility(): Promise<Authorization> {
    this.roleAuthz ??= this.deps.abilities.forPrincipal(this.request.principal, { rolesOnly: true })
    return this.roleAuthz
  }

  get signal(): AbortSignal {
    if (!this.abort) {
      this.abort = new AbortController()
      if (this.hungUp) this.abort.abort()
    }
    return this.abort.signal
  }

  record(event: AuditEvent): Promise<unknown> {
    const principal = this.request.principal
    return this.deps.writer.record({
      principal: principal.subject,
      department: principal.department,
      roles: principal.roles,
      requestId: this.request.id,
      clientAddress: this.request.ip,
      ...event,
    })
  }

  async refused<E extends AppError>(error: E, event?: RefusalEvent): Promise<E> {
    if (event) await this.record({ ...event, outcome: 'denied', reason: error.auditReason ?? error.code })
    else await this.deps.denials.refused(error, this.request)
    return error
  }
}

/** The context of `request`, built on first use and kept for the rest of the request. */
export function contextOf(request: FastifyRequest, deps: RequestContextDeps): RequestContext {
  const held = request as ContextRequest
  held[kContext] ??= new HttpRequestContext(request, deps)
  return held[kContext]
}

/** `request.ctx` on every request, from the abilities (`app.abilities`, policies) and the audit trail. */
export const requestContextPlugin = fp(
  async (app: FastifyInstance) => {
    const deps: RequestContextDeps = {
      abilities: app.abilities,
      writer: app.audit.writer,
      denials: app.audit.denials,
    }
    app.decorateRequest(kReply, undefined)
    app.decorateRequest(kContext, undefined)
    // Only the reply is remembered here; the context itself is made when a route first asks for it.
    app.addHook('onRequest', (request, reply, done) => {
      ;(request as ContextRequest)[kReply] = reply
      done()
    })
    app.decorateRequest('ctx', {
      getter(this: FastifyRequest) {
        return contextOf(this, deps)
      },
    })
    // The one path of a refusal to the trail: one the feature did not record is recorded here, before
    // the error handler answers (a refusal recorded with its event is not recorded twice).
    app.onRefusal(async (error, request) => void (await request.ctx.audit.refused(error)))
  },
  { name: 'request-context', dependencies: ['audit'] },
)

/**
 * A recorder writing on behalf of `principal` outside any HTTP request (jobs, benchmarks): a refusal is
 * recorded when it names its event (there is no route to record `request.denied` against).
 */
export function writerRecorder(writer: Pick<AuditWriter, 'record'>, principal: Principal): AuditRecorder {
  const record = (event: AuditEvent) =>
    writer.record({
      principal: principal.subject,
      department: principal.department,
      roles: principal.roles,
      ...event,
    })
  return {
    record,
    async refused(error, event) {
      if (event) await record({ ...event, outcome: 'denied', reason: error.auditReason ?? error.code })
      return error
    },
  }
}
