import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedDemoData } from '../../demo/demo-seed.ts'
import { tokensFor, type Who } from '../../directory/requests/access-test-support.ts'
import { useTestApp } from '../../test/support/test-app.ts'
import { fetchAudits, fetchBody, grantedResource, insuredPeople } from './fetch-test-support.ts'

// The 人社 system is a real local HTTP server whose behaviour each test picks: the failures must reach
// the caller as problem+json with the adapter's status and code, and be on the audit trail.
type Mode = 'garbled' | 'error' | 'hang'
let mode: Mode = 'error'
let server: Server
let url = ''
const hanging: (() => void)[] = []

beforeAll(async () => {
  server = createServer((_req, res) => {
    if (mode === 'hang') return void hanging.push(() => res.destroy())
    if (mode === 'error') return void res.writeHead(500).end('boom')
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"unexpected":true}')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(async () => {
  for (const end of hanging) end()
  await new Promise((resolve) => server.close(resolve))
})

const hub = useTestApp({
  adapterEnv: () => ({
    ADAPTER_HRSS_URL: url,
    ADAPTER_HRSS_TOKEN: 'test-key',
    ADAPTER_HRSS_TIMEOUT_MS: '200',
    ADAPTER_HRSS_DEADLINE_MS: '400',
    ADAPTER_HRSS_RETRIES: '0',
    ADAPTER_HRSS_BREAKER_FAILURES: '4',
    ADAPTER_HRSS_BREAKER_OPEN_MS: '60000',
  }),
})
let tokens: Record<Who, string>
let code = ''
const [alice] = insuredPeople()

beforeAll(async () => {
  await seedDemoData(hub.database.db)
  tokens = await tokensFor(hub)
  code = (await grantedResource(hub, tokens, '60001')).code
})

const fetchOnce = () =>
  hub.app.inject({
    method: 'POST',
    url: '/v1/exchange/fetch',
    headers: { authorization: `Bearer ${tokens.consumer}` },
    payload: fetchBody(code, [alice!.residentId]),
  })

describe('POST /v1/exchange/fetch — when the department system fails', () => {
  it('answers 502 upstream-invalid-answer for an answer outside the dialect', async () => {
    mode = 'garbled'
    const res = await fetchOnce()
    expect(res.statusCode).toBe(502)
    expect(res.headers['content-type']).toContain('application/problem+json')
    expect(res.json().code).toBe('upstream-invalid-answer')
  })

  it('answers 502 upstream-failed for a 5xx', async () => {
    mode = 'error'
    const res = await fetchOnce()
    expect(res.statusCode).toBe(502)
    expect(res.json().code).toBe('upstream-failed')
  })

  it('answers 504 when the system does not answer in time', async () => {
    mode = 'hang'
    const res = await fetchOnce()
    expect(res.statusCode).toBe(504)
    expect(res.json().code).toBe('upstream-timeout')
  })

  it('answers 503 with Retry-After once the breaker is open, and audits every failure', async () => {
    mode = 'error'
    let res = await fetchOnce()
    for (let i = 0; i < 5 && res.statusCode !== 503; i++) res = await fetchOnce()
    expect(res.statusCode).toBe(503)
    expect(res.json().code).toBe('upstream-circuit-open')
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0)
    const reasons = (await fetchAudits(hub.database.db)).map((a) => a.reason)
    expect(reasons.slice(0, 3)).toEqual(['upstream-invalid-answer', 'upstream-failed', 'upstream-timeout'])
    expect(reasons.at(-1)).toBe('upstream-circuit-open')
    expect(new Set((await fetchAudits(hub.database.db)).map((a) => a.outcome))).toEqual(new Set(['denied']))
  })
})
