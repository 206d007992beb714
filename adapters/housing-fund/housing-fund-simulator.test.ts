import { describe, expect, it } from 'vitest'
import { demoWorld } from '../simulator-kit/demo-population.ts'
import { useSimulatedAdapter } from '../simulator-kit/simulated-adapter-test-support.ts'
import { housingFundAdapterModule } from './housing-fund-adapter.ts'
import { HOUSING_FUND_DEMO_TOKEN, startSimulator } from './housing-fund-simulator.ts'

describe('housing-fund adapter against the running 公积金 simulator', () => {
  const simulated = useSimulatedAdapter(housingFundAdapterModule, startSimulator, HOUSING_FUND_DEMO_TOKEN)

  it('serves an employed demo person: open account, 24 months of deposits over pages, loans', async () => {
    const adapter = simulated.adapter()
    const person = demoWorld().people.find((p) => p.employer !== null)!
    const subject = { idType: 'resident-id', idNumber: person.residentId } as const
    const [account] = await adapter.lookupBySubject!('housing-fund-account', subject)
    expect(account?.data).toMatchObject({ status: 'normal', subjectName: person.name, paidUpTo: '2026-10' })
    expect(await adapter.lookupBySubject!('housing-fund-contribution', subject)).toHaveLength(24)
    const page = await adapter.query!(
      'housing-fund-contribution',
      { subjectId: person.residentId },
      { limit: 10 },
    )
    expect([page.items.length, page.nextCursor]).toEqual([10, '2'])
    expect(Array.isArray(await adapter.lookupBySubject!('housing-fund-loan', subject))).toBe(true)
    expect(await adapter.health()).toEqual({ status: 'up', breaker: 'closed' })
  })

  it('pages through every account (GRZHLB) for live subscriptions, in a stable order', async () => {
    const adapter = simulated.adapter()
    const ids: string[] = []
    let after: string | null = null
    do {
      const page = await adapter.pageRecords!('housing-fund-account', { after, limit: 50 })
      ids.push(...page.records.map((r) => r.recordId))
      expect(page.records.every((r) => r.kind === 'housing-fund-account')).toBe(true)
      after = page.next
    } while (after !== null)
    expect(ids).toHaveLength(demoWorld().people.length)
    expect([...ids].sort()).toEqual(ids)
    await expect(adapter.pageRecords!('housing-fund-loan', { after: null, limit: 10 })).rejects.toThrow(
      /does not serve/,
    )
  })
})
