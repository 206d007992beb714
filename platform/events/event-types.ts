/**
 * The vocabulary of the hub's events: what a feature appends to the outbox, what the relay hands
 * to a transport, and what a subscriber receives. Kafka and the in-process bus share these types,
 * so a feature never knows which one runs underneath.
 */

/** What a feature emits, inside the same transaction as the change it describes. */
export interface NewEvent {
  /** Logical topic, e.g. 'case-events'. The Kafka topic is `config.outbox.topicPrefix + topic`. */
  topic: string
  /** Ordering key (e.g. the case number): events with the same key are delivered in append order. */
  key: string
  /** Event type, e.g. 'case.accepted'. Its JSON Schema lives in `schemas/events/`. */
  type: string
  /** Version of the payload schema for `type`; defaults to 1. */
  schemaVersion?: number
  payload: unknown
  /** Extra transport headers (e.g. a trace id). The hub's own headers always win. */
  headers?: Record<string, string>
  /**
   * A UUID chosen by the caller, when other rows of the same transaction must name the event before
   * it is written (e.g. routed copies of it in the same insert); a fresh one otherwise.
   */
  eventId?: string
}

/** An event as stored in the `outbox` table. `id` is the publish order. */
export interface OutboxEvent {
  id: number
  eventId: string
  topic: string
  key: string
  type: string
  schemaVersion: number
  payload: unknown
  headers: Record<string, string>
  createdAt: Date
}

/** One message of a bulk stream: its key, its event id and its value, already JSON. */
export interface StreamMessage {
  key: string
  eventId: string
  /** The JSON value; null is a tombstone (the key with no value, for log compaction). */
  value: string | null
}

/**
 * Where the relay publishes. `publish` resolves only when every event is acknowledged by the
 * transport (for Kafka: acks=all) and rejects if any failed, so the relay marks rows published
 * only after a durable hand-over.
 */
export interface EventTransport {
  readonly name: 'kafka' | 'in-process'
  publish(events: OutboxEvent[]): Promise<void>
  /**
   * A bulk stream (a subscription's records on a department's topic): one topic and event type per
   * call, each value already JSON, and only the `event-id` header — all that a stream's consumers are
   * promised (README, subscriptions), as every further header costs the producer about as much as the
   * rest of the message. Resolves, like `publish`, only once every message is acknowledged.
   */
  publishStream(topic: string, type: string, messages: readonly StreamMessage[]): Promise<void>
  /** Resolves if the transport can accept events right now (used by health checks). */
  ping(): Promise<void>
  close(): Promise<void>
}

/** An event as a subscriber sees it. */
export interface ReceivedEvent {
  eventId: string
  type: string
  schemaVersion: number
  key: string
  payload: unknown
  /** Logical topic (without the Kafka prefix). */
  topic: string
  partition: number
  offset: number
}

export type EventHandler = (event: ReceivedEvent) => Promise<void>

/**
 * How a feature subscribes, identical for Kafka and the in-process bus: events of one key arrive
 * in order, at least once; a failing handler is retried (never skipped) and an event counts as
 * consumed only after its handler resolved. Handlers must therefore be idempotent (see
 * `createDeduplicator`).
 */
export interface SubscribeOptions {
  /** Consumer group: subscribers with a new group id start from the earliest retained event. */
  groupId: string
  /** Logical topics. */
  topics: string[]
  handler: EventHandler
}

export interface EventConsumer {
  /** Finishes the in-flight event, records progress and disconnects. */
  stop(): Promise<void>
}

export interface EventSubscriber {
  subscribe(options: SubscribeOptions): Promise<EventConsumer>
}

/** Minimal logger shape (pino and fastify's logger fit). */
export interface EventsLogger {
  info(obj: object, msg?: string): void
  warn(obj: object, msg?: string): void
  error(obj: object, msg?: string): void
}

export const silentLogger: EventsLogger = {
  info: () => {},
  warn: () => {},
  error: () => {},
}
