import { Registry } from 'prom-client'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createHttpClientFactory } from '../../platform/http-client/http-client-factory.ts'
import { buildAdapterRegistry } from '../adapter-registry.ts'
import { demoWorld } from '../simulator-kit/demo-population.ts'
import type { RunningSimulator } from '../simulator-kit/simulator-server.ts'
import { housingAdminAdapterModule } from './housing-admin-adapter.ts'
import { HOUSING_ADMIN_DEMO_TOKEN, startSimulator } from './housing-admin-simulator.ts'

describe('housing-admin adapter against the running 房管 simulator', () => {
  let sim: RunningSimulator
  const http = createHttpClientFactory({ registry: new Registry() })
  beforeAll(async () => {
    sim = await startSimulator()
  })
  afterAll(async () => {
    await http.close()
    await sim.close()
  })

  it('finds filings and both sides of second-hand transactions in the demo population', async () => {
    const adapter = buildAdapterRegistry({
      modules: [housingAdminAdapterModule],
      env: { ADAPTER_HOUSING_ADMIN_URL: sim.url, ADAPTER_HOUSING_ADMIN_TOKEN: HOUSING_ADMIN_DEMO_TOKEN },
      http,
    }).get('housing-admin')
    let filings = 0
    const roles = new Set<unknown>()
    for (const p of demoWorld().people.slice(0, 30)) {
      const subject = { idType: 'resident-id', idNumber: p.residentId } as const
      filings += (await adapter.lookupBySubject!('new-home-contract-filing', subject)).length
      for (const t of await adapter.lookupBySubject!('second-hand-transaction', subject))
        roles.add(t.data.role)
    }
    expect(filings).toBeGreaterThan(0)
    expect([...roles].sort()).toEqual(['buyer', 'seller'])
    expect(await adapter.health()).toEqual({ status: 'up', breaker: 'closed' })
  })
})
