import type { Knex } from 'knex'
import pg from 'pg'
import { Counter, Gauge, type Registry } from 'prom-client'
import { backoffDelay } from '../retry/backoff.ts'
import { type EventsLogger, type EventTransport, silentLogger } from './event-types.ts'
import {
  markPublished,
  nextUnpublished,
  type OutboxLag,
  outboxLag,
  prepareRelaySession,
  prunePublished,
} from './outbox-store.ts'

export interface OutboxRelayOptions {
  db: Knex
  transport: EventTransport
  pollIntervalMs: number
  batchSize: number
  /** Where the relay metrics go (the app registry); none when omitted. */
  registry?: Registry
  /** Connection for the advisory lock and LISTEN; defaults to the knex connection settings. */
  listenConnection?: string | pg.ClientConfig
  backoff?: { initialMs?: number; maxMs?: number }
  /** How often a standby relay tries to become the active one. */
  lockRetryMs?: number
  /** Published rows are kept this long (for investigation and replay), then pruned. */
  retentionHours?: number
  pruneIntervalMs?: number
  logger?: EventsLogger
}

export const OUTBOX_CHANNEL = 'hub_outbox'
// One well-known key, so every hub process connected to the same database contends for the same lock.
const LOCK_KEY_SQL = `hashtextextended('hub.outbox.relay', 0)`

interface LockSession {
  client: pg.Client
  lost: boolean
}

/**
 * Publishes the outbox to the transport, in id order, at least once. Exactly one relay per database
 * is active — it holds a session-level advisory lock — because two relays publishing interleaved
 * batches would break per-key order. Others stay on standby and take over when the active one's
 * session ends. Rows are marked published only after the transport acknowledged the whole batch;
 * a failed batch stays in the outbox and is retried with capped exponential backoff.
 */
export class OutboxRelay {
  private running = false
  private loop: Promise<void> | undefined
  private session: LockSession | undefined
  /** Set by a notification; makes the next idle wait return at once (a wake-up is never lost). */
  private dirty = false
  private wake: (() => void) | undefined
  private failures = 0
  private lastPrune = 0
  private readonly logger: EventsLogger
  private readonly published: Counter | undefined
  private readonly publishFailures: Counter | undefined

  constructor(private readonly options: OutboxRelayOptions) {
    this.logger = options.logger ?? silentLogger
    const registry = options.registry
    if (!registry) return
    // One lag query serves both gauges of a scrape.
    let cached: { at: number; lag: Promise<OutboxLag> } | undefined
    const lag = () => {
      if (!cached || Date.now() - cached.at > 1000) cached = { at: Date.now(), lag: outboxLag(options.db) }
      return cached.lag
    }
    new Gauge({
      name: 'hub_outbox_unpublished_events',
      help: 'Events committed to the outbox and not yet acknowledged by the transport',
      registers: [registry],
      async collect() {
        this.set((await lag().catch(() => undefined))?.unpublished ?? Number.NaN)
      },
    })
    new Gauge({
      name: 'hub_outbox_oldest_unpublished_age_seconds',
      help: 'Age of the oldest unpublished outbox event (0 when drained): the relay delay',
      registers: [registry],
      async collect() {
        this.set((await lag().catch(() => undefined))?.oldestAgeSeconds ?? Number.NaN)
      },
    })
    this.published = new Counter({
      name: 'hub_outbox_published_events_total',
      help: 'Outbox events acknowledged by the transport and marked published',
      registers: [registry],
    })
    this.publishFailures = new Counter({
      name: 'hub_outbox_publish_failures_total',
      help: 'Relay cycles that failed (transport rejected the batch, or the database failed); events stay and are retried',
      registers: [registry],
    })
  }

  /** True while this relay holds the lock and publishes. */
  get active(): boolean {
    return this.session !== undefined && !this.session.lost
  }

  lag(): Promise<OutboxLag> {
    return outboxLag(this.options.db)
  }

  start(): void {
    if (this.running) return
    this.running = true
    this.loop = this.run()
  }

  /** Stops after the in-flight batch (published and marked, or left for the next relay). */
  async stop(): Promise<void> {
    if (!this.running) return
    this.running = false
    this.wake?.()
    await this.loop
    await this.release()
  }

