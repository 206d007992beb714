import { describe, expect, it } from 'vitest'
import { backoffDelay, isIdempotent } from './retry-policy.ts'

describe('retry policy', () => {
  const options = { retries: 5, baseDelayMs: 50, maxDelayMs: 1000 }

  it('spreads delays over [0, base·2^attempt) and caps them at the maximum', () => {
    expect([0, 1, 2].map((a) => backoffDelay(a, options, () => 0.999))).toEqual([49, 99, 199])
    expect(backoffDelay(10, options, () => 0.999)).toBe(999)
    expect(backoffDelay(3, options, () => 0)).toBe(0)
  })

  it('treats GET, PUT and DELETE as repeatable and POST only when the caller says so', () => {
    expect(['GET', 'PUT', 'DELETE', 'POST'].map((m) => isIdempotent(m, undefined))).toEqual([
      true,
      true,
      true,
      false,
    ])
    expect(isIdempotent('POST', true)).toBe(true)
    expect(isIdempotent('GET', false)).toBe(false)
  })
})
