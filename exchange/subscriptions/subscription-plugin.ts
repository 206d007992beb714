import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import { Gauge } from 'prom-client'
import { UnavailableError } from '../../platform/errors/app-error.ts'
import { KafkaTransport } from '../../platform/events/kafka-transport.ts'
import { loadOrCreateSecret } from '../../platform/server/local-secret.ts'
import { KEY_ENCRYPTION_FILE } from '../certificates/certificate-plugin.ts'
import { KeySealer } from '../certificates/key-sealer.ts'
import { DeadLetters } from './dead-letters.ts'
import { FileSnapshots } from './file-snapshot.ts'
import { KafkaTarget } from './kafka-target.ts'
import { RecipientReport } from './recipient-report.ts'
import { recordKindFields } from './record-kind-fields.ts'
import { SubscriptionDeliverer } from './subscription-deliverer.ts'
import { SubscriptionReconciler } from './subscription-reconciler.ts'
import { subscriptionRoutes } from './subscription-routes.ts'
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

export interface SubscriptionPluginOptions {
  /** Records per batch (default 5,000). */
  batchSize?: number
  /** How often the delivery loop looks for changes (default 100 ms). */
  pollMs?: number
}

/**
 * Wires subscriptions: service, routes, the deliverer with its Kafka and table targets, the
 * `hub_subscription_lag_seconds{subscription}` gauge and the runner. Front-end database URLs are
 * sealed with the certificate key-encryption key (`CERT_KEY_ENCRYPTION_KEY`; a local one in the
 * embedded default).
 */
export const subscriptionPlugin = fp<SubscriptionPluginOptions>(
  async (app: FastifyInstance, opts) => {
    const fieldsOf = recordKindFields()
    let sealer: Promise<KeySealer> | undefined
    const resolveSealer = () => {
      sealer ??= (async () => {
        const secret = app.config.certificates.keyEncryptionKey
        if (secret) return KeySealer.fromSecret(secret)
        if (app.config.mode === 'embedded')
          return KeySealer.fromSecret(await loadOrCreateSecret(app.config.dataDir, KEY_ENCRYPTION_FILE))
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
    const service = new SubscriptionService({
      db: app.db,
      tables,
      fieldsOf,
      topicPrefix: app.config.kafkaBrokers.length > 0 ? app.config.outbox.topicPrefix : '',
    })
    // Subscriptions get a producer of their own: a snapshot is throughput work (batched with a little
    // linger and compression), which must neither wait behind nor slow down the relay's latency path.
    const transport =
      app.config.kafkaBrokers.length > 0
        ? new KafkaTransport({
            brokers: app.config.kafkaBrokers,
            topicPrefix: app.config.outbox.topicPrefix,
            clientId: 'hub-subscriptions',
            lingerMs: 5,
            producerConfig: { 'compression.codec': 'lz4', 'batch.num.messages': 10_000 },
            logger: app.log.child({ component: 'subscriptions' }),
          })
        : null
    const targets = { kafka: new KafkaTarget(transport ?? app.events.transport), table: tables }
    const deliverer = new SubscriptionDeliverer({
      db: app.db,
      targets,
      fieldsOf,
      audit: (entry) => app.audit.writer.record(entry),
      subjectHash: (id) => app.audit.writer.subjectHash(id),
      batchSize: opts.batchSize ?? 5000,
    })
    const runner = new SubscriptionRunner({
      db: app.db,
      deliverer,
      pollMs: opts.pollMs ?? 100,
      logger: app.log.child({ component: 'subscriptions' }),
    })
    app.decorate('subscriptions', { service, runner, deliverer })
    const recipients = new RecipientReport({
      db: app.db,
      gate: app.audit.gate,
      subjectHash: (id) => app.audit.writer.subjectHash(id),
    })
    const files = new FileSnapshots({ db: app.db, fieldsOf, signingKey: app.config.audit.signingKey })
    const reconciler = new SubscriptionReconciler({
      db: app.db,
      tables,
      fieldsOf,
      subjectHash: (id) => app.audit.writer.subjectHash(id),
    })
    const deadLetters = new DeadLetters({
      db: app.db,
      targets,
      fieldsOf,
      subjectHash: (id) => app.audit.writer.subjectHash(id),
    })
    await app.register(subscriptionRoutes, { service, recipients, files, reconciler, deadLetters })

    new Gauge({
      name: 'hub_subscription_lag_seconds',
      help: 'Age of the oldest change a subscription has not delivered yet (0 when caught up)',
      labelNames: ['subscription'] as const,
      registers: [app.metrics.registry],
      async collect() {
        this.reset()
        for (const id of await activeSubscriptionIds(app.db)) {
          const sub = await findSubscription(app.db, id)
          if (sub)
            this.set({ subscription: id }, await lagSeconds(app.db, sub.record_kind, String(sub.position)))
        }
      },
    })
    // preClose: the loop's last batch must finish while the pool, producer and audit writer are open.
    app.addHook('preClose', async () => {
      await runner.stop()
      await Promise.all([tables.close(), transport?.close()])
    })
  },
  { name: 'exchange-subscriptions', dependencies: ['db', 'events', 'audit', 'metrics'] },
)

/** Starts the delivery loop. Called once from the server start path, after the app is ready. */
export function startSubscriptionDelivery(app: FastifyInstance): void {
  app.subscriptions.runner.start()
}
