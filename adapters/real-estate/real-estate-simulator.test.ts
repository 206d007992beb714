import { describe, expect, it } from 'vitest'
import { demoWorld } from '../simulator-kit/demo-population.ts'
import { useSimulatedAdapter } from '../simulator-kit/simulated-adapter-test-support.ts'
import { realEstateAdapterModule } from './real-estate-adapter.ts'
import { REAL_ESTATE_DEMO_TOKEN, startSimulator } from './real-estate-simulator.ts'

describe('real-estate adapter against the running 不动产登记 simulator', () => {
  const simulated = useSimulatedAdapter(realEstateAdapterModule, startSimulator, REAL_ESTATE_DEMO_TOKEN)

  it('returns valid canonical rights, mortgages and seizures for the whole demo population', async () => {
    const adapter = simulated.adapter()
    const world = demoWorld()
    const counts = { rights: 0, mortgages: 0, seizures: 0 }
    for (const p of world.people.slice(0, 40)) {
      const subject = { idType: 'resident-id', idNumber: p.residentId } as const
      counts.rights += (await adapter.lookupBySubject!('property-right', subject)).length
      counts.mortgages += (await adapter.lookupBySubject!('property-mortgage', subject)).length
      counts.seizures += (await adapter.lookupBySubject!('property-seizure', subject)).length
    }
    expect(counts.rights).toBeGreaterThan(10)
    expect(counts.mortgages).toBeGreaterThan(0)
    const company = world.employers[0]!
    const owned = await adapter.lookupBySubject!('property-right', {
      idType: 'credit-code',
      idNumber: company.creditCode,
    })
    expect(owned.length).toBeGreaterThan(0)
    expect(owned.every((r) => r.data.holderName === company.name && r.data.use !== 'residential')).toBe(true)
  })
})
