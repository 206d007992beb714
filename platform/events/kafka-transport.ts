import type {
  DeliveryReport,
  LibrdKafkaError,
  MessageHeader,
  Producer,
  ProducerGlobalConfig,
} from 'node-rdkafka'
import rdkafka from 'node-rdkafka'
import {
  type EventConsumer,
  type EventSubscriber,
  type EventsLogger,
  type EventTransport,
  type OutboxEvent,
  type StreamMessage,
  type SubscribeOptions,
  silentLogger,
} from './event-types.ts'
import { createKafkaConsumer } from './kafka-consumer.ts'

export interface KafkaTransportOptions {
  brokers: string[]
  /** Prepended to each event's logical topic. */
  topicPrefix: string
  clientId?: string
  /**
   * librdkafka's batching window (default 0). The relay already hands over a whole batch of outbox
   * rows at once, so waiting for more only adds latency: 2 ms of linger measured as +4 ms p50 and
   * a longer tail commit → subscriber (bench/cases.bench.ts), since each relay cycle waits for it.
   */
  lingerMs?: number
  /**
   * How long a publish may wait for all acknowledgements. Bounded so that an outage surfaces as a
   * rejected publish (the relay backs off and retries) instead of a publish that never settles.
   */
  deliveryTimeoutMs?: number
  connectTimeoutMs?: number
  logger?: EventsLogger
  /** Extra librdkafka settings (e.g. security), applied last. */
  producerConfig?: Partial<ProducerGlobalConfig>
}

const QUEUE_FULL = -184 // RD_KAFKA_RESP_ERR__QUEUE_FULL
const QUEUE_FULL_WAIT_MS = 5
const DELIVERY_POLL_MS = 1

/** Settles one publish() call once every message of it has a delivery report. */
class DeliveryBatch {
  private pending: number
  private failure: Error | undefined
  readonly done: Promise<void>
  private resolve!: () => void
  private reject!: (error: Error) => void

  constructor(size: number) {
    this.pending = size
    this.done = new Promise((resolve, reject) => {
      this.resolve = resolve
      this.reject = reject
    })
  }

  settle(error: Error | undefined): void {
    // Remember the first failure but wait for every report: rejecting early would let the relay
    // re-publish while older copies are still in flight, for no gain.
    if (error && !this.failure) this.failure = error
    this.pending -= 1
    if (this.pending > 0) return
    if (this.failure) this.reject(this.failure)
    else this.resolve()
  }

  abort(error: Error): void {
    this.pending = 0
    this.reject(error)
  }
}

/**
 * Publishes outbox events to Kafka with an idempotent producer (acks=all). Idempotence matters for
 * order, not only for duplicates: librdkafka then never lets message n+1 of a partition land after
 * a failed message n, so a retried batch cannot reorder a key.
 */
export class KafkaTransport implements EventTransport, EventSubscriber {
  readonly name = 'kafka' as const
  private producer: Producer | undefined
  private connecting: Promise<Producer> | undefined
  /** Consumers made by subscribe(), stopped by close(). */
  private readonly consumers = new Set<EventConsumer>()
  private closed = false
  /** The last publish's hand-over to librdkafka (not its acknowledgements). */
  private handingOver: Promise<unknown> = Promise.resolve()
  /** A discarded client being destroyed. */
  private retiring: Promise<void> | undefined
  private readonly logger: EventsLogger

  constructor(private readonly options: KafkaTransportOptions) {
    if (options.brokers.length === 0) throw new Error('KafkaTransport: no brokers configured')
    this.logger = options.logger ?? silentLogger
  }

  async publish(events: OutboxEvent[]): Promise<void> {
    if (events.length === 0) return
    const { topicPrefix } = this.options
    await this.send(events.length, (producer, i, batch) => {
      const event = events[i]!
      const headers = [
        ...Object.entries(event.headers).map(([k, v]) => ({ [k]: v })),
        { 'event-id': event.eventId },
        { 'event-type': event.type },
        { 'schema-version': String(event.schemaVersion) },
        { 'content-type': 'application/json' },
      ]
      const value = Buffer.from(JSON.stringify(event.payload))
      return this.tryProduce(producer, topicPrefix + event.topic, value, event.key, headers, batch)
    })
  }

