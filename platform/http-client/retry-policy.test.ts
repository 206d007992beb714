import { describe, expect, it } from 'vitest'
import { isIdempotent } from './retry-policy.ts'

describe('retry policy', () => {
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
