import { randomUUID } from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import { describe, expect, it } from 'vitest'
import { useTestApp } from '../../test/support/test-app.ts'

/**
 * Input that PostgreSQL, the audit writer or the validator cannot take is refused at the edge with a
 * 400 naming the field, and the framework's own refusals are problem+json with stable codes.
 */

interface Note {
  title: string
  priority?: number
  tags?: string[]
  extension?: Record<string, unknown>
}

async function probeRoutes(app: FastifyInstance) {
  app.post(
    '/v1/test/edge-notes',
    {
      schema: {
        body: {
          type: 'object',
          required: ['title'],
          additionalProperties: false,
          properties: {
            title: { type: 'string', minLength: 1 },
            priority: { type: 'integer', minimum: 1 },
            tags: { type: 'array', items: { type: 'string' } },
            extension: { type: 'object', additionalProperties: true },
          },
        },
      },
    },
    async (request, reply) => {
      await app.db.raw('create table if not exists test_edge_notes (title text primary key)')
      await app.db('test_edge_notes').insert({ title: (request.body as Note).title })
      return reply.code(201).send({ echo: request.body })
    },
  )
}

// Key rotation signs nothing here, but needs the key-encryption key to get as far as the database.
const hub = useTestApp({
  extend: probeRoutes,
  env: { CERT_KEY_ENCRYPTION_KEY: '0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef' },
})

async function auth(roles: ('admin' | 'clerk')[] = ['admin']) {
  return { authorization: `Bearer ${await hub.token({ roles, subject: `s-${randomUUID()}` })}` }
}

async function post(url: string, payload: string, roles: ('admin' | 'clerk')[] = ['admin']) {
  return hub.app.inject({
    method: 'POST',
    url,
    headers: { ...(await auth(roles)), 'content-type': 'application/json' },
    payload,
  })
}

function deep(depth: number): string {
  return `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`
}

describe('strings PostgreSQL cannot store are refused at the edge', () => {
  it('a NUL in a body string → 400 invalid-text naming the field', async () => {
    const res = await post(
      '/v1/departments',
      JSON.stringify({ code: 'lf-nul', name: 'a\u0000b', level: 'city', divisionCode: '141000' }),
    )
    expect(res.statusCode).toBe(400)
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/)
    expect(res.json()).toMatchObject({ code: 'invalid-text', errors: [{ path: '/body/name' }] })
    expect(await hub.database.db('departments').where({ code: 'lf-nul' }).first()).toBeUndefined()
  })

  it('a lone surrogate in a body string → 400 invalid-text', async () => {
    const res = await post('/v1/test/edge-notes', '{"title":"x","tags":["ok","\\ud800"]}')
    expect(res.statusCode).toBe(400)
    expect(res.json()).toMatchObject({ code: 'invalid-text', errors: [{ path: '/body/tags/1' }] })
  })

  it('a NUL in a property name → 400 invalid-text', async () => {
    const res = await post('/v1/test/edge-notes', '{"title":"x","extension":{"k\\u0000":1}}')
    expect(res.statusCode).toBe(400)
    expect(res.json().code).toBe('invalid-text')
  })

  it('a NUL in a path parameter of a public route → 400 invalid-text', async () => {
    const res = await hub.app.inject({ method: 'GET', url: '/v1/certificates/issuers/x%00/jwks' })
    expect(res.statusCode).toBe(400)
    expect(res.json()).toMatchObject({ code: 'invalid-text', errors: [{ path: '/params/department' }] })
  })

  it('a lone surrogate in a query string → 400 invalid-text', async () => {
    const res = await hub.app.inject({
      method: 'GET',
      url: '/v1/departments?q=%ED%A0%80',
      headers: await auth(),
    })
    expect(res.statusCode).toBeLessThan(500)
    const nul = await hub.app.inject({ method: 'GET', url: '/v1/departments?q=a%00', headers: await auth() })
    expect(nul.statusCode).toBe(400)
    expect(nul.json()).toMatchObject({ code: 'invalid-text', errors: [{ path: '/querystring/q' }] })
  })
})

describe('nesting inside free-form objects is bounded', () => {
  it('10,000-deep nesting → 400 too-deep naming the field', async () => {
    const res = await post('/v1/test/edge-notes', `{"title":"x","extension":${deep(10_000)}}`)
    expect(res.statusCode).toBe(400)
    expect(res.json()).toMatchObject({ code: 'too-deep', errors: [{ path: '/body/extension' }] })
  })

  it('modest nesting is fine', async () => {
    const res = await post('/v1/test/edge-notes', `{"title":"nest-ok","extension":${deep(20)}}`)
    expect(res.statusCode).toBe(201)
  })
})

describe('database errors a caller can provoke are 4xx', () => {
  it('rotating the keys of a department that does not exist → 404', async () => {
    const res = await hub.app.inject({
      method: 'POST',
      url: '/v1/certificates/issuers/no-such-dept/keys/rotate',
      headers: await auth(),
    })
    expect(res.statusCode).toBe(404)
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/)
  })
})

describe('bodies are not coerced', () => {
  it('"code": true does not become "true"', async () => {
    const res = await post(
      '/v1/departments',
      JSON.stringify({ code: true, name: 'T', level: 'city', divisionCode: '141000' }),
    )
    expect(res.statusCode).toBe(400)
    expect(res.json()).toMatchObject({ code: 'validation-failed', errors: [{ path: '/body/code' }] })
    expect(await hub.database.db('departments').where({ code: 'true' }).first()).toBeUndefined()
  })

  it('true is not 1 and ["x"] is not "x"', async () => {
    const bool = await post('/v1/test/edge-notes', '{"title":"b","priority":true}')
    expect(bool.statusCode).toBe(400)
    const numeric = await post('/v1/test/edge-notes', '{"title":"c","priority":"2"}')
    expect(numeric.statusCode).toBe(400)
    const array = await post('/v1/test/edge-notes', '{"title":["x"]}')
    expect(array.statusCode).toBe(400)
  })

  it('query strings are still coerced where a type is declared', async () => {
    const res = await hub.app.inject({ method: 'GET', url: '/v1/departments?limit=2', headers: await auth() })
    expect(res.statusCode).toBe(200)
    const bad = await hub.app.inject({
      method: 'GET',
      url: '/v1/departments?limit=two',
      headers: await auth(),
    })
    expect(bad.statusCode).toBe(400)
  })
})
