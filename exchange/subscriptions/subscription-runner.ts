import type { Knex } from 'knex'
import { backoffDelay } from '../../platform/retry/backoff.ts'
import type { SubscriptionDeliverer } from './subscription-deliverer.ts'
import { activeSubscriptionIds } from './subscription-store.ts'

/** Failed attempts of a batch after which its records are sent one by one. */
export const POISON_AFTER = 3

export interface RunnerLogger {
  warn(obj: object, msg: string): void
}

/**
 * The delivery loop: every `pollMs`, each active subscription delivers batches until it is caught up.
 * One batch per subscription is in flight at a time and a batch waits for its target, so a slow target
 * slows only its own subscription (back-pressure) and nothing piles up in memory. A failing target is
 * retried with exponential backoff per subscription. Several instances may run it: a subscription being
 * delivered elsewhere is skipped (row lock, SKIP LOCKED).
 */
export class SubscriptionRunner {
  private timer: NodeJS.Timeout | undefined
  private running: Promise<void> | undefined
  private stopped = true
  private readonly failures = new Map<string, { attempts: number; retryAt: number }>()

  constructor(
    private readonly deps: {
      db: Knex
      deliverer: Pick<SubscriptionDeliverer, 'deliverBatch'>
      pollMs: number
      logger: RunnerLogger
    },
  ) {}

  start(): void {
    if (!this.stopped) return
    this.stopped = false
    this.schedule(0)
  }

  async stop(): Promise<void> {
    this.stopped = true
    clearTimeout(this.timer)
    await this.running
  }

  /** Delivers until every active subscription is caught up (or failing); for tests, tools and the bench. */
  async drain(): Promise<number> {
    let total = 0
    for (;;) {
      // Until no batch moves a position: a batch may move one and deliver nothing (all filtered out).
      const { records, moved } = await this.pass()
      total += records
      if (!moved) return total
    }
  }

  /** One pass over the active subscriptions; resolves to the number of records delivered. */
  async cycle(): Promise<number> {
    return (await this.pass()).records
  }

  private async pass(): Promise<{ records: number; moved: boolean }> {
    const ids = await activeSubscriptionIds(this.deps.db)
    const results = await Promise.all(ids.map((id) => this.catchUp(id)))
    return {
      records: results.reduce((a, b) => a + b.records, 0),
      moved: results.some((r) => r.moved),
    }
  }

  private async catchUp(id: string): Promise<{ records: number; moved: boolean }> {
    const failure = this.failures.get(id)
    if (failure && Date.now() < failure.retryAt) return { records: 0, moved: false }
    let total = 0
    let moved = false
    try {
      for (;;) {
        // A batch that failed POISON_AFTER times in a row is sent record by record (dead letters).
        const isolate = (this.failures.get(id)?.attempts ?? 0) >= POISON_AFTER
        const { outcome, records } = await this.deps.deliverer.deliverBatch(id, { isolate })
        if (isolate) this.failures.delete(id)
        total += records
        if (outcome === 'delivered' || records > 0) moved = true
        if (outcome !== 'delivered' || this.stopped) break
      }
      this.failures.delete(id)
    } catch (error) {
      const attempts = (failure?.attempts ?? 0) + 1
      this.failures.set(id, {
        attempts,
        retryAt: Date.now() + backoffDelay(attempts, { baseMs: 200, capMs: 30_000 }),
      })
      this.deps.logger.warn({ err: error, subscription: id, attempts }, 'subscription delivery failed')
    }
    return { records: total, moved }
  }

  private schedule(delay: number): void {
    if (this.stopped) return
    this.timer = setTimeout(() => {
      this.running = this.cycle()
        .catch((error: unknown) => this.deps.logger.warn({ err: error }, 'subscription cycle failed'))
        .then(() => this.schedule(this.deps.pollMs))
    }, delay)
  }
}
