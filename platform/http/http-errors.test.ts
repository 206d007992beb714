import { randomUUID } from 'node:crypto'
import { Writable } from 'node:stream'
import type { FastifyInstance } from 'fastify'
import { describe, expect, it } from 'vitest'
import { useTestApp } from '../../test/support/test-app.ts'

const logLines: string[] = []
const logStream = new Writable({
  write(chunk, _encoding, done) {
    logLines.push(String(chunk))
    done()
  },
})

/** Test-only routes that exercise the platform: a validated write, a crash. */
async function probeRoutes(app: FastifyInstance) {
  app.post(
    '/v1/test/notes',
    {
      schema: {
        body: {
          type: 'object',
          required: ['title', 'priority'],
          additionalProperties: false,
          properties: { title: { type: 'string', minLength: 1 }, priority: { type: 'integer', minimum: 1 } },
        },
      },
    },
    async (request, reply) => {
      await app.db.raw('create table if not exists test_notes (title text primary key)')
      await app.db('test_notes').insert({ title: (request.body as { title: string }).title })
      return reply.code(201).send({ ok: true })
    },
  )
  app.get('/v1/test/crash', async () => {
    throw new Error('secret internal detail: password=hunter2')
  })
}

const hub = useTestApp({
  // The shared (Redis) limiter, so the path a multi-instance deployment uses is the one proven here.
  env: { BODY_LIMIT_BYTES: '2048', RATE_LIMIT_PER_MINUTE: '5', RATE_LIMIT_SHARED: 'true' },
  extend: probeRoutes,
  logger: { level: 'info', stream: logStream },
})

async function bearer(roles: ('admin' | 'clerk')[] = ['clerk'], subject = `s-${randomUUID()}`) {
  return { authorization: `Bearer ${await hub.token({ roles, subject })}` }
}

async function notesCount(): Promise<number> {
  const exists = await hub.database.db.raw("select to_regclass('test_notes') as t")
  if (!exists.rows[0].t) return 0
  return Number((await hub.database.db('test_notes').count({ n: '*' }))[0]!.n)
}

describe('bad input gets problem+json and writes nothing', () => {
  it('malformed JSON → 400 malformed-json', async () => {
    const res = await hub.app.inject({
      method: 'POST',
      url: '/v1/test/notes',
      headers: { ...(await bearer()), 'content-type': 'application/json' },
      payload: '{"title": "a",',
    })
    expect(res.statusCode).toBe(400)
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/)
    expect(res.json()).toMatchObject({
      status: 400,
      code: 'malformed-json',
      requestId: res.headers['x-request-id'],
    })
    expect(await notesCount()).toBe(0)
  })

  it('wrong content type → 415', async () => {
    const res = await hub.app.inject({
      method: 'POST',
      url: '/v1/test/notes',
      headers: { ...(await bearer()), 'content-type': 'text/plain' },
      payload: 'title=a',
    })
    expect(res.statusCode).toBe(415)
    expect(res.json().code).toBe('unsupported-media-type')
    expect(await notesCount()).toBe(0)
  })

  it('oversize body → 413', async () => {
    const res = await hub.app.inject({
      method: 'POST',
      url: '/v1/test/notes',
      headers: await bearer(),
      payload: { title: 'x'.repeat(5000), priority: 1 },
    })
    expect(res.statusCode).toBe(413)
    expect(res.json().code).toBe('body-too-large')
    expect(await notesCount()).toBe(0)
  })

  it('unknown and missing properties → 400 listing every failing field', async () => {
    const res = await hub.app.inject({
      method: 'POST',
      url: '/v1/test/notes',
      headers: await bearer(),
      payload: { title: '', colour: 'red' },
    })
    expect(res.statusCode).toBe(400)
    const problem = res.json()
    expect(problem.code).toBe('validation-failed')
    expect(problem.errors.map((e: { path: string }) => e.path).sort()).toEqual([
      '/body/colour',
      '/body/priority',
      '/body/title',
    ])
    expect(await notesCount()).toBe(0)
  })

  it('a valid request is written (the probe route really writes)', async () => {
    const res = await hub.app.inject({
      method: 'POST',
      url: '/v1/test/notes',
      headers: await bearer(),
      payload: { title: 'kept', priority: 2 },
    })
    expect(res.statusCode).toBe(201)
    expect(await notesCount()).toBe(1)
  })
})

