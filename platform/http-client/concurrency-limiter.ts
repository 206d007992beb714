import { UpstreamError } from '../errors/app-error.ts'

/**
 * Bounds the calls in flight to one upstream and the callers waiting for a slot. Beyond
 * `maxPending` waiters the caller gets a 503 at once: queueing more would only turn a slow
 * department system into a slow hub.
 */
export class ConcurrencyLimiter {
  #active = 0
  readonly #waiting: Array<() => void> = []

  constructor(
    readonly upstream: string,
    readonly maxConcurrent: number,
    readonly maxPending: number,
  ) {}

  get active(): number {
    return this.#active
  }

  get pending(): number {
    return this.#waiting.length
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    await this.#acquire()
    try {
      return await task()
    } finally {
      this.#release()
    }
  }

  #acquire(): Promise<void> {
    if (this.#active < this.maxConcurrent) {
      this.#active++
      return Promise.resolve()
    }
    if (this.#waiting.length >= this.maxPending) {
      return Promise.reject(
        new UpstreamError(
          503,
          'upstream-saturated',
          `Too many calls to ${this.upstream} are already waiting; try again shortly.`,
          { headers: { 'retry-after': '1' } },
        ),
      )
    }
    // The slot is handed over directly by #release, so `active` never dips and lets a newcomer jump the queue.
    return new Promise((resolve) => this.#waiting.push(resolve))
  }

  #release(): void {
    const next = this.#waiting.shift()
    if (next) next()
    else this.#active--
  }
}
