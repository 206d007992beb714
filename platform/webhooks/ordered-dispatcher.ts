import type { Knex } from 'knex'
import type { JobRunner } from '../jobs/job-runner.ts'
import { backoffDelay } from '../retry/backoff.ts'
import {
  type DeliveryQueueTable,
  deliveryPosition,
  markAttemptFailed,
  markDelivered,
  nextAttemptAt,
  type PendingDelivery,
  pendingDeliveries,
  requeueFrom,
  webhooksWithPending,
} from './delivery-queue-store.ts'
import type { WebhookSender, WebhookTarget } from './webhook-sender.ts'
import type { WebhookSigner } from './webhook-signer.ts'

const PARALLEL_KEYS = 32
/**
 * A delivery committed just after a running drain found the queue empty is picked up by the
 * trailing drain of its bucket, or by the retry of a drain that found another one running: both
 * delays bound that delivery's extra latency, so they are short (a few Redis jobs a second).
 */
const TRAILING_DRAIN_MS = 100
const BUSY_RETRY_MS = 50

/** How often and how patiently each delivery is tried. */
export interface DeliveryRetry {
  /** Tries per delivery before it (and the rest of its key) becomes a dead letter. */
  attempts: number
  /** First delay; doubles per failed try … */
  backoffMs: number
  /** … up to this cap. */
  maxBackoffMs: number
}

/** An active subscription as a drain delivers to it. */
export interface DrainTarget {
  target: WebhookTarget
  signer: WebhookSigner
}

export interface OrderedDispatcherOptions {
  db: Knex
  queue: DeliveryQueueTable
  jobs: JobRunner
  sender: WebhookSender
  /** The job (defined by the feature) whose handler calls `drain(webhookId)`. */
  drainJob: string
  /** Namespace of the per-subscription advisory lock; unique per queue. */
  lockNamespace: number
  retry: DeliveryRetry
  /** The subscription's target, or undefined when it is gone (its queue then waits untouched). */
  subscription: (webhookId: string) => Promise<DrainTarget | undefined>
  /**
   * The headers of a delivery beside its signature — what the feature's receivers have always been
   * sent. Default: `x-hub-event-id` and `x-hub-position` (case webhooks).
   */
  headers?: (delivery: PendingDelivery) => Record<string, string>
}

const positionHeaders = (delivery: PendingDelivery): Record<string, string> => ({
  'x-hub-event-id': delivery.event_id,
  'x-hub-position': String(delivery.id),
})

/**
 * Delivers a subscription's queue in order per key, one drain at a time per subscription (an
 * advisory lock, so a second instance's drain retries later instead of interleaving). A failed
 * delivery stops its key — later events of the key must not overtake it — and waits for its next
 * try (the one backoff, kept per delivery, so the many drains that new events start do not spend
 * the budget); other keys go on. When a delivery's tries are used up, it and the rest of its key
 * move to the dead-letter state and wait for a replay.
 */
export class OrderedWebhookDispatcher {
  /** The last bucket this process asked a drain for, per subscription. */
  private readonly requested = new Map<string, number>()

  constructor(private readonly o: OrderedDispatcherOptions) {}

  private delayMs(attempts: number): number {
    return backoffDelay(attempts, { baseMs: this.o.retry.backoffMs, capMs: this.o.retry.maxBackoffMs })
  }

  /**
   * Asks for a drain of the subscription's queue. Requests are coalesced per 100 ms bucket (job ids
   * repeat within it), and each bucket also gets a trailing drain a little later, so a change that
   * commits just after a drain looked at the queue is still picked up promptly.
   */
  async requestDrain(webhookId: string): Promise<void> {
    const bucket = Math.floor(Date.now() / 100)
    // The same bucket's job ids would be ignored by the queue anyway; skipping saves Redis round trips.
    if (this.requested.get(webhookId) === bucket) return
    this.requested.set(webhookId, bucket)
    const { jobs, drainJob } = this.o
    await jobs.enqueue(drainJob, { webhookId }, { jobId: `wh-${webhookId}-${bucket}` })
    await jobs.enqueue(
      drainJob,
      { webhookId },
      { jobId: `wh-${webhookId}-${bucket}-t`, delayMs: TRAILING_DRAIN_MS },
    )
  }

