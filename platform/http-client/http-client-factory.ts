import { setTimeout as sleep } from 'node:timers/promises'
import type { Registry } from 'prom-client'
import { type Dispatcher, Pool } from 'undici'
import { UpstreamError } from '../errors/app-error.ts'
import { backoffDelay } from '../retry/backoff.ts'
import {
  type BreakerState,
  CircuitBreaker,
  type CircuitBreakerOptions,
  DEFAULT_BREAKER,
} from './circuit-breaker.ts'
import { ConcurrencyLimiter } from './concurrency-limiter.ts'
import { DEFAULT_RETRY, isIdempotent, type RetryOptions } from './retry-policy.ts'
import { type CallOutcome, UpstreamMetrics } from './upstream-metrics.ts'

export interface UpstreamOptions {
  /** Short name used in metrics and error details, e.g. `hrss`. */
  name: string
  baseUrl: string
  /** Sent with every call, e.g. the credentials a department system expects. */
  headers?: Record<string, string>
  connectTimeoutMs?: number
  /**
   * Time to the response headers of one attempt. undici checks this and `bodyTimeoutMs` on a
   * coarse (about 1 s) timer; `requestTimeoutMs` is exact.
   */
  headersTimeoutMs?: number
  /** Longest silence while the body streams in. */
  bodyTimeoutMs?: number
  /** Deadline of the whole call once it holds a slot: every attempt and every backoff. */
  requestTimeoutMs?: number
  /** Keep-alive connections in the pool. */
  connections?: number
  keepAliveTimeoutMs?: number
  maxConcurrent?: number
  maxPending?: number
  maxResponseBytes?: number
  retry?: Partial<RetryOptions>
  breaker?: Partial<CircuitBreakerOptions>
  /** Replaces the pool, e.g. with undici's MockAgent in adapter tests. */
  dispatcher?: Dispatcher
}

export interface UpstreamRequest {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE'
  path: string
  query?: Record<string, string | number | undefined>
  /** Sent as JSON. */
  body?: unknown
  headers?: Record<string, string>
  /** Overrides the method's default; a POST carrying an idempotency key may say `true`. */
  idempotent?: boolean
  signal?: AbortSignal
}

export interface UpstreamResponse {
  status: number
  headers: Record<string, string | string[] | undefined>
  /** Parsed JSON, the raw text of a non-JSON answer, or null when empty. */
  body: unknown
}

export interface UpstreamClient {
  readonly name: string
  readonly breakerState: BreakerState
  request(request: UpstreamRequest): Promise<UpstreamResponse>
  /** The error for an answer that breaks the canonical schema; counted in the metrics. */
  invalidAnswer(detail: string, cause?: unknown): UpstreamError
  close(): Promise<void>
}

export interface HttpClientFactory {
  create(options: UpstreamOptions): UpstreamClient
  close(): Promise<void>
}

const DEFAULTS = {
  connectTimeoutMs: 2_000,
  headersTimeoutMs: 5_000,
  bodyTimeoutMs: 5_000,
  requestTimeoutMs: 10_000,
  connections: 16,
  keepAliveTimeoutMs: 30_000,
  maxPending: 200,
  maxResponseBytes: 4 * 1024 * 1024,
}

const TIMEOUT_CODES = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'UND_ERR_CONNECT_TIMEOUT'])

/** The one way the hub calls out: every upstream gets its own pool, limiter, breaker and metrics. */
export function createHttpClientFactory({ registry }: { registry: Registry }): HttpClientFactory {
  const metrics = new UpstreamMetrics(registry)
  const clients = new Set<UpstreamClient>()
  return {
    create(options) {
      const client = createUpstreamClient(options, metrics)
      clients.add(client)
      return client
    },
    async close() {
      await Promise.all([...clients].map((c) => c.close()))
      clients.clear()
    },
  }
}

