import { describe, expect, it } from 'vitest'
import { useTestApp } from '../../test/support/test-app.ts'

const hub = useTestApp()
// Same hub, but pointed at ports where nothing listens: Kafka and Redis are "down".
const degraded = useTestApp({ env: { KAFKA_BROKERS: '127.0.0.1:1', REDIS_URL: 'redis://127.0.0.1:1' } })

describe('system routes', () => {
  it('/healthz answers without a token', async () => {
    const res = await hub.app.inject({ method: 'GET', url: '/healthz' })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toEqual({ status: 'ok', checks: [] })
  })

  it('/readyz checks PostgreSQL, Kafka and Redis', async () => {
    const res = await hub.app.inject({ method: 'GET', url: '/readyz' })
    expect(res.json().checks.map((c: { name: string; ok: boolean }) => [c.name, c.ok])).toEqual([
      ['postgresql', true],
      ['kafka', true],
      ['redis', true],
    ])
    expect(res.statusCode).toBe(200)
  })

  it('/readyz answers 503 naming what is down', async () => {
    const res = await degraded.app.inject({ method: 'GET', url: '/readyz' })
    expect(res.statusCode).toBe(503)
    const body = res.json()
    expect(body.status).toBe('unavailable')
    const down = body.checks.filter((c: { ok: boolean }) => !c.ok).map((c: { name: string }) => c.name)
    expect(down).toEqual(['kafka', 'redis'])
    expect(body.checks.find((c: { name: string }) => c.name === 'postgresql').ok).toBe(true)
  }, 15_000)

  it('/metrics exposes request counts and latency, outbox lag and queue depth', async () => {
    const token = await hub.token({ roles: ['clerk'] })
    await hub.app.inject({ method: 'GET', url: '/v1/whoami', headers: { authorization: `Bearer ${token}` } })
    const res = await hub.app.inject({ method: 'GET', url: '/metrics' })
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toMatch(/^text\/plain/)
    expect(res.body).toMatch(/hub_http_requests_total\{method="GET",route="\/v1\/whoami",status="200"\} 1/)
    expect(res.body).toMatch(
      /hub_http_request_duration_seconds_bucket\{le="0.005",method="GET",route="\/v1\/whoami"\}/,
    )
    expect(res.body).toMatch(/hub_outbox_unpublished_events \d+/)
    expect(res.body).toMatch(/hub_jobs_queue_depth/)
  })
})
