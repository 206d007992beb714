import { createServer, type Socket } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  HOUSING_FUND_DEMO_TOKEN,
  startSimulator as startHousingFund,
} from '../../adapters/housing-fund/housing-fund-simulator.ts'
import { REAL_ESTATE_DEMO_TOKEN } from '../../adapters/real-estate/real-estate-simulator.ts'
import { demoWorld } from '../../adapters/simulator-kit/demo-population.ts'
import type { RunningSimulator } from '../../adapters/simulator-kit/simulator-server.ts'
import { seedDemoData } from '../../demo/demo-seed.ts'
import { requestBody, tokensFor, type Who } from '../../directory/requests/access-test-support.ts'
import { seedDemoResources } from '../../directory/resources/resource-demo-seed.ts'
import { useTestApp } from '../support/test-app.ts'

// A fetch that is not answered from a hub-held copy but goes live to a department system, end to end
// on real PostgreSQL/Redis/Kafka: the 公积金 steward says the demo resource 203002/00001 is served live
// by the housing-fund adapter, grants it narrowed and masked, and the consumer's fetch goes through
// the adapter to the simulator. Then the department system goes away (502) or hangs (504): both are
// problem+json with a stable code, and audited as denied for the subject.
let fund: RunningSimulator
let hang: { url: string; close(): Promise<void> }
beforeAll(async () => {
  fund = await startHousingFund({ host: '127.0.0.1', port: 0 })
  hang = await startHangingServer()
}, 30_000)
afterAll(async () => {
  await fund?.close()
  await hang?.close()
})
const hub = useTestApp({
  adapterEnv: () => ({
    ADAPTER_HOUSING_FUND_URL: fund.url,
    ADAPTER_HOUSING_FUND_TOKEN: HOUSING_FUND_DEMO_TOKEN,
    // The 不动产 system accepts connections and never answers.
    ADAPTER_REAL_ESTATE_URL: hang.url,
    ADAPTER_REAL_ESTATE_TOKEN: REAL_ESTATE_DEMO_TOKEN,
    ADAPTER_REAL_ESTATE_TIMEOUT_MS: '200',
    ADAPTER_REAL_ESTATE_DEADLINE_MS: '400',
  }),
})

const HOUSING_FUND = '203002/00001' // lf-hfund
const REAL_ESTATE = '209001/00001' // lf-realestate
// Someone with an employer pays into an active 公积金 account.
const member = demoWorld().people.find((p) => p.employer !== null)!
let tokens: Record<Who | 'realEstateSteward', string>

beforeAll(async () => {
  await seedDemoData(hub.database.db)
  await seedDemoResources(hub.database.db)
  tokens = {
    ...(await tokensFor(hub)),
    realEstateSteward: await hub.token({
      roles: ['steward'],
      department: 'lf-realestate',
      subject: 'realestate-steward',
    }),
  }
}, 60_000)

const call = (method: 'GET' | 'POST' | 'PUT', url: string, who: keyof typeof tokens, payload?: object) =>
  hub.app.inject({ method, url, payload, headers: { authorization: `Bearer ${tokens[who]}` } })

const fetchAs = (resourceCode: string) =>
  call('POST', '/v1/exchange/fetch', 'consumer', {
    resourceCode,
    subjects: [{ type: 'resident-id', id: member.residentId }],
    purpose: { code: 'administrative-basis', text: '核验住房公积金缴存情况' },
  })

/** The audit trail of the member on a resource, as the security officer searches it. */
async function trailOf(resourceCode: string) {
  const query = new URLSearchParams({ subjectId: member.residentId, resourceId: resourceCode })
  const res = await call('GET', `/v1/audit/records?${query}`, 'auditor')
  expect(res.statusCode).toBe(200)
  return (res.json().items as Record<string, unknown>[]).filter((r) => r.action === 'exchange.fetch')
}

async function grant(
  resourceCode: string,
  steward: keyof typeof tokens,
  requested: string[],
  decision: object,
) {
  const filed = await call(
    'POST',
    '/v1/access-requests',
    'consumer',
    requestBody(resourceCode, { items: requested }),
  )
  expect(filed.statusCode).toBe(201)
  const decided = await call('POST', `/v1/access-requests/${filed.json().id}/decision`, steward, {
    outcome: 'approve',
    reason: '同意',
    ...decision,
  })
  expect(decided.json()).toMatchObject({ status: 'granted' })
  return decided.json().grantId as string
}

