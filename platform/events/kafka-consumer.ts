import type { Assignment, ConsumerGlobalConfig, KafkaConsumer, LibrdKafkaError, Message } from 'node-rdkafka'
import rdkafka from 'node-rdkafka'
import { backoffDelay } from '../retry/backoff.ts'
import {
  type EventConsumer,
  type EventsLogger,
  type ReceivedEvent,
  type SubscribeOptions,
  silentLogger,
} from './event-types.ts'

export interface KafkaConsumerOptions extends SubscribeOptions {
  brokers: string[]
  /** Prepended to each logical topic; stripped again in `ReceivedEvent.topic`. */
  topicPrefix?: string
  clientId?: string
  /** Messages fetched per poll; their partitions are processed concurrently, each in order. */
  batchSize?: number
  retry?: { initialMs?: number; maxMs?: number }
  logger?: EventsLogger
  /**
   * Create missing topics (with the broker's default partitions and replication) before
   * subscribing; default true. A consumer subscribed to a topic that does not exist yet only notices
   * its creation at the next metadata refresh, which would delay its first events by seconds.
   */
  ensureTopics?: boolean
  /** Extra librdkafka settings, applied last. */
  consumerConfig?: Partial<ConsumerGlobalConfig>
}

export interface KafkaEventConsumer extends EventConsumer {
  /** Connects, subscribes and starts the processing loop. */
  start(): Promise<void>
}

const POLL_TIMEOUT_MS = 100
const TOPIC_ALREADY_EXISTS = 36
const ASSIGN_PARTITIONS = -175 // RD_KAFKA_RESP_ERR__ASSIGN_PARTITIONS
const REVOKE_PARTITIONS = -174 // RD_KAFKA_RESP_ERR__REVOKE_PARTITIONS

/** Creates the topics that do not exist; failures (e.g. no permission) only warn. */
async function ensureTopics(brokers: string[], topics: string[], logger: EventsLogger): Promise<void> {
  const admin = rdkafka.AdminClient.create({ 'metadata.broker.list': brokers.join(',') })
  try {
    for (const topic of topics) {
      await new Promise<void>((resolve) => {
        // -1: the broker's num.partitions and default.replication.factor, as auto-creation would use.
        admin.createTopic({ topic, num_partitions: -1, replication_factor: -1 }, 10_000, (error) => {
          if (error && error.code !== TOPIC_ALREADY_EXISTS) {
            logger.warn({ err: error.message, topic }, 'could not create topic; subscribing anyway')
          }
          resolve()
        })
      })
    }
  } finally {
    admin.disconnect()
  }
}

/**
 * A Kafka consumer with the hub's delivery contract. Offsets are committed by hand, only after the
 * handler resolved, so a crash re-delivers rather than loses. A failing handler is retried with
 * capped backoff and blocks its partition: skipping would break per-key order and lose the event.
 * (A handler failing for longer than `max.poll.interval.ms`, 5 min by default, makes the consumer
 * leave the group; the partition then moves to another member, which re-delivers it.)
 */
