import { describe, expect, it } from 'vitest'
import { demoWorld } from '../simulator-kit/demo-population.ts'
import { useSimulatedAdapter } from '../simulator-kit/simulated-adapter-test-support.ts'
import { housingAdminAdapterModule } from './housing-admin-adapter.ts'
import { HOUSING_ADMIN_DEMO_TOKEN, startSimulator } from './housing-admin-simulator.ts'

describe('housing-admin adapter against the running 房管 simulator', () => {
  const simulated = useSimulatedAdapter(housingAdminAdapterModule, startSimulator, HOUSING_ADMIN_DEMO_TOKEN)

  it('finds filings and both sides of second-hand transactions in the demo population', async () => {
    const adapter = simulated.adapter()
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