  async publishStream(topic: string, _type: string, messages: readonly StreamMessage[]): Promise<void> {
    if (messages.length === 0) return
    const prefixed = this.options.topicPrefix + topic
    await this.send(messages.length, (producer, i, batch) => {
      const { key, eventId, value } = messages[i]!
      // A null value is a tombstone: the key with no value, which log compaction then drops.
      const bytes = value === null ? null : Buffer.from(value)
      return this.tryProduce(producer, prefixed, bytes, key, [{ 'event-id': eventId }], batch)
    })
  }

  /**
   * Hands `count` messages to librdkafka in order (`produceOne(i)` returns false while its local
   * queue is full) and resolves once every one has a delivery report, rejecting if any failed.
   */
  private async send(
    count: number,
    produceOne: (producer: Producer, i: number, batch: DeliveryBatch) => boolean,
  ): Promise<void> {
    const producer = await this.connected()
    const batch = new DeliveryBatch(count)
    // Delivery reports arrive only when the producer is polled: poll tightly while this batch is due.
    const poller = setInterval(() => {
      try {
        producer.poll()
      } catch {
        // Disconnected (fatal error, guard or close): the guard settles the batch.
      }
    }, DELIVERY_POLL_MS)
    // Per-message timeouts are off (see connect), so this guard bounds the publish. When it fires
    // the client is destroyed, which drops whatever it still holds: what reached Kafka of this batch
    // is then a prefix of each partition's sequence, and the retried batch repeats it in full — so
    // consumers de-duplicating by event id still see every key in order.
    const guardMs = this.options.deliveryTimeoutMs ?? 30_000
    const guard = setTimeout(() => {
      batch.abort(new Error(`Kafka did not acknowledge the batch within ${guardMs} ms`))
      this.discard(producer, 'delivery timed out')
    }, guardMs)
    try {
      // Calls hand over one after another, even when one waits for room: a partition gets the
      // messages in call order, so a caller may publish its next batch before the last is acknowledged.
      const handedOver = this.handingOver.then(async () => {
        // Synchronous while librdkafka's queue has room: no promise per message on a bulk publish.
        for (let i = 0; i < count; i++) {
          // The local queue is full: serve delivery reports to make room, then try again.
          while (!produceOne(producer, i, batch)) {
            producer.poll()
            await new Promise((r) => setTimeout(r, QUEUE_FULL_WAIT_MS))
          }
        }
      })
      this.handingOver = handedOver.catch(() => undefined)
      await handedOver
      await batch.done
    } finally {
      clearInterval(poller)
      clearTimeout(guard)
    }
  }

  async ping(): Promise<void> {
    const producer = await this.connected()
    await new Promise<void>((resolve, reject) => {
      producer.getMetadata({ timeout: 2000 }, (error) => (error ? reject(error) : resolve()))
    })
  }

  async close(): Promise<void> {
    this.closed = true
    await Promise.all([...this.consumers].map((c) => c.stop()))
    const producer = this.producer ?? (await this.connecting?.catch(() => undefined))
    this.producer = undefined
    this.connecting = undefined
    if (producer) await disconnect(producer, 5000)
  }

  /** A consumer on the same brokers and prefix: the transport-independent subscribe contract. */
  async subscribe(options: SubscribeOptions): Promise<EventConsumer> {
    const consumer = createKafkaConsumer({
      ...options,
      brokers: this.options.brokers,
      topicPrefix: this.options.topicPrefix,
      logger: this.logger,
    })
    await consumer.start()
    const tracked: EventConsumer = {
      stop: async () => {
        this.consumers.delete(tracked)
        await consumer.stop()
      },
    }
    this.consumers.add(tracked)
    return tracked
  }