describe('authentication and authorization', () => {
  it.each([
    ['no header', undefined, 'token-missing'],
    ['not bearer', 'Basic dXNlcjpwYXNz', 'token-malformed'],
    ['garbage token', 'Bearer abc.def.ghi', 'token-invalid'],
  ])('%s → 401 problem with WWW-Authenticate', async (_case, authorization, code) => {
    const res = await hub.app.inject({
      method: 'GET',
      url: '/v1/whoami',
      headers: authorization ? { authorization } : {},
    })
    expect(res.statusCode).toBe(401)
    expect(res.headers['www-authenticate']).toMatch(/^Bearer /)
    expect(res.json()).toMatchObject({ status: 401, code })
  })

  it('an unauthenticated write is refused before the body is even read', async () => {
    const res = await hub.app.inject({
      method: 'POST',
      url: '/v1/test/notes',
      payload: { title: 'x', priority: 1 },
    })
    expect(res.statusCode).toBe(401)
    expect(await notesCount()).toBe(1)
  })

  it('an admin-only operation answers 403 to a clerk', async () => {
    const res = await hub.app.inject({
      method: 'GET',
      url: '/v1/admin/jobs/dead-letters',
      headers: await bearer(['clerk']),
    })
    expect(res.statusCode).toBe(403)
    expect(res.json().code).toBe('role-required')
  })

  it('returns the principal of a valid token', async () => {
    const res = await hub.app.inject({
      method: 'GET',
      url: '/v1/whoami',
      headers: await bearer(['clerk'], 'clerk-7'),
    })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toEqual({
      subject: 'clerk-7',
      department: 'lf-test',
      roles: ['clerk'],
      district: null,
    })
  })
})

describe('limits and failures', () => {
  it('rate-limits per principal: the sixth call in a minute → 429, another principal unaffected', async () => {
    const busy = await bearer(['clerk'])
    const codes: number[] = []
    for (let i = 0; i < 6; i++) {
      codes.push((await hub.app.inject({ method: 'GET', url: '/v1/whoami', headers: busy })).statusCode)
    }
    expect(codes).toEqual([200, 200, 200, 200, 200, 429])
    const limited = await hub.app.inject({ method: 'GET', url: '/v1/whoami', headers: busy })
    expect(limited.json().code).toBe('rate-limited')
    expect(limited.headers['retry-after']).toBeDefined()
    const other = await hub.app.inject({ method: 'GET', url: '/v1/whoami', headers: await bearer(['clerk']) })
    expect(other.statusCode).toBe(200)
  })

  it('unknown route → 404 problem', async () => {
    const res = await hub.app.inject({ method: 'GET', url: '/v1/nothing-here', headers: await bearer() })
    expect(res.statusCode).toBe(404)
    expect(res.json().code).toBe('route-not-found')
  })

  it('a crash → 500 without internals, with a request id that is in the log', async () => {
    const res = await hub.app.inject({ method: 'GET', url: '/v1/test/crash', headers: await bearer() })
    expect(res.statusCode).toBe(500)
    const problem = res.json()
    expect(problem.code).toBe('internal')
    expect(res.body).not.toContain('hunter2')
    expect(problem.requestId).toBe(res.headers['x-request-id'])
    const logged = logLines.find((l) => l.includes('hunter2'))
    expect(logged).toBeDefined()
    expect(JSON.parse(logged!).requestId).toBe(problem.requestId)
  })
})
