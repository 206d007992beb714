import { describe, expect, it } from 'vitest'
import {
  decodeCursor,
  encodeCursor,
  isHigherLevel,
  normalizeCreditCode,
  throwIfInvalid,
  type Violation,
  violation,
} from './department-rules.ts'
import { organCreditCode } from './department-test-support.ts'

describe('department rules', () => {
  it('lets only a strictly higher level supervise', () => {
    expect(isHigherLevel('province', 'city')).toBe(true)
    expect(isHigherLevel('county', 'village')).toBe(true)
    expect(isHigherLevel('city', 'city')).toBe(false)
    expect(isHigherLevel('township', 'county')).toBe(false)
  })

  it('folds a valid credit code to upper case and reports a bad one', () => {
    const valid = organCreditCode('141000', '01200009')
    const violations: Violation[] = []
    expect(normalizeCreditCode(valid.toLowerCase(), violations)).toBe(valid)
    expect(normalizeCreditCode('91350100M0001TGQXM', violations)).toBeNull()
    expect(violations).toEqual([
      expect.objectContaining({ code: 'invalid-credit-code', path: '/body/creditCode' }),
    ])
  })

  it('keeps the code of a single violation and uses department-invalid for several', () => {
    const one = violation('unknown-division', 'divisionCode', 'x')
    const two = violation('parent-not-found', 'parent', 'y')
    expect(() => throwIfInvalid([])).not.toThrow()
    expect(() => throwIfInvalid([one])).toThrow(expect.objectContaining({ code: 'unknown-division' }))
    expect(() => throwIfInvalid([one, two])).toThrow(
      expect.objectContaining({
        code: 'department-invalid',
        errors: [
          expect.objectContaining({ path: '/body/divisionCode' }),
          expect.objectContaining({ path: '/body/parent' }),
        ],
      }),
    )
  })

  it('round-trips cursors and rejects forged ones', () => {
    expect(decodeCursor(encodeCursor('lf-hrss'))).toBe('lf-hrss')
    expect(() => decodeCursor('not*base64')).toThrow(expect.objectContaining({ code: 'invalid-cursor' }))
  })
})
