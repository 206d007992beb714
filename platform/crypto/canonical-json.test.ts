import { describe, expect, it } from 'vitest'
import { canonicalJson } from './canonical-json.ts'

describe('canonicalJson', () => {
  it('sorts object keys at every level and keeps array order', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { f: 2, e: 1 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[1,{"e":1,"f":2}]},"b":1}',
    )
  })

  it('gives one text for the same value built in another order', () => {
    expect(canonicalJson({ z: 'å', y: [true, 0] })).toBe(canonicalJson({ y: [true, 0], z: 'å' }))
  })

  it('leaves undefined members out and writes a bare undefined as null', () => {
    expect(canonicalJson({ a: undefined, b: 2 })).toBe('{"b":2}')
    expect(canonicalJson(undefined)).toBe('null')
    expect(canonicalJson([undefined, 'x'])).toBe('[null,"x"]')
  })
})
