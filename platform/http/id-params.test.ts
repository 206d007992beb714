import { Ajv } from 'ajv'
import { describe, expect, it } from 'vitest'
import { idParams } from './id-params.ts'

const validate = new Ajv().compile(idParams('The thing.'))

describe('idParams', () => {
  it('takes a bigint id as text', () => {
    expect(validate({ id: '42' })).toBe(true)
    expect(validate({ id: '9'.repeat(18) })).toBe(true)
  })

  it('refuses what is not a bigint id, before it reaches the database', () => {
    expect(validate({ id: '9'.repeat(19) })).toBe(false)
    expect(validate({ id: '-1' })).toBe(false)
    expect(validate({ id: '4a' })).toBe(false)
    expect(validate({ id: '42', extra: '1' })).toBe(false)
  })
})
