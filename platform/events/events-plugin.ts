import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import type { HubConfig } from '../config/config.ts'
import type { EventConsumer, EventSubscriber, EventTransport, SubscribeOptions } from './event-types.ts'
import { InProcessTransport } from './in-process-transport.ts'
import { KafkaTransport } from './kafka-transport.ts'
import { OutboxRelay } from './outbox-relay.ts'
import { appendEvents } from './outbox-store.ts'

export interface HubEvents {
  transport: EventTransport & EventSubscriber
  relay: OutboxRelay
  /** `await app.events.append(trx, [event])` inside the transaction of the change. */
  append: typeof appendEvents
  /** Subscribe to logical topics, the same way on Kafka and in-process. */
  subscribe(options: SubscribeOptions): Promise<EventConsumer>
}

declare module 'fastify' {
  interface FastifyInstance {
    events: HubEvents
  }
}

export interface EventsPluginOptions {
  config: HubConfig
}

/**
 * Events: the outbox relay and its transport — Kafka when brokers are configured, else the
 * in-process bus of the embedded default. The relay is started by the server start path
 * (`app.events.relay.start()`), not here, so that tools and tests loading the app do not publish.
 */
export const eventsPlugin = fp<EventsPluginOptions>(
  async (app: FastifyInstance, { config }) => {
    const logger = app.log.child({ component: 'events' })
    const transport =
      config.kafkaBrokers.length > 0
        ? new KafkaTransport({ brokers: config.kafkaBrokers, topicPrefix: config.outbox.topicPrefix, logger })
        : new InProcessTransport({ logger })
    const relay = new OutboxRelay({
      db: app.db,
      transport,
      registry: app.metrics.registry,
      pollIntervalMs: config.outbox.pollIntervalMs,
      batchSize: config.outbox.batchSize,
      logger,
    })
    app.decorate('events', {
      transport,
      relay,
      append: appendEvents,
      subscribe: (options: SubscribeOptions) => transport.subscribe(options),
    })
    // Registered after 'db', so fastify runs this before the pool closes: the in-flight batch can
    // still be marked published.
    app.addHook('onClose', async () => {
      await relay.stop()
      await transport.close()
    })
  },
  { name: 'events', dependencies: ['db', 'metrics'] },
)
