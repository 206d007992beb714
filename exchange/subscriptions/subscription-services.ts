import type { FastifyInstance } from 'fastify'
import { Gauge } from 'prom-client'
import { UnavailableError } from '../../platform/errors/app-error.ts'
import { KafkaTransport } from '../../platform/events/kafka-transport.ts'
import type { HubInfra } from '../../platform/http/hub-feature.ts'
import { loadOrCreateSecret } from '../../platform/server/local-secret.ts'
import { KEY_ENCRYPTION_FILE } from '../certificates/certificate-services.ts'
import { KeySealer } from '../certificates/key-sealer.ts'
import { openRecordReference } from '../fetch/record-reference.ts'
import { disputedRecordKeys } from '../objections/objection-read-model.ts'
import { DeadLetters } from './dead-letters.ts'
import type { DisputedRecordKeys } from './delivery-target.ts'
import { FileSnapshots } from './file-snapshot.ts'
import { KafkaTarget } from './kafka-target.ts'
import { LiveSource, liveLagSeconds } from './live-source.ts'
import { RecipientReport } from './recipient-report.ts'
import { recordKindFields } from './record-kind-fields.ts'
import { SubscriptionDeliverer } from './subscription-deliverer.ts'
import { SubscriptionReconciler } from './subscription-reconciler.ts'
import { SubscriptionRunner } from './subscription-runner.ts'
import { SubscriptionService } from './subscription-service.ts'
import { activeSubscriptionIds, findSubscription, lagSeconds } from './subscription-store.ts'
import { TableTarget } from './table-target.ts'

declare module 'fastify' {
  interface FastifyInstance {
    /** Dataset subscriptions: the delivery loop is started by the server start path. */
    subscriptions: {
      service: SubscriptionService
      runner: SubscriptionRunner
      deliverer: SubscriptionDeliverer
    }
  }
}

export interface SubscriptionServiceOptions {
  /** Records per batch (default 5,000). */
  batchSize?: number
  /** Changes per transaction while a subscription is far behind (a run of batches); see the deliverer. */
  runRecords?: number
  /** How often the delivery loop looks for changes (default 100 ms). */
  pollMs?: number
  /** Records asked of a live provider per page (default 500; the provider may answer fewer). */
  livePageSize?: number
  /** Pause between two passes over a live provider (default 5 minutes). */
  liveRepageMs?: number
}

export interface SubscriptionWiring {
  service: SubscriptionService
  runner: SubscriptionRunner
  deliverer: SubscriptionDeliverer
  recipients: RecipientReport
  files: FileSnapshots
  reconciler: SubscriptionReconciler
  deadLetters: DeadLetters
  /** Stops the delivery loop (its last batch finishes), then closes the table pools and the producer. */
  close(): Promise<void>
}

/**
 * Subscriptions: service, the deliverer with its Kafka and table targets, the
 * `hub_subscription_lag_seconds{subscription}` gauge and the runner. Front-end database URLs are
 * sealed with the certificate key-encryption key (`CERT_KEY_ENCRYPTION_KEY`; a local one in the
 * embedded default).
 */
export function createSubscriptionServices(
  infra: HubInfra & Pick<FastifyInstance, 'audit' | 'adapters'>,
  opts: SubscriptionServiceOptions = {},
): SubscriptionWiring {
  const { config, db, audit } = infra
  const fieldsOf = recordKindFields()
  let sealer: Promise<KeySealer> | undefined
  const resolveSealer = () => {
    sealer ??= (async () => {
      const secret = infra.config.certificates.keyEncryptionKey
      if (secret) return KeySealer.fromSecret(secret)
      if (config.mode === 'embedded')
        return KeySealer.fromSecret(await loadOrCreateSecret(config.dataDir, KEY_ENCRYPTION_FILE))
      throw new UnavailableError(
        'subscription-keys-unconfigured',
        'CERT_KEY_ENCRYPTION_KEY is not set: front-end database connections cannot be stored',
      )
    })()
    sealer.catch(() => {
      sealer = undefined
    })
    return sealer
  }
  const tables = new TableTarget(resolveSealer)
  const live = new LiveSource({
    adapter: (name) => infra.adapters.list().find((a) => a.name === name),
    pageSize: opts.livePageSize ?? 500,
    repageMs: opts.liveRepageMs ?? 5 * 60_000,
  })
  const service = new SubscriptionService({
    pageable: (name) => live.pageable(name),
    db,
    tables,
    fieldsOf,
    topicPrefix: config.kafkaBrokers.length > 0 ? config.outbox.topicPrefix : '',
  })
  // Subscriptions get a producer of their own: a snapshot is throughput work (batched with a little
  // linger and compression), which must neither wait behind nor slow down the relay's latency path.
  // 20 ms of linger: fuller requests for the broker, whose acknowledgements were the longest wait of
  // a pipelined snapshot at 5 ms (docs/benchmarks.md); a change waits at most that much longer.
  const transport =
    config.kafkaBrokers.length > 0
      ? new KafkaTransport({
          brokers: config.kafkaBrokers,
          topicPrefix: config.outbox.topicPrefix,
          clientId: 'hub-subscriptions',
          lingerMs: 20,
          producerConfig: { 'compression.codec': 'lz4', 'batch.num.messages': 10_000 },
          logger: infra.log.child({ component: 'subscriptions' }),
        })
      : null
  const targets = { kafka: new KafkaTarget(transport ?? infra.events.transport), table: tables }
  const subjectHash = (id: string) => audit.writer.subjectHash(id)
  // Records under a data objection leave with its id; objections name them by sealed reference.
  const openRef = openRecordReference(Buffer.from(config.audit.subjectKey ?? ''))
  const disputes: DisputedRecordKeys = (trx, resourceCode) => disputedRecordKeys(trx, openRef, resourceCode)
  const deliverer = new SubscriptionDeliverer({
    db,
    targets,
    fieldsOf,
    audit: audit.writer,
    subjectHash,
    disputes,
    batchSize: opts.batchSize ?? 5000,
    runRecords: opts.runRecords ?? 25_000,
    live,
  })
  const runner = new SubscriptionRunner({
    db,
    deliverer,
    pollMs: opts.pollMs ?? 100,
    logger: infra.log.child({ component: 'subscriptions' }),
  })
  new Gauge({
    name: 'hub_subscription_lag_seconds',
    help: 'Age of the oldest change a subscription has not delivered yet (0 when caught up)',
    labelNames: ['subscription'] as const,
    registers: [infra.metrics.registry],
    async collect() {
      this.reset()
      for (const id of await activeSubscriptionIds(db)) {
        const sub = await findSubscription(db, id)
        if (sub)
          this.set(
            { subscription: id },
            sub.source === 'live'
              ? liveLagSeconds(sub)
              : await lagSeconds(db, sub.record_kind, String(sub.position)),
          )
      }
    },
  })
  return {
    service,
    runner,
    deliverer,
    recipients: new RecipientReport({ db, subjectHash }),
    files: new FileSnapshots({
      db,
      fieldsOf,
      signingKey: config.audit.signingKey,
      disputes,
      subjectHash,
      live,
    }),
    reconciler: new SubscriptionReconciler({ db, tables, fieldsOf, subjectHash }),
    deadLetters: new DeadLetters({ db, targets, fieldsOf, subjectHash, disputes }),
    async close() {
      await runner.stop()
      await Promise.all([tables.close(), transport?.close()])
    },
  }
}
