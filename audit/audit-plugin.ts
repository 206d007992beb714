import type { FastifyInstance, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import { AuditReadModel } from './audit-read-model.ts'
import { type AuditActor, AuditService, actorFields } from './audit-service.ts'
import { type AuditEntry, type AuditReceipt, AuditWriter } from './audit-writer.ts'

/** What an audited feature adds to its entry itself; who asked and from where come from the request. */
export type AuditEvent = Omit<
  AuditEntry,
  'principal' | 'department' | 'roles' | 'requestId' | 'clientAddress'
>

export interface AuditFacade {
  /** The group-committing writer; resolves once the record is durable. */
  readonly writer: AuditWriter
  readonly service: AuditService
  /** Records `event` on behalf of the request's caller; await it before answering. */
  recordFor(request: FastifyRequest, event: AuditEvent): Promise<AuditReceipt>
}

declare module 'fastify' {
  interface FastifyInstance {
    audit: AuditFacade
  }
}

export interface AuditPluginOptions {
  /** HMAC key for subject identifiers (config: AUDIT_SUBJECT_KEY), at least 32 bytes. */
  subjectKey: Buffer
}

export function auditActor(request: FastifyRequest): AuditActor {
  return { principal: request.principal, requestId: request.id, clientAddress: request.ip }
}

/** The audit trail for the whole app: one writer per process, drained before the pool closes. */
export const auditPlugin = fp<AuditPluginOptions>(
  async (app: FastifyInstance, opts) => {
    const writer = new AuditWriter({ db: app.db, subjectKey: opts.subjectKey })
    const service = new AuditService({ db: app.db, writer, readModel: new AuditReadModel(app.db) })
    app.decorate('audit', {
      writer,
      service,
      recordFor: (request, event) => writer.record({ ...actorFields(auditActor(request)), ...event }),
    } satisfies AuditFacade)
    // preClose runs before any onClose, so queued records are written while the pool is still open.
    app.addHook('preClose', async () => {
      await writer.close()
    })
  },
  { name: 'audit', dependencies: ['db'] },
)
