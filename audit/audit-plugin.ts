import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import { Counter, Histogram } from 'prom-client'
/** What an audited feature adds to its entry itself (the request context adds who asked and from where). */
import type { AuditEvent } from '../policies/request-context.ts'
import { AuditWriter } from './audit-writer.ts'
import { DenialRecorder } from './denial-recorder.ts'

export type { AuditEvent }

/** The trail as infrastructure: what every feature and the error handler record through. */
export interface AuditTrail {
  /** The group-committing writer; resolves once the record is durable. */
  readonly writer: AuditWriter
  /** Every refusal without a feature's own record (401s, route gates), see denial-recorder.ts. */
  readonly denials: DenialRecorder
}

declare module 'fastify' {
  interface FastifyInstance {
    audit: AuditTrail
  }
}

export interface AuditPluginOptions {
  /** HMAC key for subject identifiers (config: AUDIT_SUBJECT_KEY), at least 32 bytes. */
  subjectKey: Buffer
}

/**
 * The audit trail for the whole app: one writer per process, drained before the pool closes, and the
 * recorder of refusals. It is infrastructure every feature and the error handler record through, so
 * it is registered with the infrastructure plugins, before any service is built; the services over
 * it (search, checkpoints, retention, reports) are built by `createAuditServices` (audit-services.ts)
 * in the composition root, and its routes and jobs are the audit feature (`audit-feature.ts`).
 */
export const auditPlugin = fp<AuditPluginOptions>(
  async (app: FastifyInstance, opts) => {
    const registers = [app.metrics.registry]
    const recorded = new Counter({
      name: 'hub_audit_records_total',
      help: 'Audit records committed to the trail, by outcome',
      labelNames: ['outcome'] as const,
      registers,
    })
    const batchSize = new Histogram({
      name: 'hub_audit_batch_size',
      help: 'Records per group commit of the audit writer',
      buckets: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000],
      registers,
    })
    const commitSeconds = new Histogram({
      name: 'hub_audit_commit_seconds',
      help: 'Duration of one audit group commit (one append statement; lock-and-append when another writer moved the head)',
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1],
      registers,
    })
    let denials: DenialRecorder | undefined
    const writer = new AuditWriter({
      db: app.db,
      onDenied: (requestId) => denials?.noteRecorded(requestId),
      subjectKey: opts.subjectKey,
      hashAlgorithm: app.config.audit.hashAlgorithm,
      onFlush: (outcomes, seconds) => {
        let denied = 0
        for (const outcome of outcomes) if (outcome === 'denied') denied += 1
        if (outcomes.length > denied) recorded.inc({ outcome: 'allowed' }, outcomes.length - denied)
        if (denied > 0) recorded.inc({ outcome: 'denied' }, denied)
        batchSize.observe(outcomes.length)
        commitSeconds.observe(seconds)
      },
    })

    // Every 401, 403 and 404 a feature did not record itself; the request context hands refusals to it
    // (request-context-plugin.ts), and the error handler does so for every refusal before it answers.
    denials = new DenialRecorder(writer, { intervalMs: app.config.auth.failureAuditIntervalS * 1000 })
    const recorder = denials
    app.addHook('onResponse', async (request) => recorder.finished(request.id))

    app.decorate('audit', {
      writer,
      denials: recorder,
    } satisfies AuditTrail)

    // preClose runs before any onClose, so queued records are written while the pool is still open.
    app.addHook('preClose', async () => {
      await recorder.close()
      await writer.close()
    })
  },
  { name: 'audit', dependencies: ['db', 'metrics'] },
)
