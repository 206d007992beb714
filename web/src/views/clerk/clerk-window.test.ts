import { describe, expect, it } from 'vitest'
import type { Schemas } from '../../api/client.ts'
import { afterMiss, materialState } from './clerk-window.ts'

type Material = Schemas['CertificateShareableMaterials']['items'][number]

const fund: Material = {
  materialCode: 'M01',
  name: '住房公积金缴存证明',
  shareable: true,
  certificateTypes: ['12141000012000001X001'],
  resourceCodes: [],
  obtained: null,
  missed: null,
}
const obtained = {
  certificateId: 'cert-1',
  fetchedAt: '2026-12-05T09:00:00.000Z',
  fetchedBy: 'demo-clerk-approval',
}
const at = new Date('2026-12-05T09:30:00.000Z')

describe("a material's state at the clerk's window", () => {
  it('is obtainable by sharing while no fetch has said otherwise', () => {
    expect(materialState(fund)).toBe('shareable')
  })

  it('needs paper when nothing replaces it', () => {
    expect(materialState({ shareable: false, obtained: null, missed: null })).toBe('paper')
  })

  it('needs paper after a fetch that found no usable certificate, as the hub records it', () => {
    for (const outcome of ['not-found', 'expired', 'revoked', 'ambiguous'] as const) {
      const missed = afterMiss(fund, outcome, 'demo-clerk-approval', at)
      expect(missed.missed).toEqual({
        outcome,
        attemptedAt: '2026-12-05T09:30:00.000Z',
        attemptedBy: 'demo-clerk-approval',
      })
      expect(materialState(missed), outcome).toBe('paper')
    }
  })

  it('is obtained once a certificate was fetched (an ambiguous answer, then the one picked)', () => {
    expect(materialState({ ...fund, obtained })).toBe('obtained')
    // The hub drops the miss when a fetch obtains one; even if a stale one came along, obtained wins.
    const stale = { outcome: 'ambiguous' as const, attemptedAt: at.toISOString(), attemptedBy: 'x' }
    expect(materialState({ ...fund, obtained, missed: stale })).toBe('obtained')
  })

  it('leaves a material already obtained, or a fetch that found one, as it is', () => {
    expect(afterMiss({ ...fund, obtained }, 'expired', 'demo-clerk-approval')).toEqual({ ...fund, obtained })
    expect(afterMiss(fund, 'found', 'demo-clerk-approval')).toBe(fund)
  })
})
