import { Ajv } from 'ajv'
import { describe, expect, it } from 'vitest'
import { pageQuery } from './page-query.ts'

const validate = new Ajv({ useDefaults: true, coerceTypes: true }).compile({
  type: 'object',
  additionalProperties: false,
  properties: pageQuery('grants', 50),
})

describe('pageQuery', () => {
  it('fills in the default page size and takes a cursor', () => {
    const query: Record<string, unknown> = { cursor: 'cjox' }
    expect(validate(query)).toBe(true)
    expect(query).toEqual({ cursor: 'cjox', limit: 50 })
  })

  it('refuses a page larger than 200, a page of none and an over-long cursor', () => {
    expect(validate({ limit: '201' })).toBe(false)
    expect(validate({ limit: '0' })).toBe(false)
    expect(validate({ cursor: 'x'.repeat(201) })).toBe(false)
  })

  it('names what the list returns', () => {
    expect(pageQuery('cases', 20, 500)).toMatchObject({
      limit: { default: 20, description: 'Most cases returned.' },
      cursor: { maxLength: 500 },
    })
  })
})
