import { Ajv } from 'ajv'
import { describe, expect, it } from 'vitest'
import { auditPageQuery } from './audit-page-query.ts'

const validate = new Ajv({ useDefaults: true, coerceTypes: true }).compile({
  type: 'object',
  additionalProperties: false,
  properties: auditPageQuery(100, 20),
})

describe('auditPageQuery', () => {
  it('takes a trail position as cursor and fills in the page size', () => {
    const query: Record<string, unknown> = { cursor: '1024' }
    expect(validate(query)).toBe(true)
    expect(query).toEqual({ cursor: '1024', limit: 20 })
  })

  it('refuses a cursor that is not a position and a page over the maximum', () => {
    expect(validate({ cursor: '0' })).toBe(false)
    expect(validate({ cursor: 'abc' })).toBe(false)
    expect(validate({ limit: '101' })).toBe(false)
  })
})
