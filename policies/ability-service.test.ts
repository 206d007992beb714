import { describe, expect, it } from 'vitest'
import type { Principal } from '../schemas/generated/types.ts'
import { asSubject, can, type GrantFacts } from './ability.ts'
import { AbilityService, type GrantSource } from './ability-service.ts'

/** A grant source in memory that counts its reads, standing in for the grant store. */
class FakeGrants implements GrantSource {
  epochs = new Map<string, number>()
  grants: GrantFacts[] = []
  loads = 0
  async epoch(department: string) {
    return this.epochs.get(department) ?? 0
  }
  async activeGrants(department: string) {
    this.loads++
    return this.grants.filter((g) => g.consumerDepartment === department && g.status === 'active')
  }
  change(department: string, mutate: () => void) {
    mutate()
    this.epochs.set(department, (this.epochs.get(department) ?? 0) + 1)
  }
}

const T0 = new Date('2026-06-01T00:00:00Z').getTime()
const grant: GrantFacts = {
  id: 'g1',
  resourceId: '7',
  consumerDepartment: 'D',
  subjects: [],
  versionFrom: 1,
  versionTo: null,
  items: ['xm'],
  rowConditions: {},
  masking: {},
  purposeCode: 'p',
  validFrom: new Date(T0 - 1000),
  validUntil: new Date(T0 + 60_000),
  status: 'active',
  rateLimitPerMinute: null,
  dailyVolumeCap: null,
}
const clerk: Principal = { subject: 'c1', department: 'D', roles: ['clerk'], district: null }
const record = asSubject('Record', { resourceId: '7', version: 1, purposeCode: 'p' })

describe('AbilityService', () => {
  it('builds once per principal while the epoch stands, and rebuilds on the next call after a change', async () => {
    const source = new FakeGrants()
    source.grants = [grant]
    let now = T0
    const service = new AbilityService({ grants: source, now: () => new Date(now) })
    expect(can((await service.forPrincipal(clerk)).ability, 'fetch', record)).toBe(true)
    await service.forPrincipal(clerk)
    expect(source.loads).toBe(1)

    source.change('D', () => {
      source.grants = [{ ...grant, status: 'revoked' }]
    })
    expect(can((await service.forPrincipal(clerk)).ability, 'fetch', record)).toBe(false)
    expect(source.loads).toBe(2)

    // A grant that ends needs no epoch change: the entry expires with it.
    source.change('D', () => {
      source.grants = [grant]
    })
    expect(can((await service.forPrincipal(clerk)).ability, 'fetch', record)).toBe(true)
    now = T0 + 60_000
    expect(can((await service.forPrincipal(clerk)).ability, 'fetch', record)).toBe(false)
  })

  it('evicts the least recently used principal beyond its size', async () => {
    const source = new FakeGrants()
    const service = new AbilityService({ grants: source, maxEntries: 2 })
    const p = (subject: string): Principal => ({ ...clerk, subject })
    await service.forPrincipal(p('a'))
    await service.forPrincipal(p('b'))
    await service.forPrincipal(p('a'))
    await service.forPrincipal(p('c'))
    expect(service.size).toBe(2)
    source.loads = 0
    await service.forPrincipal(p('a'))
    expect(source.loads).toBe(0)
    await service.forPrincipal(p('b'))
    expect(source.loads).toBe(1)
  })
})
