import pLimit, { type LimitFunction } from 'p-limit'
import { UpstreamError } from '../errors/app-error.ts'

/**
 * Bounds the calls in flight to one upstream (p-limit) and the callers waiting for a slot. Beyond
 * `maxPending` waiters the caller gets a 503 at once: queueing more would only turn a slow
 * department system into a slow hub. p-limit has no bound on its queue, hence the check here.
 */
export class ConcurrencyLimiter {
  readonly #limit: LimitFunction

  constructor(
    readonly upstream: string,
    readonly maxConcurrent: number,
    readonly maxPending: number,
  ) {
    this.#limit = pLimit(maxConcurrent)
  }

  get active(): number {
    return this.#limit.activeCount
  }

  get pending(): number {
    return this.#limit.pendingCount
  }

  run<T>(task: () => Promise<T>): Promise<T> {
    // A free slot starts the task at once, so only callers that would wait count against maxPending.
    if (this.#limit.activeCount >= this.maxConcurrent && this.#limit.pendingCount >= this.maxPending) {
      return Promise.reject(
        new UpstreamError(
          503,
          'upstream-saturated',
          `Too many calls to ${this.upstream} are already waiting; try again shortly.`,
          { headers: { 'retry-after': '1' } },
        ),
      )
    }
    return this.#limit(task)
  }
}
