import { describe, expect, it } from 'vitest'
import { requestHash } from './idempotency.ts'

describe('requestHash', () => {
  it('ignores property order and undefined properties, at any depth', () => {
    expect(requestHash('op', { a: 1, b: { c: [1, 2], d: 'x' } })).toBe(
      requestHash('op', { b: { d: 'x', c: [1, 2] }, a: 1, e: undefined }),
    )
  })

  it('tells apart operations, values, array order and null from absent', () => {
    const base = requestHash('op', { a: [1, 2] })
    expect(requestHash('other', { a: [1, 2] })).not.toBe(base)
    expect(requestHash('op', { a: [2, 1] })).not.toBe(base)
    expect(requestHash('op', { a: [1, 2], b: null })).not.toBe(base)
  })
})
