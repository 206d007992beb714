import { Counter, Gauge, Histogram, type Registry } from 'prom-client'
import type { BreakerState } from './circuit-breaker.ts'

export type CallOutcome =
  | 'success'
  | 'client-error'
  | 'server-error'
  | 'timeout'
  | 'connect-error'
  | 'circuit-open'
  | 'saturated'
  | 'invalid-answer'

const BREAKER_VALUE: Record<BreakerState, number> = { closed: 0, 'half-open': 1, open: 2 }

/**
 * Per-upstream metrics on the registry passed in. Metrics are looked up before being created, so
 * several factories (one per app in tests) can share a registry without "already registered" errors.
 */
export class UpstreamMetrics {
  readonly #requests: Counter<'upstream' | 'outcome'>
  readonly #latency: Histogram<'upstream'>
  readonly #breaker: Gauge<'upstream'>
  readonly #inFlight: Gauge<'upstream'>

  constructor(registry: Registry) {
    this.#requests = existing(registry, 'hub_upstream_requests_total', () => {
      return new Counter({
        name: 'hub_upstream_requests_total',
        help: 'Calls to department systems, by upstream and outcome',
        labelNames: ['upstream', 'outcome'] as const,
        registers: [registry],
      })
    })
    this.#latency = existing(registry, 'hub_upstream_request_duration_seconds', () => {
      return new Histogram({
        name: 'hub_upstream_request_duration_seconds',
        help: 'Latency of calls to department systems including retries, by upstream',
        labelNames: ['upstream'] as const,
        buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
        registers: [registry],
      })
    })
    this.#breaker = existing(registry, 'hub_upstream_breaker_state', () => {
      return new Gauge({
        name: 'hub_upstream_breaker_state',
        help: 'Circuit breaker state per upstream: 0 closed, 1 half-open, 2 open',
        labelNames: ['upstream'] as const,
        registers: [registry],
      })
    })
    this.#inFlight = existing(registry, 'hub_upstream_in_flight', () => {
      return new Gauge({
        name: 'hub_upstream_in_flight',
        help: 'Calls to department systems currently in flight, by upstream',
        labelNames: ['upstream'] as const,
        registers: [registry],
      })
    })
  }

  outcome(upstream: string, outcome: CallOutcome, seconds?: number): void {
    this.#requests.inc({ upstream, outcome })
    if (seconds !== undefined) this.#latency.observe({ upstream }, seconds)
  }

  breakerState(upstream: string, state: BreakerState): void {
    this.#breaker.set({ upstream }, BREAKER_VALUE[state])
  }

  inFlight(upstream: string, delta: 1 | -1): void {
    this.#inFlight.inc({ upstream }, delta)
  }
}

function existing<T>(registry: Registry, name: string, create: () => T): T {
  return (registry.getSingleMetric(name) as T | undefined) ?? create()
}