  private async run(): Promise<void> {
    const { db, transport, batchSize, pollIntervalMs } = this.options
    // Acknowledged by the transport, not yet marked: the next read marks them in the same statement,
    // so a cycle is one round trip plus the publish.
    let acknowledged: number[] = []
    while (this.running) {
      try {
        if (!this.active && !(await this.acquire())) {
          await this.sleep(this.options.lockRetryMs ?? 2000)
          continue
        }
        this.dirty = false
        // Read on the lock session: if it died, another relay may already be publishing, and
        // interleaving would reorder keys — the read fails instead.
        const batch = await nextUnpublished(db, batchSize, this.session?.client, acknowledged)
        this.published?.inc(acknowledged.length)
        acknowledged = []
        if (batch.length === 0) {
          await this.maybePrune()
          if (!this.dirty) await this.sleep(pollIntervalMs, true)
          continue
        }
        await transport.publish(batch)
        acknowledged = batch.map((e) => e.id)
        this.failures = 0
      } catch (error) {
        this.failures += 1
        this.publishFailures?.inc()
        const delay = backoffDelay(this.failures, {
          baseMs: this.options.backoff?.initialMs ?? 100,
          capMs: this.options.backoff?.maxMs ?? 10_000,
        })
        this.logger.warn(
          { err: String(error), attempt: this.failures, retryInMs: delay },
          'outbox relay batch failed; events stay in the outbox',
        )
        await this.sleep(delay)
      }
    }
    // Stopping between a publish and the next read: mark what was acknowledged (if this fails, the
    // rows are only published again by the next relay).
    if (acknowledged.length > 0 && this.active) {
      await markPublished(db, acknowledged, this.session?.client)
        .then(() => this.published?.inc(acknowledged.length))
        .catch((error: unknown) =>
          this.logger.warn({ err: String(error) }, 'outbox relay could not mark its last batch'),
        )
    }
  }

  /** Becomes the active relay if no other holds the lock. */
  private async acquire(): Promise<boolean> {
    await this.release()
    const client = new pg.Client({ ...this.connectionConfig(), keepAlive: true, query_timeout: 10_000 })
    const session: LockSession = { client, lost: false }
    client.on('error', (error) => {
      // The session (and with it the lock) is gone; the loop re-acquires or stands by.
      if (!session.lost) this.logger.warn({ err: error.message }, 'outbox relay lost its database session')
      session.lost = true
      this.wake?.()
    })
    client.on('end', () => {
      session.lost = true
    })
    try {
      await client.connect()
      const { rows } = await client.query<{ locked: boolean }>(
        `select pg_try_advisory_lock(${LOCK_KEY_SQL}) as locked`,
      )
      if (!rows[0]?.locked) {
        await client.end()
        return false
      }
      client.on('notification', () => {
        this.dirty = true
        this.wake?.()
      })
      await client.query(`listen ${OUTBOX_CHANNEL}`)
      await prepareRelaySession(this.options.db, client)
    } catch (error) {
      await client.end().catch(() => {})
      throw error
    }
    this.session = session
    this.logger.info({}, 'outbox relay is active')
    return true
  }

  private async release(): Promise<void> {
    const session = this.session
    this.session = undefined
    if (!session) return
    if (!session.lost) {
      await session.client.query(`select pg_advisory_unlock(${LOCK_KEY_SQL})`).catch(() => {})
    }
    await session.client.end().catch(() => {})
  }

  private async maybePrune(): Promise<void> {
    const every = this.options.pruneIntervalMs ?? 3_600_000
    if (Date.now() - this.lastPrune < every) return
    this.lastPrune = Date.now()
    const pruned = await prunePublished(this.options.db, this.options.retentionHours ?? 72)
    if (pruned > 0) this.logger.info({ pruned }, 'pruned published outbox events')
  }

  /** Waits `ms`; stop() always interrupts, a notification only if `wakeOnNotify`. */
  private sleep(ms: number, wakeOnNotify = false): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer)
        this.wake = undefined
        resolve()
      }
      const timer = setTimeout(done, ms)
      this.wake = () => {
        if (wakeOnNotify || !this.running || this.session?.lost) done()
      }
    })
  }

  private connectionConfig(): pg.ClientConfig {
    const configured =
      this.options.listenConnection ?? (this.options.db.client.config as Knex.Config).connection
    if (typeof configured === 'string')
      return { connectionString: configured, application_name: 'hub-outbox-relay' }
    if (configured && typeof configured === 'object') {
      return { ...(configured as pg.ClientConfig), application_name: 'hub-outbox-relay' }
    }
    throw new Error('OutboxRelay: pass listenConnection (the knex connection is not a plain config)')
  }
}
