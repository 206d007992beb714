import { once } from 'node:events'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { Registry } from 'prom-client'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { UpstreamError } from '../errors/app-error.ts'
import { createHttpClientFactory, type UpstreamOptions } from './http-client-factory.ts'

type Handler = (req: IncomingMessage, res: ServerResponse) => void

/** A real local upstream whose behaviour each test sets; it counts the requests it sees. */
let handler: Handler = (_req, res) => res.end()
let hits = 0
let server: Server
let baseUrl: string

beforeAll(async () => {
  server = createServer((req, res) => {
    hits++
    handler(req, res)
  })
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(async () => {
  server.closeAllConnections()
  server.close()
})

const registry = new Registry()
const factory = createHttpClientFactory({ registry })
afterEach(async () => {
  hits = 0
  await factory.close()
})

function json(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' })
  res.end(JSON.stringify(body))
}

function client(overrides: Partial<UpstreamOptions> = {}) {
  return factory.create({
    name: 'test-upstream',
    baseUrl,
    retry: { retries: 0, baseDelayMs: 1, maxDelayMs: 5 },
    ...overrides,
  })
}

async function rejection(promise: Promise<unknown>): Promise<UpstreamError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(UpstreamError)
  return error as UpstreamError
}

async function metric(name: string, labels: Record<string, string>): Promise<number> {
  const values = (await registry.getSingleMetric(name)?.get())?.values ?? []
  const found = values.find((v) => Object.entries(labels).every(([k, l]) => v.labels[k] === l))
  return found?.value ?? 0
}

describe('createHttpClientFactory', () => {
  it('sends JSON with query and credentials and parses the JSON answer', async () => {
    let seen: { url?: string; auth?: string; body?: string } = {}
    handler = (req, res) => {
      let body = ''
      req.on('data', (c) => {
        body += c
      })
      req.on('end', () => {
        seen = { url: req.url ?? '', auth: req.headers['x-api-key'] as string, body }
        json(res, 200, { 姓名: '张三' })
      })
    }
    const c = client({ headers: { 'x-api-key': 'secret' } })
    const res = await c.request({ method: 'POST', path: '/q', query: { page: 2 }, body: { a: 1 } })
    expect(res).toMatchObject({ status: 200, body: { 姓名: '张三' } })
    expect(seen).toEqual({ url: '/q?page=2', auth: 'secret', body: '{"a":1}' })
  })

  it('returns 4xx answers to the adapter, which knows what they mean', async () => {
    handler = (_req, res) => json(res, 404, { code: 'E404' })
    const res = await client().request({ path: '/missing' })
    expect(res.status).toBe(404)
    expect(await metric('hub_upstream_requests_total', { outcome: 'client-error' })).toBeGreaterThan(0)
  })

  it('turns a slow answer into 504 upstream-timeout', async () => {
    // undici checks its per-phase timeouts on a coarse (about 1 s) timer, hence the long delay.
    handler = (_req, res) => setTimeout(() => json(res, 200, {}), 3_000)
    const error = await rejection(client({ headersTimeoutMs: 50 }).request({ path: '/slow' }))
    expect([error.status, error.code]).toEqual([504, 'upstream-timeout'])
  })

  it('turns a body that stalls half-way into 504 upstream-timeout', async () => {
    handler = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' })
      res.write('{"a":')
      setTimeout(() => res.end('1}'), 3_000)
    }
    const error = await rejection(client({ bodyTimeoutMs: 50 }).request({ path: '/stall' }))
    expect(error.code).toBe('upstream-timeout')
  })

  it('enforces the whole-call deadline across retries', async () => {
    handler = (_req, res) => setTimeout(() => json(res, 200, {}), 300)
    const c = client({ requestTimeoutMs: 80, retry: { retries: 5, baseDelayMs: 1, maxDelayMs: 2 } })
    const error = await rejection(c.request({ path: '/slow' }))
    expect(error.code).toBe('upstream-timeout')
    expect(hits).toBe(1)
  })

  it('turns 5xx into 502 upstream-failed', async () => {
    handler = (_req, res) => json(res, 500, { 错误: '系统异常' })
    const error = await rejection(client().request({ path: '/boom' }))
    expect([error.status, error.code]).toEqual([502, 'upstream-failed'])
  })

  it('turns a refused connection into 502 upstream-failed', async () => {
    const c = client({ baseUrl: 'http://127.0.0.1:1' })
    const error = await rejection(c.request({ path: '/x' }))
    expect([error.status, error.code]).toEqual([502, 'upstream-failed'])
  })

  it('turns a JSON answer that does not parse into 502 upstream-invalid-answer', async () => {
    handler = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' })
      res.end('{not json')
    }
    const error = await rejection(client().request({ path: '/garbled' }))
    expect([error.status, error.code]).toEqual([502, 'upstream-invalid-answer'])
  })

  it('retries idempotent calls after a 5xx and succeeds', async () => {
    handler = (_req, res) => (hits < 3 ? json(res, 503, {}) : json(res, 200, { ok: true }))
    const c = client({ retry: { retries: 3, baseDelayMs: 1, maxDelayMs: 5 } })
    const res = await c.request({ path: '/flaky' })
    expect(res.body).toEqual({ ok: true })
    expect(hits).toBe(3)
  })

  it('never retries a POST unless the caller marks it idempotent', async () => {
    handler = (_req, res) => json(res, 503, {})
    const c = client({ retry: { retries: 3, baseDelayMs: 1, maxDelayMs: 5 } })
    await rejection(c.request({ method: 'POST', path: '/case', body: {} }))
    expect(hits).toBe(1)
    await rejection(c.request({ method: 'POST', path: '/case', body: {}, idempotent: true }))
    expect(hits).toBe(1 + 4)
  })

  it('opens the breaker after consecutive failures, answers 503 with Retry-After, then recovers', async () => {
    let now = 1_000_000
    const states: string[] = []
    handler = (_req, res) => json(res, 500, {})
    const c = client({
      breaker: {
        consecutiveFailures: 3,
        openMs: 5_000,
        now: () => now,
        onStateChange: (s) => states.push(s),
      },
    })
    for (let i = 0; i < 3; i++) await rejection(c.request({ path: '/x' }))
    expect(c.breakerState).toBe('open')

    const open = await rejection(c.request({ path: '/x' }))
    expect([open.status, open.code, open.headers['retry-after']]).toEqual([503, 'upstream-circuit-open', '5'])
    expect(hits).toBe(3) // the open breaker kept the call away from the upstream
    expect(await metric('hub_upstream_breaker_state', { upstream: 'test-upstream' })).toBe(2)

    now += 5_000
    expect(c.breakerState).toBe('half-open')
    await rejection(c.request({ path: '/x' })) // the trial call fails: open again
    expect(c.breakerState).toBe('open')

    now += 5_000
    handler = (_req, res) => json(res, 200, { ok: true })
    expect((await c.request({ path: '/x' })).status).toBe(200)
    expect(c.breakerState).toBe('closed')
    expect(states).toEqual(['open', 'half-open', 'open', 'half-open', 'closed'])
  })

  it('opens the breaker after consecutive failures even when a long run of successes came before', async () => {
    // ADAPTER_<NAME>_BREAKER_FAILURES promises this: a department system that just went down is cut
    // off after that many failures, however healthy it was a moment ago (a rate-only breaker is not).
    let up = true
    handler = (_req, res) => json(res, up ? 200 : 500, {})
    const c = client({ breaker: { consecutiveFailures: 5, minimumCalls: 1_000, windowSize: 1_000 } })
    for (let i = 0; i < 50; i++) await c.request({ path: '/x' })
    up = false
    for (let i = 0; i < 4; i++) await rejection(c.request({ path: '/x' }))
    expect(c.breakerState).toBe('closed')
    await rejection(c.request({ path: '/x' }))
    expect(c.breakerState).toBe('open')
  })

  it('opens the breaker on the failure rate even when failures are not consecutive', async () => {
    handler = (req, res) => (req.url === '/bad' ? json(res, 500, {}) : json(res, 200, {}))
    const c = client({
      breaker: { consecutiveFailures: 100, failureRate: 0.5, minimumCalls: 6, windowSize: 6 },
    })
    for (let i = 0; i < 3; i++) {
      await c.request({ path: '/good' })
      await rejection(c.request({ path: '/bad' }))
    }
    expect(c.breakerState).toBe('open')
  })

  it('keeps at most maxConcurrent calls in flight and refuses callers beyond maxPending', async () => {
    let inFlight = 0
    let peak = 0
    const release: Array<() => void> = []
    handler = (_req, res) => {
      inFlight++
      peak = Math.max(peak, inFlight)
      release.push(() => {
        inFlight--
        json(res, 200, {})
      })
    }
    const c = client({ maxConcurrent: 2, maxPending: 3 })
    const calls = Array.from({ length: 5 }, () => c.request({ path: '/wait' }))
    const refused = await rejection(c.request({ path: '/wait' }))
    expect([refused.status, refused.code]).toEqual([503, 'upstream-saturated'])

    // Let the server answer whatever arrives until all five accepted calls are done.
    const drain = setInterval(() => {
      for (const r of release.splice(0)) r()
    }, 5)
    const results = await Promise.all(calls)
    clearInterval(drain)
    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200, 200])
    expect(peak).toBe(2)
  })

  it('counts outcomes per upstream', async () => {
    handler = (_req, res) => json(res, 200, {})
    const c = client({ name: 'counted' })
    await c.request({ path: '/a' })
    await c.request({ path: '/b' })
    expect(await metric('hub_upstream_requests_total', { upstream: 'counted', outcome: 'success' })).toBe(2)
  })
})
