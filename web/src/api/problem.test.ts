import { describe, expect, it } from 'vitest'
import { fieldErrors, fieldPath, isConflict, problemMessageKey, toProblem } from './problem.ts'

describe('problem documents', () => {
  it('turn body and query pointers into form paths', () => {
    expect(fieldPath('/body/items/0/name')).toBe('items.0.name')
    expect(fieldPath('/query/limit')).toBe('limit')
    expect(fieldPath('/body/code/lei')).toBe('code.lei')
    expect(fieldPath('/body/a~1b')).toBe('a/b')
  })

  it('collect every failing field with its messages', () => {
    const problem = toProblem(400, {
      code: 'validation-failed',
      errors: [
        { path: '/body/name', message: 'must NOT have fewer than 1 characters' },
        { path: '/body/items/1/code', message: 'must match pattern' },
        { path: '/body/name', message: 'is required' },
      ],
    })
    expect(fieldErrors(problem)).toEqual({
      name: ['must NOT have fewer than 1 characters', 'is required'],
      'items.1.code': ['must match pattern'],
    })
  })

  it('explain known codes by code and the rest by status', () => {
    expect(problemMessageKey({ status: 400, code: 'validation-failed' })).toBe(
      'problem.code.validation-failed',
    )
    expect(problemMessageKey({ status: 409, code: 'something-new' })).toBe('problem.status.409')
    expect(problemMessageKey({ status: 503, code: 'unavailable' })).toBe('problem.status.500')
    expect(problemMessageKey({ status: 418, code: 'odd' })).toBe('problem.status.400')
  })

  it("explain a page area's own codes in its messages, and offer no reload where it changes nothing", () => {
    const province = { status: 409, code: 'service-item-maintained-by-province' }
    expect(problemMessageKey(province)).toBe('serviceItems.problem.service-item-maintained-by-province')
    expect(isConflict(province)).toBe(false)
    expect(isConflict({ status: 409, code: 'service-item-retired' })).toBe(true)
  })

  it('read a body that is not a problem as a generic one', () => {
    expect(toProblem(502, 'Bad Gateway')).toEqual({ status: 502, code: 'internal' })
    expect(isConflict(toProblem(409, { code: 'illegal-transition', status: 409 }))).toBe(true)
  })
})