function createUpstreamClient(options: UpstreamOptions, metrics: UpstreamMetrics): UpstreamClient {
  const o = { ...DEFAULTS, ...options }
  const name = o.name
  const origin = new URL(o.baseUrl)
  const basePath = origin.pathname.replace(/\/$/, '')
  const ownsDispatcher = !options.dispatcher
  const dispatcher: Dispatcher =
    options.dispatcher ??
    new Pool(origin.origin, {
      connections: o.connections,
      keepAliveTimeout: o.keepAliveTimeoutMs,
      connect: { timeout: o.connectTimeoutMs },
      headersTimeout: o.headersTimeoutMs,
      bodyTimeout: o.bodyTimeoutMs,
    })
  const retry = { ...DEFAULT_RETRY, ...options.retry }
  const breaker = new CircuitBreaker({
    ...DEFAULT_BREAKER,
    ...options.breaker,
    onStateChange: (state) => {
      metrics.breakerState(name, state)
      options.breaker?.onStateChange?.(state)
    },
  })
  metrics.breakerState(name, 'closed')
  const limiter = new ConcurrencyLimiter(name, o.maxConcurrent ?? o.connections, o.maxPending)

  async function attempt(req: UpstreamRequest, signal: AbortSignal): Promise<UpstreamResponse> {
    const query = new URLSearchParams()
    for (const [k, v] of Object.entries(req.query ?? {})) if (v !== undefined) query.set(k, String(v))
    const qs = query.size > 0 ? `?${query}` : ''
    const hasBody = req.body !== undefined
    const res = await dispatcher.request({
      origin: origin.origin,
      path: `${basePath}${req.path}${qs}`,
      method: req.method ?? 'GET',
      headers: {
        accept: 'application/json',
        ...(hasBody ? { 'content-type': 'application/json' } : {}),
        ...o.headers,
        ...req.headers,
      },
      body: hasBody ? JSON.stringify(req.body) : null,
      signal,
      headersTimeout: o.headersTimeoutMs,
      bodyTimeout: o.bodyTimeoutMs,
    })
    const chunks: Buffer[] = []
    let size = 0
    for await (const chunk of res.body) {
      size += chunk.length
      if (size > o.maxResponseBytes) {
        res.body.destroy()
        throw new OversizedAnswer()
      }
      chunks.push(chunk as Buffer)
    }
    const text = Buffer.concat(chunks).toString('utf8')
    const type = String(res.headers['content-type'] ?? '')
    let body: unknown = text === '' ? null : text
    if (text !== '' && type.includes('json')) {
      try {
        body = JSON.parse(text)
      } catch {
        throw new MalformedAnswer()
      }
    }
    return { status: res.statusCode, headers: res.headers, body }
  }

  function invalidAnswer(detail: string, cause?: unknown): UpstreamError {
    metrics.outcome(name, 'invalid-answer')
    return new UpstreamError(502, 'upstream-invalid-answer', `${name}: ${detail}`, { cause })
  }

  async function call(req: UpstreamRequest): Promise<UpstreamResponse> {
    const deadline = AbortSignal.timeout(o.requestTimeoutMs)
    const signal = req.signal ? AbortSignal.any([req.signal, deadline]) : deadline
    const retriable = isIdempotent(req.method ?? 'GET', req.idempotent)
    for (let n = 0; ; n++) {
      const admission = breaker.admit()
      if (!admission.admitted) {
        metrics.outcome(name, 'circuit-open')
        const seconds = Math.ceil(admission.retryAfterMs / 1000)
        throw new UpstreamError(503, 'upstream-circuit-open', `${name} is failing; calls are paused.`, {
          headers: { 'retry-after': String(seconds) },
        })
      }
      const started = performance.now()
      let failure: UpstreamError
      metrics.inFlight(name, 1)
      try {
        const res = await attempt(req, signal)
        const seconds = (performance.now() - started) / 1000
        if (res.status < 500) {
          breaker.success()
          metrics.outcome(name, res.status < 400 ? 'success' : 'client-error', seconds)
          return res
        }
        breaker.failure()
        metrics.outcome(name, 'server-error', seconds)
        failure = new UpstreamError(502, 'upstream-failed', `${name} answered ${res.status}.`)
      } catch (error) {
        if (error instanceof OversizedAnswer || error instanceof MalformedAnswer) {
          breaker.success() // the system is up; its answer is the problem
          throw invalidAnswer(error.message)
        }
        if (req.signal?.aborted) {
          breaker.release()
          throw error
        }
        const [outcome, mapped] = classify(name, error)
        breaker.failure()
        metrics.outcome(name, outcome, (performance.now() - started) / 1000)
        failure = mapped
      } finally {
        metrics.inFlight(name, -1)
      }
      if (!retriable || n >= retry.retries || signal.aborted) throw failure
      // Full jitter: many callers retrying a recovering upstream must not arrive in lock-step.
      const delay = backoffDelay(n + 1, { baseMs: retry.baseDelayMs, capMs: retry.maxDelayMs, jitter: 1 })
      try {
        await sleep(delay, undefined, { signal })
      } catch {
        throw failure
      }
    }
  }

  return {
    name,
    get breakerState() {
      return breaker.state
    },
    request(req) {
      if (breaker.state === 'open') return call(req) // fail fast without taking a queue slot
      return limiter
        .run(() => call(req))
        .catch((error: unknown) => {
          if (error instanceof UpstreamError && error.code === 'upstream-saturated') {
            metrics.outcome(name, 'saturated')
          }
          throw error
        })
    },
    invalidAnswer,
    async close() {
      if (ownsDispatcher) await dispatcher.close()
    },
  }
}

function classify(name: string, error: unknown): [CallOutcome, UpstreamError] {
  const e = error as { code?: string; name?: string }
  if (TIMEOUT_CODES.has(e.code ?? '') || e.name === 'TimeoutError' || e.name === 'AbortError') {
    return ['timeout', new UpstreamError(504, 'upstream-timeout', `${name} did not answer in time.`)]
  }
  return [
    'connect-error',
    new UpstreamError(502, 'upstream-failed', `${name} could not be reached.`, { cause: error }),
  ]
}

class OversizedAnswer extends Error {
  override message = 'the answer is larger than the hub accepts'
}

class MalformedAnswer extends Error {
  override message = 'the answer is not valid JSON'
}
