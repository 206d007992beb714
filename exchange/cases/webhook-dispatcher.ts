import type { Knex } from 'knex'
import type { HttpClientFactory, UpstreamClient } from '../../platform/http-client/http-client-factory.ts'
import type { JobRunner } from '../../platform/jobs/job-runner.ts'
import { backoffDelay } from '../../platform/retry/backoff.ts'
import type { WebhookSigner } from './webhook-signer.ts'
import {
  findWebhook,
  markAttemptFailed,
  markDelivered,
  nextAttemptAt,
  type PendingDelivery,
  pendingDeliveries,
  type WebhookRow,
} from './webhook-store.ts'

export const DRAIN_JOB = 'case-webhook-drain'
const LOCK_NAMESPACE = 7007
const PARALLEL_CASES = 32
/**
 * A delivery committed just after a running drain found the queue empty is picked up by the
 * trailing drain of its bucket, or by the retry of a drain that found another one running: both
 * delays bound that delivery's extra latency, so they are short (a few Redis jobs a second).
 */
const TRAILING_DRAIN_MS = 100
const BUSY_RETRY_MS = 50

/** How often and how patiently each delivery is tried (CASE_WEBHOOK_ATTEMPTS, _BACKOFF_MS, _MAX_BACKOFF_MS). */
export interface DeliveryRetry {
  /** Tries per delivery before it (and the rest of its case) becomes a dead letter. */
  attempts: number
  /** First delay; doubles per failed try … */
  backoffMs: number
  /** … up to this cap. */
  maxBackoffMs: number
}

/**
 * Delivers a webhook's queue in order per case, one drain at a time per webhook (an advisory lock,
 * so a second instance's drain retries later instead of interleaving). A failed delivery stops its
 * case — later events of the case must not overtake it — and waits for its next try (exponential
 * backoff with a cap, kept per delivery, so the many drains that new events start do not spend the
 * budget); other cases go on. When a delivery's tries are used up, it and the rest of its case move
 * to the dead-letter state and wait for a replay.
 */
export class WebhookDispatcher {
  private readonly clients = new Map<string, { url: string; client: UpstreamClient }>()
  /** The last bucket this process asked a drain for, per webhook. */
  private readonly requested = new Map<string, number>()

  constructor(
    private readonly db: Knex,
    private readonly signer: WebhookSigner,
    private readonly http: HttpClientFactory,
    private readonly jobs: JobRunner,
    private readonly retry: DeliveryRetry,
  ) {}

  private delayMs(attempts: number): number {
    return backoffDelay(attempts, { baseMs: this.retry.backoffMs, capMs: this.retry.maxBackoffMs })
  }

  /**
   * Asks for a drain of the webhook's queue. Requests are coalesced per 100 ms bucket (job ids repeat
   * within it), and each bucket also gets a trailing drain a little later, so a change that commits
   * just after a drain looked at the queue is still picked up promptly.
   */
  async requestDrain(webhookId: string): Promise<void> {
    const bucket = Math.floor(Date.now() / 100)
    // The same bucket's job ids would be ignored by the queue anyway; skipping saves Redis round trips.
    if (this.requested.get(webhookId) === bucket) return
    this.requested.set(webhookId, bucket)
    await this.jobs.enqueue(DRAIN_JOB, { webhookId }, { jobId: `wh-${webhookId}-${bucket}` })
    await this.jobs.enqueue(
      DRAIN_JOB,
      { webhookId },
      { jobId: `wh-${webhookId}-${bucket}-t`, delayMs: TRAILING_DRAIN_MS },
    )
  }

