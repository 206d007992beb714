import { backoffDelay } from '../retry/backoff.ts'
import {
  type EventConsumer,
  type EventSubscriber,
  type EventsLogger,
  type EventTransport,
  type OutboxEvent,
  type ReceivedEvent,
  type StreamMessage,
  type SubscribeOptions,
  silentLogger,
} from './event-types.ts'

export interface InProcessTransportOptions {
  /**
   * Events kept per topic for late or restarted subscribers, like Kafka's retention. The embedded
   * hub runs for demos and development; bounding memory matters more there than history.
   */
  retainPerTopic?: number
  retry?: { initialMs?: number; maxMs?: number }
  logger?: EventsLogger
}

/** One topic as a single in-memory partition: an append-only log with a moving start. */
/** The payload is kept as JSON and parsed per delivery, as over the wire: no shared objects. */
type LogEntry = Omit<ReceivedEvent, 'payload'> & { json: string }

class TopicLog {
  readonly entries: LogEntry[] = []
  /** Offset of entries[0]. */
  start = 0
  private waiters: (() => void)[] = []

  get end(): number {
    return this.start + this.entries.length
  }

  append(event: LogEntry, retain: number): void {
    this.entries.push(event)
    if (this.entries.length > retain) {
      this.entries.shift()
      this.start += 1
    }
    const waiters = this.waiters
    this.waiters = []
    for (const wake of waiters) wake()
  }

  /** Resolves on the next append (or when `signal` fires). */
  next(signal: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      // Detach from the long-lived signal on every wake, or its listeners would pile up.
      const wake = () => {
        signal.removeEventListener('abort', wake)
        this.waiters = this.waiters.filter((w) => w !== wake)
        resolve()
      }
      this.waiters.push(wake)
      signal.addEventListener('abort', wake, { once: true })
    })
  }
}

/**
 * The embedded default when no Kafka is configured: the same publish contract as Kafka and the same
 * subscribe contract as `createKafkaConsumer`. Each topic is one partition (total order, hence
 * order per key); a group resumes from its committed offset, and an offset is committed only after
 * the handler resolved, so delivery is at-least-once within the process. Nothing survives a
 * restart here — but the outbox does: unpublished rows are relayed again on start.
 */
export class InProcessTransport implements EventTransport, EventSubscriber {
  readonly name = 'in-process' as const
  private readonly topics = new Map<string, TopicLog>()
  /** groupId → topic → next offset to deliver. */
  private readonly committed = new Map<string, Map<string, number>>()
  private readonly activeGroups = new Set<string>()
  private readonly consumers = new Set<EventConsumer>()
  private readonly retain: number
  private readonly logger: EventsLogger
  private closed = false

  constructor(private readonly options: InProcessTransportOptions = {}) {
    this.retain = options.retainPerTopic ?? 10_000
    this.logger = options.logger ?? silentLogger
  }

  async publish(events: OutboxEvent[]): Promise<void> {
    if (this.closed) throw new Error('in-process transport is closed')
    for (const event of events) {
      const log = this.log(event.topic)
      log.append(
        {
          eventId: event.eventId,
          type: event.type,
          schemaVersion: event.schemaVersion,
          key: event.key,
          json: JSON.stringify(event.payload ?? null),
          topic: event.topic,
          partition: 0,
          offset: log.end,
        },
        this.retain,
      )
    }
  }

  async publishStream(topic: string, type: string, messages: readonly StreamMessage[]): Promise<void> {
    if (this.closed) throw new Error('in-process transport is closed')
    const log = this.log(topic)
    for (const { key, eventId, value } of messages)
      log.append(
        { eventId, type, schemaVersion: 1, key, json: value ?? 'null', topic, partition: 0, offset: log.end },
        this.retain,
      )
  }

  async ping(): Promise<void> {
    if (this.closed) throw new Error('in-process transport is closed')
  }

  async close(): Promise<void> {
    this.closed = true
    await Promise.all([...this.consumers].map((c) => c.stop()))
  }

  async subscribe({ groupId, topics, handler }: SubscribeOptions): Promise<EventConsumer> {
    // Kafka would split partitions between members of a group; one partition per topic here means
    // one member, so a second one is a programming error rather than a silent no-op.
    if (this.activeGroups.has(groupId))
      throw new Error(`consumer group "${groupId}" already has a subscriber`)
    this.activeGroups.add(groupId)
    const offsets = this.committed.get(groupId) ?? new Map<string, number>()
    this.committed.set(groupId, offsets)
    const abort = new AbortController()
    const initialMs = this.options.retry?.initialMs ?? 200
    const maxMs = this.options.retry?.maxMs ?? 10_000

    const deliver = async (event: ReceivedEvent): Promise<boolean> => {
      for (let attempt = 1; ; attempt++) {
        try {
          await handler(event)
          return true
        } catch (error) {
          const delay = backoffDelay(attempt, { baseMs: initialMs, capMs: maxMs })
          this.logger.warn(
            { err: String(error), topic: event.topic, offset: event.offset, attempt },
            'event handler failed',
          )
          if (abort.signal.aborted) return false
          await new Promise<void>((resolve) => {
            const wake = () => {
              clearTimeout(timer)
              abort.signal.removeEventListener('abort', wake)
              resolve()
            }
            const timer = setTimeout(wake, delay)
            abort.signal.addEventListener('abort', wake, { once: true })
          })
          if (abort.signal.aborted) return false
        }
      }
    }

    const follow = async (topic: string) => {
      const log = this.log(topic)
      while (!abort.signal.aborted) {
        // A group older than the retained window resumes at the oldest retained event (Kafka's
        // auto.offset.reset=earliest).
        const offset = Math.max(offsets.get(topic) ?? 0, log.start)
        const entry = log.entries[offset - log.start]
        if (!entry) {
          await log.next(abort.signal)
          continue
        }
        const { json, ...meta } = entry
        if (!(await deliver({ ...meta, payload: JSON.parse(json) }))) return
        offsets.set(topic, offset + 1)
      }
    }

    const loops = topics.map(follow)
    const consumer: EventConsumer = {
      stop: async () => {
        abort.abort()
        await Promise.all(loops)
        this.activeGroups.delete(groupId)
        this.consumers.delete(consumer)
      },
    }
    this.consumers.add(consumer)
    return consumer
  }

  private log(topic: string): TopicLog {
    let log = this.topics.get(topic)
    if (!log) {
      log = new TopicLog()
      this.topics.set(topic, log)
    }
    return log
  }
}
