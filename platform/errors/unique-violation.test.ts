import { describe, expect, it } from 'vitest'
import { ConflictError } from './app-error.ts'
import { mapUniqueViolation } from './unique-violation.ts'

const pgError = (code: string, constraint?: string) => Object.assign(new Error('pg'), { code, constraint })
const taken = new ConflictError('thing-exists', 'A thing with this code already exists')
const byConstraint = (constraint: string) => (constraint === 'things_pkey' ? taken : undefined)

describe('mapUniqueViolation', () => {
  it('passes the result of a write that succeeds', async () => {
    await expect(mapUniqueViolation(async () => 7, byConstraint)).resolves.toBe(7)
  })

  it("turns the named constraint's violation into the feature's conflict", async () => {
    const write = () => Promise.reject(pgError('23505', 'things_pkey'))
    await expect(mapUniqueViolation(write, byConstraint)).rejects.toBe(taken)
  })

  it('lets the violation of another constraint through unchanged', async () => {
    const other = pgError('23505', 'things_name_key')
    await expect(mapUniqueViolation(() => Promise.reject(other), byConstraint)).rejects.toBe(other)
  })

  it('lets any other database error through unchanged', async () => {
    const fk = pgError('23503', 'things_pkey')
    await expect(
      mapUniqueViolation(
        () => Promise.reject(fk),
        () => taken,
      ),
    ).rejects.toBe(fk)
  })
})