export function createKafkaConsumer(options: KafkaConsumerOptions): KafkaEventConsumer {
  const prefix = options.topicPrefix ?? ''
  const logger = options.logger ?? silentLogger
  const batchSize = options.batchSize ?? 500
  const retryInitialMs = options.retry?.initialMs ?? 200
  const retryMaxMs = options.retry?.maxMs ?? 10_000
  let consumer: KafkaConsumer | undefined
  let running = false
  let loop: Promise<void> | undefined
  // Partitions waiting to retry a handler; stop() cuts their wait short.
  const sleepers = new Set<() => void>()
  // The last offset committed per partition, re-committed synchronously on stop.
  const progress = new Map<string, { topic: string; partition: number; offset: number }>()
  const assigned = new Set<string>()

  // Our own rebalance handling, to stop committing for partitions we lost: a late commit (e.g. of a
  // slow handler, or at stop) would move back the offset their new owner has committed since — the
  // classic group protocol does not check partition ownership on commit.
  const onRebalance = function (this: KafkaConsumer, event: LibrdKafkaError, assignment: Assignment[]) {
    try {
      const cooperative = this.rebalanceProtocol() === 'COOPERATIVE'
      if (event.code === ASSIGN_PARTITIONS) {
        for (const tp of assignment) assigned.add(`${tp.topic}/${tp.partition}`)
        if (cooperative) this.incrementalAssign(assignment)
        else this.assign(assignment)
      } else if (event.code === REVOKE_PARTITIONS) {
        for (const tp of assignment) {
          assigned.delete(`${tp.topic}/${tp.partition}`)
          progress.delete(`${tp.topic}/${tp.partition}`)
        }
        if (cooperative) this.incrementalUnassign(assignment)
        else this.unassign()
      } else {
        logger.warn({ err: event.message }, 'kafka rebalance error')
      }
    } catch (error) {
      // Disconnecting: the assignment no longer matters.
      logger.warn({ err: String(error) }, 'kafka rebalance handling failed')
    }
  }

  const consume = (c: KafkaConsumer) =>
    new Promise<Message[]>((resolve, reject) => {
      c.consume(batchSize, (error, messages) => (error ? reject(error) : resolve(messages)))
    })

  const toEvent = (message: Message): ReceivedEvent => {
    const headers: Record<string, string> = {}
    for (const header of message.headers ?? []) {
      for (const [name, value] of Object.entries(header)) headers[name] = value.toString()
    }
    return {
      eventId: headers['event-id'] ?? '',
      type: headers['event-type'] ?? '',
      schemaVersion: Number(headers['schema-version'] ?? 1),
      key: message.key?.toString() ?? '',
      payload: message.value === null ? null : JSON.parse(message.value.toString()),
      topic: message.topic.startsWith(prefix) ? message.topic.slice(prefix.length) : message.topic,
      partition: message.partition,
      offset: message.offset,
    }
  }

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const wake = () => {
        clearTimeout(timer)
        sleepers.delete(wake)
        resolve()
      }
      const timer = setTimeout(wake, ms)
      sleepers.add(wake)
    })

  /** Retries until the handler succeeds; false if stop() interrupted it (nothing committed). */
  const handle = async (message: Message, beforeRetry: () => void): Promise<boolean> => {
    for (let attempt = 1; ; attempt++) {
      try {
        await options.handler(toEvent(message))
        return true
      } catch (error) {
        const delay = backoffDelay(attempt, { baseMs: retryInitialMs, capMs: retryMaxMs })
        logger.warn(
          {
            err: String(error),
            topic: message.topic,
            partition: message.partition,
            offset: message.offset,
            attempt,
          },
          `event handler failed, retrying in ${delay} ms`,
        )
        if (!running) return false
        if (attempt === 1) beforeRetry()
        await sleep(delay)
        if (!running) return false
      }
    }
  }

  const commit = (c: KafkaConsumer, message: Message) => {
    const id = `${message.topic}/${message.partition}`
    if (!assigned.has(id)) return // revoked meanwhile: its new owner re-delivers (at-least-once)
    // The committed offset is the NEXT one to read.
    const position = { topic: message.topic, partition: message.partition, offset: message.offset + 1 }
    progress.set(id, position)
    try {
      c.commit(position)
    } catch (error) {
      // Typically a partition revoked by a rebalance: its new owner re-delivers, which is at-least-once.
      logger.warn(
        { err: String(error), topic: message.topic, partition: message.partition },
        'offset commit failed',
      )
    }
  }

  /** One partition's messages, strictly in order; commits progress before any retry wait. */
  const processPartition = async (c: KafkaConsumer, messages: Message[]) => {
    let done: Message | undefined
    for (const message of messages) {
      if (!running) break
      const ok = await handle(message, () => done && commit(c, done))
      if (!ok) break
      done = message
    }
    if (done) commit(c, done)
  }

  const run = async (c: KafkaConsumer) => {
    while (running) {
      let messages: Message[]
      try {
        messages = await consume(c)
      } catch (error) {
        // Broker gone, topic not yet created...: librdkafka reconnects by itself; just poll again.
        logger.warn({ err: (error as LibrdKafkaError).message }, 'kafka consume error')
        await new Promise((r) => setTimeout(r, POLL_TIMEOUT_MS))
        continue
      }
      const byPartition = new Map<string, Message[]>()
      for (const message of messages) {
        const id = `${message.topic}/${message.partition}`
        const list = byPartition.get(id)
        if (list) list.push(message)
        else byPartition.set(id, [message])
      }
      await Promise.all([...byPartition.values()].map((list) => processPartition(c, list)))
    }
  }

  return {
    async start() {
      if (consumer) return
      const topics = options.topics.map((t) => prefix + t)
      if (options.ensureTopics ?? true) await ensureTopics(options.brokers, topics, logger)
      const c = new rdkafka.KafkaConsumer(
        {
          'metadata.broker.list': options.brokers.join(','),
          'group.id': options.groupId,
          'client.id': options.clientId ?? `hub-consumer-${options.groupId}`,
          'enable.auto.commit': false,
          // With the EOF marker a poll returns as soon as it has caught up instead of waiting to
          // fill the batch: that is what keeps commit-to-consume latency low.
          'enable.partition.eof': true,
          // Notice partitions added to a topic (and topics created by others) within seconds.
          'topic.metadata.refresh.interval.ms': 10_000,
          'socket.keepalive.enable': true,
          'socket.nagle.disable': true,
          rebalance_cb: onRebalance,
          ...options.consumerConfig,
        } as ConsumerGlobalConfig,
        { 'auto.offset.reset': 'earliest' },
      )
      c.on('event.error', (error: LibrdKafkaError) => {
        logger.warn({ err: error.message, code: error.code }, 'kafka consumer error')
      })
      await new Promise<void>((resolve, reject) => {
        c.connect({ timeout: 10_000 }, (error) => (error ? reject(error) : resolve()))
      })
      c.setDefaultConsumeTimeout(POLL_TIMEOUT_MS)
      c.subscribe(topics)
      consumer = c
      running = true
      loop = run(c).catch((error) => logger.error({ err: String(error) }, 'kafka consumer loop crashed'))
    },

    async stop() {
      if (!consumer) return
      running = false
      for (const wake of [...sleepers]) wake()
      await loop
      const c = consumer
      consumer = undefined
      // Commits so far were asynchronous; repeat them synchronously so none is lost at disconnect.
      // Never commitSync(null): that commits the fetch position, including unhandled messages.
      if (progress.size > 0) {
        try {
          c.commitSync([...progress.values()])
        } catch (error) {
          logger.warn({ err: String(error) }, 'final offset commit failed')
        }
      }
      await new Promise<void>((resolve) => c.disconnect(() => resolve()))
    },
  }
}

