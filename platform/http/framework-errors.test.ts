import { randomUUID } from 'node:crypto'
import { connect } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { useTestApp } from '../../test/support/test-app.ts'

/**
 * Refusals that happen in Node's HTTP parser or in fastify's router, before any route runs, are
 * problem+json with stable codes too, and never echo what the caller sent. They need a real socket:
 * `inject` skips the parser.
 */

const hub = useTestApp()
let port = 0

beforeAll(async () => {
  await hub.app.listen({ host: '127.0.0.1', port: 0 })
  port = (hub.app.server.address() as { port: number }).port
})

afterAll(async () => {
  // useTestApp closes the app (and with it the server).
})

interface RawResponse {
  status: number
  headers: Record<string, string>
  body: string
}

/** Sends bytes as they are (no client-side validation) and parses the answer. */
function raw(request: string): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1')
    const chunks: Buffer[] = []
    socket.on('data', (c) => chunks.push(c))
    socket.on('error', reject)
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('utf8')
      const [head = '', ...rest] = text.split('\r\n\r\n')
      const [statusLine = '', ...headerLines] = head.split('\r\n')
      const headers: Record<string, string> = {}
      for (const line of headerLines) {
        const i = line.indexOf(':')
        headers[line.slice(0, i).toLowerCase()] = line.slice(i + 1).trim()
      }
      let body = rest.join('\r\n\r\n')
      if (headers['transfer-encoding'] === 'chunked') {
        body = body.replace(/^[0-9a-f]+\r\n/, '').replace(/\r\n0\r\n$/, '')
      }
      resolve({ status: Number(statusLine.split(' ')[1]), headers, body })
    })
    socket.write(request)
  })
}

function get(path: string, extraHeaders = ''): Promise<RawResponse> {
  return raw(`GET ${path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n${extraHeaders}\r\n`)
}

async function postJson(contentType: string, body = '{"title":"x"}'): Promise<RawResponse> {
  const token = await hub.token({ roles: ['admin'], subject: `s-${randomUUID()}` })
  return raw(
    `POST /v1/departments HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nAuthorization: Bearer ${token}\r\nContent-Type: ${contentType}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  )
}

function expectProblem(res: RawResponse, status: number, code: string, notEchoed: string) {
  expect(res.status).toBe(status)
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/)
  const problem = JSON.parse(res.body)
  expect(problem).toMatchObject({ status, code })
  expect(res.body).not.toContain(notEchoed)
}

describe('refusals before routing are problem+json', () => {
  it('bad percent-encoding → 400 bad-url', async () => {
    expectProblem(await get('/v1/departments/%ff%fe-marker'), 400, 'bad-url', 'marker')
  })

  it('a long URL → 414 uri-too-long', async () => {
    expectProblem(await get(`/v1/departments?q=${'z'.repeat(9000)}`), 414, 'uri-too-long', 'zzzzzzzz')
  })

  it('an over-long path parameter → 414 uri-too-long', async () => {
    expectProblem(await get(`/v1/departments/${'y'.repeat(500)}`), 414, 'uri-too-long', 'yyyyyyyy')
  })

  it('huge headers → 431 headers-too-large', async () => {
    expectProblem(await get('/healthz', `X-Big: ${'w'.repeat(20_000)}\r\n`), 431, 'headers-too-large', 'www')
  })

  it('a control character in Content-Type → 4xx problem, no echo', async () => {
    const res = await postJson('application/json\u0001evil')
    expect(res.status).toBeGreaterThanOrEqual(400)
    expect(res.status).toBeLessThan(500)
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/)
    expect(res.body).not.toContain('evil')
  })

  it('a charset other than UTF-8 → 415 unsupported-media-type, no echo', async () => {
    expectProblem(
      await postJson('application/json; charset=latin1-marker'),
      415,
      'unsupported-charset',
      'marker',
    )
  })

  it('an unknown media type → 415 without echo', async () => {
    expectProblem(await postJson('application/x-marker'), 415, 'unsupported-media-type', 'marker')
  })

  it('malformed JSON → 400 malformed-json without echo of the body', async () => {
    expectProblem(await postJson('application/json', '{"secret-marker": '), 400, 'malformed-json', 'marker')
  })
})
