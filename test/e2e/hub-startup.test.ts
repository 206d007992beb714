import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type RunningHub, startHub } from '../../hub/start-hub.ts'
import { DEMO_PRINCIPALS } from '../../platform/auth/demo-principals.ts'
import { createDevIssuerFromKey, type DevIssuer, generateDevKey } from '../../platform/auth/dev-issuer.ts'
import { TEST_AUDIENCE, TEST_ISSUER, testConfig } from '../support/test-app.ts'
import { useTestDatabase } from '../support/test-database.ts'

// The start-up path of `npm start` in services mode, over real HTTP: migrate, seed, relay, workers, listen.
const database = useTestDatabase()
let hub: RunningHub
let issuer: DevIssuer

beforeAll(async () => {
  issuer = await createDevIssuerFromKey(await generateDevKey('e2e'), TEST_ISSUER, TEST_AUDIENCE)
  hub = await startHub(
    testConfig(database.url, {
      PORT: '0',
      HOST: '127.0.0.1',
      HUB_SEED_DEMO: 'true',
      AUTH_JWKS: JSON.stringify(issuer.jwks),
    }),
  )
})

afterAll(async () => {
  await hub?.stop()
})

describe('a started hub', () => {
  it('is ready: PostgreSQL, Kafka and Redis all answer', async () => {
    const res = await fetch(`${hub.url}/readyz`)
    expect(res.status).toBe(200)
    const body = (await res.json()) as { checks: { name: string }[] }
    expect(body.checks.map((c) => c.name)).toEqual(['postgresql', 'kafka', 'redis'])
  })

  it('has migrated and seeded the demo departments', async () => {
    const rows = await database.db('departments').pluck('code')
    expect(rows).toEqual(
      expect.arrayContaining(['lf-hrss', 'lf-hfund', 'lf-realestate', 'lf-housing', 'sx-province']),
    )
  })

  it('answers an authenticated caller and refuses an anonymous one', async () => {
    const token = await issuer.issue(DEMO_PRINCIPALS.clerk!)
    const ok = await fetch(`${hub.url}/v1/whoami`, { headers: { authorization: `Bearer ${token}` } })
    expect(ok.status).toBe(200)
    expect(await ok.json()).toEqual(DEMO_PRINCIPALS.clerk)
    const anonymous = await fetch(`${hub.url}/v1/whoami`)
    expect(anonymous.status).toBe(401)
    expect(anonymous.headers.get('content-type')).toMatch(/^application\/problem\+json/)
  })

  it('serves the OpenAPI document and the docs UI', async () => {
    expect((await fetch(`${hub.url}/openapi.json`)).status).toBe(200)
    expect((await fetch(`${hub.url}/docs/`)).status).toBe(200)
  })
})