  /** Hands one message to librdkafka; false (nothing sent) when its local queue is full. */
  private tryProduce(
    producer: Producer,
    topic: string,
    value: Buffer | null,
    key: string,
    headers: MessageHeader[],
    batch: DeliveryBatch,
  ): boolean {
    try {
      // The opaque (the batch) comes back with the delivery report, which settles it.
      producer.produce(topic, null, value, key, Date.now(), batch, headers)
      return true
    } catch (error) {
      if ((error as LibrdKafkaError).code === QUEUE_FULL) return false
      batch.settle(error as Error)
      return true
    }
  }

  private connected(): Promise<Producer> {
    if (this.closed) return Promise.reject(new Error('Kafka transport is closed'))
    if (this.producer?.isConnected()) return Promise.resolve(this.producer)
    this.connecting ??= this.connect().finally(() => {
      this.connecting = undefined
    })
    return this.connecting
  }

  private async connect(): Promise<Producer> {
    const { options } = this
    // Never two clients at once: a discarded one must be gone before its replacement publishes,
    // or it could still deliver old copies after the new ones.
    await this.retiring
    // A fresh client per attempt: a client whose first connect failed is not reliably reusable.
    const producer = new rdkafka.Producer(
      {
        'metadata.broker.list': options.brokers.join(','),
        'client.id': options.clientId ?? 'hub-outbox-relay',
        'enable.idempotence': true,
        'linger.ms': options.lingerMs ?? 0,
        'socket.keepalive.enable': true,
        'socket.nagle.disable': true,
        dr_cb: true,
        ...options.producerConfig,
      } as ProducerGlobalConfig,
      // Topic-level settings must go here: node-rdkafka creates its topics with this config, so
      // values put in the global config would be silently ignored.
      // No per-message timeout (0 = infinite): librdkafka times out messages individually, so some
      // of a batch could fail while later ones of the same partition are still written — a gap that
      // reorders a key once the batch is retried. The publish guard bounds delivery instead.
      { acks: -1 /* all */, 'message.timeout.ms': 0 },
    )
    producer.on('delivery-report', (error: LibrdKafkaError, report: DeliveryReport) => {
      const batch = report.opaque as DeliveryBatch | undefined
      batch?.settle(
        error ? new Error(`Kafka delivery failed: ${error.message}`, { cause: error }) : undefined,
      )
      if (error?.isFatal) this.discard(producer, `fatal error: ${error.message}`)
    })
    producer.on('event.error', (error: LibrdKafkaError) => {
      if (error.isFatal) this.discard(producer, `fatal error: ${error.message}`)
      else this.logger.warn({ err: error.message, code: error.code }, 'kafka producer error')
    })
    await new Promise<void>((resolve, reject) => {
      producer.connect({ timeout: options.connectTimeoutMs ?? 5000 }, (error) =>
        error
          ? reject(new Error(`Kafka is not reachable at ${options.brokers.join(',')}: ${error.message}`))
          : resolve(),
      )
    })
    this.producer = producer
    return producer
  }

  /**
   * Destroys a client that failed fatally (e.g. the idempotent producer lost its sequence) or
   * missed the delivery deadline; the next publish creates a new one.
   */
  private discard(producer: Producer, reason: string): void {
    if (this.producer !== producer) return
    this.logger.warn({ reason }, 'discarding the kafka producer; the next publish creates a new one')
    this.producer = undefined
    // No flush: the batch has been given up on, and its retry must not race these copies. Bounded,
    // so that a destroy stuck in librdkafka cannot stall the relay for good.
    this.retiring = Promise.race([
      disconnect(producer, 0),
      new Promise<void>((r) => setTimeout(r, 10_000).unref()),
    ])
  }
}

function disconnect(producer: Producer, timeoutMs: number): Promise<void> {
  return new Promise((resolve) => {
    if (!producer.isConnected()) return resolve()
    producer.disconnect(timeoutMs, () => resolve())
  })
}