  async drain(webhookId: string): Promise<void> {
    await this.db.transaction(async (trx) => {
      const { rows } = (await trx.raw('select pg_try_advisory_xact_lock(?, ?::int) as ok', [
        LOCK_NAMESPACE,
        Number(webhookId),
      ])) as { rows: { ok: boolean }[] }
      if (!rows[0]?.ok) {
        // Another drain is running and may have looked at the queue already: ask again shortly
        // rather than fail (failing would burn attempts).
        const bucket = Math.floor(Date.now() / 100)
        await this.jobs.enqueue(
          DRAIN_JOB,
          { webhookId },
          { jobId: `wh-${webhookId}-${bucket}-b`, delayMs: BUSY_RETRY_MS },
        )
        return
      }
      const hook = await findWebhook(this.db, webhookId)
      if (hook?.status !== 'active') return
      const client = this.clientFor(hook)
      for (;;) {
        const batch = await pendingDeliveries(this.db, webhookId, 100)
        if (batch.length === 0) break
        await this.sendBatch(client, hook, batch)
      }
      // Cases waiting for their next try get a drain at that time.
      const next = await nextAttemptAt(this.db, webhookId)
      if (next) {
        const at = next.getTime()
        await this.jobs.enqueue(
          DRAIN_JOB,
          { webhookId },
          { jobId: `wh-${webhookId}-at-${at}`, delayMs: Math.max(0, at - Date.now()) },
        )
      }
    })
  }

  /**
   * Cases in parallel, each case's deliveries in order; a case stops at its first failure, which
   * records when that case is tried next (or makes it a dead letter when its budget is spent).
   */
  private async sendBatch(client: UpstreamClient, hook: WebhookRow, batch: PendingDelivery[]): Promise<void> {
    const byCase = new Map<string, PendingDelivery[]>()
    for (const d of batch) byCase.set(d.case_number, [...(byCase.get(d.case_number) ?? []), d])
    const queue = [...byCase.values()]
    const delivered: string[] = []
    const worker = async () => {
      for (let list = queue.shift(); list; list = queue.shift()) {
        for (const delivery of list) {
          try {
            await this.send(client, hook, delivery)
          } catch (error) {
            await markAttemptFailed(
              this.db,
              { id: delivery.id, webhookId: hook.id, caseNumber: delivery.case_number },
              error instanceof Error ? error.message : String(error),
              { budget: this.retry.attempts, delayMs: (n) => this.delayMs(n) },
            )
            break
          }
          delivered.push(delivery.id)
        }
      }
    }
    await Promise.all(Array.from({ length: PARALLEL_CASES }, worker))
    // Marked per batch: a crash in between only means those are sent again (at-least-once).
    await markDelivered(this.db, delivered)
  }

  private async send(client: UpstreamClient, hook: WebhookRow, delivery: PendingDelivery): Promise<void> {
    const url = new URL(hook.url)
    // The client serializes the body with JSON.stringify, so these are exactly the bytes sent.
    const signatures = await this.signer.headers(JSON.stringify(delivery.body))
    const res = await client.request({
      method: 'POST',
      path: `${url.pathname}${url.search}`,
      body: delivery.body,
      headers: {
        ...signatures,
        'x-hub-event-id': delivery.event_id,
        'x-hub-position': String(delivery.id),
      },
      idempotent: true,
    })
    if (res.status < 200 || res.status >= 300) throw new Error(`receiver answered HTTP ${res.status}`)
  }

  private clientFor(hook: WebhookRow): UpstreamClient {
    const cached = this.clients.get(hook.id)
    if (cached && cached.url === hook.url) return cached.client
    const url = new URL(hook.url)
    const client = this.http.create({
      name: `case-webhook-${hook.id}`,
      baseUrl: url.origin,
      requestTimeoutMs: 5_000,
      // One connection per case delivered in parallel.
      connections: PARALLEL_CASES,
      retry: { retries: 0 },
      // No breaker: the job's backoff is the retry policy, and a breaker still open when the receiver
      // is back would only burn attempts and dead-letter events for nothing.
      breaker: { consecutiveFailures: Number.MAX_SAFE_INTEGER, minimumCalls: Number.MAX_SAFE_INTEGER },
    })
    this.clients.set(hook.id, { url: hook.url, client })
    return client
  }
}
