/**
 * A circuit breaker per upstream. Closed: calls flow and outcomes are counted. Open: calls fail at
 * once for `openMs`, so a dead department system costs the hub nothing but a 503. Half-open: a
 * few trial calls decide whether to close again or re-open for another `openMs`.
 */

export type BreakerState = 'closed' | 'open' | 'half-open'

export interface CircuitBreakerOptions {
  /** Opens after this many failures in a row. */
  consecutiveFailures: number
  /** Also opens when at least this share (0–1) of the last `windowSize` calls failed … */
  failureRate: number
  /** … counting only once the window holds this many calls, so two early failures do not trip it. */
  minimumCalls: number
  windowSize: number
  /** How long the breaker stays open before it lets a trial call through. */
  openMs: number
  /** Trial calls allowed at once while half-open. */
  halfOpenProbes: number
  /** Injectable clock for tests. */
  now?: () => number
  onStateChange?: (state: BreakerState) => void
}

export const DEFAULT_BREAKER: Omit<CircuitBreakerOptions, 'now' | 'onStateChange'> = {
  consecutiveFailures: 5,
  failureRate: 0.5,
  minimumCalls: 20,
  windowSize: 50,
  openMs: 10_000,
  halfOpenProbes: 1,
}

export type Admission = { admitted: true } | { admitted: false; retryAfterMs: number }

export class CircuitBreaker {
  #state: BreakerState = 'closed'
  #openedAt = 0
  #consecutive = 0
  #window: boolean[] = []
  #failuresInWindow = 0
  #probesInFlight = 0
  readonly #now: () => number

  constructor(private readonly options: CircuitBreakerOptions) {
    this.#now = options.now ?? Date.now
  }

  get state(): BreakerState {
    if (this.#state === 'open' && this.#now() - this.#openedAt >= this.options.openMs) {
      this.#transition('half-open')
    }
    return this.#state
  }

  /** Asks to make a call; an admitted call must later report `success()` or `failure()`. */
  admit(): Admission {
    const state = this.state
    if (state === 'closed') return { admitted: true }
    if (state === 'half-open' && this.#probesInFlight < this.options.halfOpenProbes) {
      this.#probesInFlight++
      return { admitted: true }
    }
    const remaining = state === 'open' ? this.options.openMs - (this.#now() - this.#openedAt) : 1000
    return { admitted: false, retryAfterMs: Math.max(remaining, 1) }
  }

  success(): void {
    if (this.#state === 'half-open') {
      this.#probesInFlight = Math.max(this.#probesInFlight - 1, 0)
      this.#reset()
      this.#transition('closed')
      return
    }
    this.#consecutive = 0
    this.#record(false)
  }

  failure(): void {
    if (this.#state === 'half-open') {
      this.#probesInFlight = Math.max(this.#probesInFlight - 1, 0)
      this.#open()
      return
    }
    if (this.#state === 'open') return
    this.#consecutive++
    this.#record(true)
    const { consecutiveFailures, failureRate, minimumCalls } = this.options
    const rateTripped =
      this.#window.length >= minimumCalls && this.#failuresInWindow / this.#window.length >= failureRate
    if (this.#consecutive >= consecutiveFailures || rateTripped) this.#open()
  }

  /** A call admitted as a probe that ended without a verdict (e.g. cancelled by the caller). */
  release(): void {
    if (this.#state === 'half-open') this.#probesInFlight = Math.max(this.#probesInFlight - 1, 0)
  }

  #record(failed: boolean): void {
    this.#window.push(failed)
    if (failed) this.#failuresInWindow++
    if (this.#window.length > this.options.windowSize && this.#window.shift()) this.#failuresInWindow--
  }

  #open(): void {
    this.#openedAt = this.#now()
    this.#reset()
    this.#transition('open')
  }

  #reset(): void {
    this.#consecutive = 0
    this.#window = []
    this.#failuresInWindow = 0
  }

  #transition(state: BreakerState): void {
    if (this.#state === state) return
    this.#state = state
    this.options.onStateChange?.(state)
  }
}