describe('a live fetch through the housing-fund adapter', () => {
  it('returns only granted, masked items with live provenance, audited for the subject', async () => {
    const source = await call(
      'PUT',
      `/v1/resources/${encodeURIComponent(HOUSING_FUND)}/source`,
      'otherSteward',
      {
        adapter: 'housing-fund',
        recordKind: 'housing-fund-account',
        hubHeld: false,
      },
    )
    expect(source.statusCode).toBe(200)

    const grantId = await grant(HOUSING_FUND, 'otherSteward', ['xm', 'gmsfhm', 'grzh', 'zhye', 'zhzt'], {
      items: ['xm', 'gmsfhm', 'zhzt'],
      masking: { gmsfhm: 'resident-id', xm: 'name' },
      reason: '账号与余额不属于核验所需',
    })

    const fetched = await fetchAs(HOUSING_FUND)
    expect(fetched.statusCode).toBe(200)
    const body = fetched.json()
    expect(body).toMatchObject({ resourceCode: HOUSING_FUND, grantId })
    // Live: no syncedAt, since nothing was read from a copy.
    expect(body.source).toEqual({
      adapter: 'housing-fund',
      department: 'lf-hfund',
      recordKind: 'housing-fund-account',
      hubHeld: false,
    })
    const [result] = body.results
    expect(result.outcome).toBe('allowed')
    expect(result.records).toHaveLength(1)
    const { items } = result.records[0]
    // grzh and zhye were asked for but not granted: they never leave the hub.
    expect(Object.keys(items).sort()).toEqual(['gmsfhm', 'xm', 'zhzt'])
    expect(items.gmsfhm).toBe(`${member.residentId.slice(0, 6)}********${member.residentId.slice(-4)}`)
    expect(items.xm).toBe(`${member.name[0]}*`)
    expect(typeof items.zhzt).toBe('string')
    expect(JSON.stringify(result.records)).not.toContain(member.residentId)

    const trail = await trailOf(HOUSING_FUND)
    expect(trail).toHaveLength(1)
    expect(trail[0]).toMatchObject({ outcome: 'allowed', grantId, principal: 'approval-officer' })
    expect([...(trail[0]!.items as string[])].sort()).toEqual(['gmsfhm', 'xm', 'zhzt'])
  })

  it('answers 502 upstream-failed when the department system is gone, audited as denied', async () => {
    await fund.close()
    const refused = await fetchAs(HOUSING_FUND)
    expect(refused.statusCode).toBe(502)
    expect(refused.headers['content-type']).toContain('application/problem+json')
    expect(refused.json()).toMatchObject({ status: 502, code: 'upstream-failed' })
    const trail = await trailOf(HOUSING_FUND)
    expect(trail.map((r) => [r.outcome, r.reason])).toEqual([
      ['denied', 'upstream-failed'],
      ['allowed', null],
    ])
  })

  it('answers 504 upstream-timeout when the department system does not answer, audited as denied', async () => {
    await grant(REAL_ESTATE, 'realEstateSteward', ['qlrmc', 'qlrzjh', 'zl'], {})
    const started = Date.now()
    const refused = await fetchAs(REAL_ESTATE)
    expect(refused.statusCode).toBe(504)
    expect(refused.headers['content-type']).toContain('application/problem+json')
    expect(refused.json()).toMatchObject({ status: 504, code: 'upstream-timeout' })
    // The adapter's deadline bounds the wait, not the hung system.
    expect(Date.now() - started).toBeLessThan(5_000)
    const trail = await trailOf(REAL_ESTATE)
    expect(trail.map((r) => [r.outcome, r.reason])).toEqual([['denied', 'upstream-timeout']])
  })
})

/** A TCP server that accepts connections and never says a word. */
async function startHangingServer(): Promise<{ url: string; close(): Promise<void> }> {
  const sockets = new Set<Socket>()
  const server = createServer((socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address() as { port: number }
  return {
    url: `http://127.0.0.1:${address.port}`,
    async close() {
      for (const socket of sockets) socket.destroy()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}