export interface Deduplicator {
  /** True if a handler already succeeded for this event id (within the remembered window). */
  has(eventId: string): boolean
  remember(eventId: string): void
  /** Wraps a handler: skips events already handled, remembers an event only after success. */
  wrap(handler: (event: ReceivedEvent) => Promise<void>): (event: ReceivedEvent) => Promise<void>
}

/**
 * A bounded LRU of handled event ids. In memory on purpose: duplicates come from the relay
 * re-publishing a batch after a failed or unconfirmed delivery, or from a consumer re-reading after
 * a crash — both within a short window of recent events, which an LRU of a few ten thousand ids
 * covers at no I/O cost. A consumer whose effect lives in PostgreSQL should instead make the effect
 * itself idempotent in its own transaction (e.g. a unique constraint on the event id it stores):
 * a separate `consumed_events` table only helps if written in that same transaction anyway.
 */
export function createDeduplicator(capacity = 50_000): Deduplicator {
  const seen = new Map<string, true>()
  const dedup: Deduplicator = {
    has(eventId) {
      if (!seen.has(eventId)) return false
      // Refresh recency: Map iteration order is insertion order, so re-insert at the end.
      seen.delete(eventId)
      seen.set(eventId, true)
      return true
    },
    remember(eventId) {
      seen.delete(eventId)
      seen.set(eventId, true)
      if (seen.size > capacity) {
        const oldest = seen.keys().next().value
        if (oldest !== undefined) seen.delete(oldest)
      }
    },
    wrap(handler) {
      return async (event) => {
        if (dedup.has(event.eventId)) return
        await handler(event)
        dedup.remember(event.eventId)
      }
    },
  }
  return dedup
}
