import { beforeAll, describe, expect, it } from 'vitest'

// A file whose setup fails the way it does when PostgreSQL or the broker is down.
describe('needs the database', () => {
  beforeAll(() => {
    throw new Error('connect ECONNREFUSED 127.0.0.1:5432')
  })
  it('reads a row', () => expect(1).toBe(1))
  it('writes a row', () => expect(1).toBe(1))
})

describe('pure logic', () => {
  it('adds', () => expect(1 + 1).toBe(2))
  it.skip('is skipped on purpose', () => expect(1).toBe(1))
})