  async drain(webhookId: string): Promise<void> {
    const { db, queue, jobs, drainJob, lockNamespace } = this.o
    await db.transaction(async (trx) => {
      // Numeric subscription ids (case webhooks) are the lock key; others (access webhooks are named
      // by their department) lock on the hash of the name.
      const { rows } = (await trx.raw(
        'select pg_try_advisory_xact_lock(?, coalesce(?::int, hashtext(?))) as ok',
        [lockNamespace, /^[0-9]{1,9}$/.test(webhookId) ? Number(webhookId) : null, webhookId],
      )) as { rows: { ok: boolean }[] }
      if (!rows[0]?.ok) {
        // Another drain is running and may have looked at the queue already: ask again shortly
        // rather than fail (failing would burn attempts).
        const bucket = Math.floor(Date.now() / 100)
        await jobs.enqueue(
          drainJob,
          { webhookId },
          { jobId: `wh-${webhookId}-${bucket}-b`, delayMs: BUSY_RETRY_MS },
        )
        return
      }
      const subscription = await this.o.subscription(webhookId)
      if (!subscription) return
      for (;;) {
        const batch = await pendingDeliveries(db, queue, webhookId, 100)
        if (batch.length === 0) break
        await this.sendBatch(webhookId, subscription, batch)
      }
      // Keys waiting for their next try get a drain at that time.
      const next = await nextAttemptAt(db, queue, webhookId)
      if (next) {
        const at = next.getTime()
        await jobs.enqueue(
          drainJob,
          { webhookId },
          { jobId: `wh-${webhookId}-at-${at}`, delayMs: Math.max(0, at - Date.now()) },
        )
      }
    })
  }

  /**
   * Sends again, in order, everything from the given event on — delivered and dead-lettered alike.
   * Undefined when the event was never queued for the subscription.
   */
  async replayFrom(webhookId: string, eventId: string): Promise<number | undefined> {
    const position = await deliveryPosition(this.o.db, this.o.queue, webhookId, eventId)
    if (!position) return undefined
    const requeued = await requeueFrom(this.o.db, this.o.queue, webhookId, position)
    await this.requestDrain(webhookId)
    return requeued
  }

  /** Safety net for a crash between a commit that queued deliveries and its drain request. */
  async sweep(): Promise<void> {
    for (const id of await webhooksWithPending(this.o.db, this.o.queue)) await this.requestDrain(id)
  }

  /**
   * Keys in parallel, each key's deliveries in order; a key stops at its first failure, which
   * records when that key is tried next (or makes it a dead letter when its budget is spent).
   */
  private async sendBatch(webhookId: string, to: DrainTarget, batch: PendingDelivery[]): Promise<void> {
    const { db, queue, sender, retry, headers = positionHeaders } = this.o
    const byKey = new Map<string, PendingDelivery[]>()
    for (const d of batch) byKey.set(d.key, [...(byKey.get(d.key) ?? []), d])
    const lists = [...byKey.values()]
    const delivered: string[] = []
    const worker = async () => {
      for (let list = lists.shift(); list; list = lists.shift()) {
        for (const delivery of list) {
          try {
            await sender.post(to.target, {
              body: delivery.body,
              signer: to.signer,
              headers: headers(delivery),
            })
          } catch (error) {
            await markAttemptFailed(
              db,
              queue,
              { id: delivery.id, webhookId, key: delivery.key },
              error instanceof Error ? error.message : String(error),
              { budget: retry.attempts, delayMs: (n) => this.delayMs(n) },
            )
            break
          }
          delivered.push(delivery.id)
        }
      }
    }
    await Promise.all(Array.from({ length: PARALLEL_KEYS }, worker))
    // Marked per batch: a crash in between only means those are sent again (at-least-once).
    await markDelivered(db, queue, delivered)
  }
}
