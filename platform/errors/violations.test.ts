import { describe, expect, it } from 'vitest'
import { InputError } from './app-error.ts'
import { throwIfInvalid, type Violation, violationsError } from './violations.ts'

const a1: Violation = { code: 'a', path: '/body/x', message: 'is wrong' }
const a2: Violation = { code: 'a', path: '/body/y', message: 'is missing' }
const b: Violation = { code: 'b', path: '/body/z', message: 'is too long' }

describe('violations', () => {
  it('throws nothing when there is no violation', () => {
    expect(() => throwIfInvalid([], 'invalid')).not.toThrow()
  })

  it('lists every violation as a field problem and in the detail', () => {
    const error = violationsError([a1, b], 'invalid')
    expect(error).toBeInstanceOf(InputError)
    expect(error.status).toBe(400)
    expect(error.code).toBe('invalid')
    expect(error.message).toBe('/body/x is wrong; /body/z is too long')
    expect(error.errors).toEqual([
      { path: '/body/x', message: 'is wrong' },
      { path: '/body/z', message: 'is too long' },
    ])
  })

  it('keeps the code the violations share, by default', () => {
    expect(() => throwIfInvalid([a1, a2], 'invalid')).toThrow(expect.objectContaining({ code: 'a' }))
  })

  it('keeps a code of its own only for a single violation when asked to', () => {
    const single = { keepCode: 'single', lead: 'The thing is invalid' } as const
    expect(violationsError([a1], 'thing-invalid', single).code).toBe('a')
    const several = violationsError([a1, a2], 'thing-invalid', single)
    expect(several.code).toBe('thing-invalid')
    expect(several.message).toBe('The thing is invalid: /body/x is wrong; /body/y is missing')
  })
})
