import { randomUUID } from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import type { Knex } from 'knex'
import pg from 'pg'
import { afterAll, describe, expect, it } from 'vitest'
import { useTestApp } from '../../test/support/test-app.ts'
import { createKnex } from '../db/knex-factory.ts'

/** While PostgreSQL is away or starting up, callers get 503 with Retry-After, never 500 `internal`. */

let dead: Knex | undefined

async function probeRoutes(app: FastifyInstance) {
  // Nothing listens on port 1: the pool's connect is refused, as when PostgreSQL is down.
  dead = createKnex({ connectionString: 'postgres://hub@127.0.0.1:1/hub', poolMax: 1 })
  app.get('/v1/test/db-down', async () => (await dead!.raw('select 1')).rows)
  app.get('/v1/test/db-starting', async () => {
    const error = new pg.DatabaseError('the database system is starting up', 0, 'error')
    Object.assign(error, { code: '57P03', severity: 'FATAL' })
    throw error
  })
  app.get('/v1/test/redis-down', async () => {
    throw Object.assign(new Error('Reached the max retries per request limit (which is 1).'), {
      name: 'MaxRetriesPerRequestError',
    })
  })
}

const hub = useTestApp({ extend: probeRoutes })
afterAll(async () => dead?.destroy())

async function get(url: string) {
  const token = await hub.token({ roles: ['clerk'], subject: `s-${randomUUID()}` })
  return hub.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } })
}

describe('outages are answered honestly', () => {
  it('PostgreSQL unreachable → 503 database-unavailable with Retry-After', async () => {
    const res = await get('/v1/test/db-down')
    expect(res.statusCode).toBe(503)
    expect(res.headers['retry-after']).toBe('5')
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/)
    expect(res.json().code).toBe('database-unavailable')
  })

  it('PostgreSQL starting up → 503 database-unavailable', async () => {
    const res = await get('/v1/test/db-starting')
    expect(res.statusCode).toBe(503)
    expect(res.headers['retry-after']).toBeDefined()
    expect(res.json().code).toBe('database-unavailable')
  })

  it('Redis away → 503 redis-unavailable', async () => {
    const res = await get('/v1/test/redis-down')
    expect(res.statusCode).toBe(503)
    expect(res.json().code).toBe('redis-unavailable')
  })
})
