import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib'
import type { LightMyRequestResponse } from 'fastify'
import { afterAll, describe, expect, it } from 'vitest'
import { DEMO_CITIZEN_ID_NUMBER } from '../platform/auth/demo-principals.ts'
import { useTestApp } from '../test/support/test-app.ts'

const dist = path.join(os.tmpdir(), `hub-console-dist-${process.pid}-${Date.now()}`)
const hub = useTestApp({
  env: { AUTH_DEV_SIGN_IN: 'true', CONSOLE_DIST_DIR: dist },
  extend: (app) => {
    // A state-changing /v1 operation any signed-in caller may call, to see the CSRF rule at work.
    app.post('/v1/test-echo', async (request) => ({ subject: request.principal.subject }))
  },
})
afterAll(() => rmSync(dist, { recursive: true, force: true }))

function sessionCookie(res: LightMyRequestResponse): string {
  const cookie = res.cookies.find((c) => c.name === 'hub_session')
  if (!cookie) throw new Error('no hub_session cookie set')
  return cookie.value
}

async function signIn(name: string) {
  const res = await hub.app.inject({ method: 'POST', url: '/auth/dev/sign-in', payload: { name } })
  expect(res.statusCode).toBe(200)
  return { cookie: sessionCookie(res), session: res.json(), res }
}

describe('console sign-in (dev mode) and cookie sessions', () => {
  it('tells the console how to sign in and lists the demo people in Chinese', async () => {
    expect((await hub.app.inject({ url: '/auth/config' })).json()).toEqual({ mode: 'dev' })
    const res = await hub.app.inject({ url: '/auth/dev/principals' })
    expect(res.statusCode).toBe(200)
    const items = res.json().items as { name: string; displayName: string; departmentName: string }[]
    expect(items.find((p) => p.name === 'steward')).toEqual({
      name: 'steward',
      subject: 'demo-steward-hrss',
      department: 'lf-hrss',
      departmentName: '临汾市人力资源和社会保障局',
      roles: ['steward'],
      district: '141000',
      displayName: '人社局数据管理员',
    })
    // A department system signs in with tokens, never to the console.
    expect(items.map((p) => p.name)).not.toContain('service')
  })

  it('signs in with one click: an httpOnly SameSite=Lax cookie the /v1 API accepts', async () => {
    const { res, cookie, session } = await signIn('steward')
    const set = res.cookies.find((c) => c.name === 'hub_session')!
    expect(set).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' })
    expect(set.secure).toBeUndefined()
    expect(cookie).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(session.principal).toEqual({
      subject: 'demo-steward-hrss',
      department: 'lf-hrss',
      roles: ['steward'],
      district: '141000',
      displayName: '人社局数据管理员',
    })
    expect(Date.parse(session.expiresAt) - Date.now()).toBeGreaterThan(479 * 60_000)

    const whoami = await hub.app.inject({ url: '/v1/whoami', cookies: { hub_session: cookie } })
    expect(whoami.statusCode).toBe(200)
    expect(whoami.json()).toEqual({
      subject: 'demo-steward-hrss',
      department: 'lf-hrss',
      roles: ['steward'],
      district: '141000',
    })
    const current = await hub.app.inject({ url: '/auth/session', cookies: { hub_session: cookie } })
    expect(current.json()).toEqual(session)

    // Only a hash of the cookie's id is stored.
    const rows = await hub.database.db('console_sessions').select('id_hash', 'subject')
    expect(rows.some((r) => r.id_hash === cookie)).toBe(false)
    expect(rows.map((r) => r.subject)).toContain('demo-steward-hrss')
  })

  it("keeps a citizen's verified resident ID on the server, where her page's API finds her accesses by it", async () => {
    await hub.app.audit.writer.record({
      principal: 'clerk-x',
      department: 'lf-approval',
      roles: ['clerk'],
      action: 'certificates.fetch',
      resourceType: 'certificate',
      subjectId: DEMO_CITIZEN_ID_NUMBER,
      caseNumber: 'LF-ZH-2026-000101',
      purpose: 'case-handling',
      outcome: 'allowed',
    })
    const { cookie, session, res } = await signIn('citizen')
    expect(session.principal).toEqual({
      subject: 'citizen-demo',
      department: null,
      roles: ['citizen'],
      district: null,
      displayName: '演示市民',
    })
    expect(res.body).not.toContain(DEMO_CITIZEN_ID_NUMBER)
    const mine = await hub.app.inject({ url: '/v1/audit/my-accesses', cookies: { hub_session: cookie } })
    expect(mine.statusCode).toBe(200)
    expect(mine.json().items).toEqual([
      expect.objectContaining({
        department: 'lf-approval',
        caseNumber: 'LF-ZH-2026-000101',
        purpose: 'case-handling',
      }),
    ])
  })

  it('needs the CSRF token on state-changing calls made with the cookie', async () => {
    const { cookie, session } = await signIn('consumer')
    const without = await hub.app.inject({
      method: 'POST',
      url: '/v1/test-echo',
      cookies: { hub_session: cookie },
      payload: {},
    })
    expect(without.statusCode).toBe(403)
    expect(without.headers['content-type']).toMatch(/application\/problem\+json/)
    expect(without.json().code).toBe('csrf-token-invalid')
    const wrong = await hub.app.inject({
      method: 'POST',
      url: '/v1/test-echo',
      cookies: { hub_session: cookie },
      headers: { 'x-csrf-token': `${session.csrfToken.slice(0, -1)}x` },
      payload: {},
    })
    expect(wrong.json().code).toBe('csrf-token-invalid')
    const right = await hub.app.inject({
      method: 'POST',
      url: '/v1/test-echo',
      cookies: { hub_session: cookie },
      headers: { 'x-csrf-token': session.csrfToken },
      payload: {},
    })
    expect(right.statusCode).toBe(200)
    expect(right.json()).toEqual({ subject: 'demo-consumer-housing-fund' })
  })

  it('keeps bearer tokens working unchanged, and a bearer call needs no CSRF token', async () => {
    const token = await hub.token({ subject: 'svc-x', roles: ['service'] })
    const res = await hub.app.inject({
      method: 'POST',
      url: '/v1/test-echo',
      headers: { authorization: `Bearer ${token}` },
      payload: {},
    })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toEqual({ subject: 'svc-x' })
    const none = await hub.app.inject({ url: '/v1/whoami' })
    expect(none.statusCode).toBe(401)
    expect(none.json().code).toBe('token-missing')
  })

  it('ends a session unused for SESSION_IDLE_MINUTES, and one past its absolute lifetime', async () => {
    const idle = await signIn('reviewer')
    await hub.database
      .db('console_sessions')
      .where({ subject: 'demo-reviewer-bigdata' })
      .update({ last_seen_at: new Date(Date.now() - 31 * 60_000) })
    const res = await hub.app.inject({ url: '/v1/whoami', cookies: { hub_session: idle.cookie } })
    expect(res.statusCode).toBe(401)
    expect(res.json().code).toBe('session-expired')
    const session = await hub.app.inject({ url: '/auth/session', cookies: { hub_session: idle.cookie } })
    expect(session.json().code).toBe('session-expired')

    const old = await signIn('auditor')
    await hub.database
      .db('console_sessions')
      .where({ subject: 'demo-auditor' })
      .update({ expires_at: new Date(Date.now() - 1000) })
    const expired = await hub.app.inject({ url: '/v1/whoami', cookies: { hub_session: old.cookie } })
    expect(expired.json().code).toBe('session-expired')

    const unknown = await hub.app.inject({ url: '/v1/whoami', cookies: { hub_session: 'x'.repeat(43) } })
    expect(unknown.statusCode).toBe(401)
    expect(unknown.json().code).toBe('session-invalid')
    expect((await hub.app.inject({ url: '/auth/session' })).json().code).toBe('session-missing')
  })

  it('signs out (with the CSRF token), clears the cookie and audits sign-in and sign-out', async () => {
    const { cookie, session } = await signIn('admin')
    const forged = await hub.app.inject({
      method: 'POST',
      url: '/auth/sign-out',
      cookies: { hub_session: cookie },
    })
    expect(forged.statusCode).toBe(403)
    expect(forged.json().code).toBe('csrf-token-invalid')

    const out = await hub.app.inject({
      method: 'POST',
      url: '/auth/sign-out',
      cookies: { hub_session: cookie },
      headers: { 'x-csrf-token': session.csrfToken },
    })
    expect(out.statusCode).toBe(200)
    expect(out.json()).toEqual({})
    const cleared = out.cookies.find((c) => c.name === 'hub_session')!
    expect(cleared.value).toBe('')
    expect(cleared.expires!.getTime()).toBeLessThan(Date.now())
    const after = await hub.app.inject({ url: '/v1/whoami', cookies: { hub_session: cookie } })
    expect(after.json().code).toBe('session-invalid')

    const trail = await hub.database
      .db('audit_records')
      .where({ principal: 'demo-admin' })
      .orderBy('id')
      .select('action', 'outcome', 'reason')
    expect(trail).toEqual([
      { action: 'console.sign-in', outcome: 'allowed', reason: 'dev' },
      { action: 'console.sign-out', outcome: 'allowed', reason: 'dev' },
    ])
  })

  it('ends the browser’s previous session when it signs in again', async () => {
    const first = await signIn('clerk')
    const again = await hub.app.inject({
      method: 'POST',
      url: '/auth/dev/sign-in',
      cookies: { hub_session: first.cookie },
      payload: { name: 'citizen' },
    })
    expect(sessionCookie(again)).not.toBe(first.cookie)
    const old = await hub.app.inject({ url: '/v1/whoami', cookies: { hub_session: first.cookie } })
    expect(old.json().code).toBe('session-invalid')
  })

  it('has no identity-provider sign-in in dev mode', async () => {
    for (const url of ['/auth/sign-in?returnTo=/console/', '/auth/callback?code=a&state=b']) {
      const res = await hub.app.inject({ url })
      expect(res.statusCode, url).toBe(404)
      expect(res.json().code, url).toBe('oidc-sign-in-off')
    }
  })

  it('refuses an unknown demo principal and a malformed body', async () => {
    const unknown = await hub.app.inject({
      method: 'POST',
      url: '/auth/dev/sign-in',
      payload: { name: 'mayor' },
    })
    expect(unknown.statusCode).toBe(404)
    expect(unknown.json().code).toBe('demo-principal-not-found')
    const bad = await hub.app.inject({ method: 'POST', url: '/auth/dev/sign-in', payload: { who: 'x' } })
    expect(bad.statusCode).toBe(400)
  })

  it('documents the console routes in the OpenAPI document under the system tag', async () => {
    const doc = (await hub.app.inject({ url: '/openapi.json' })).json()
    for (const [route, method] of [
      ['/auth/config', 'get'],
      ['/auth/dev/principals', 'get'],
      ['/auth/dev/sign-in', 'post'],
      ['/auth/session', 'get'],
      ['/auth/sign-out', 'post'],
      ['/auth/sign-in', 'get'],
      ['/auth/callback', 'get'],
    ] as const) {
      expect(doc.paths[route]?.[method]?.tags, `${method} ${route}`).toEqual(['system'])
    }
    expect(doc.paths['/console/*']).toBeUndefined()
  })
})

describe('serving the console under /console/', () => {
  it('says to build the console while web/dist is missing', async () => {
    const res = await hub.app.inject({ url: '/console/' })
    expect(res.statusCode).toBe(503)
    expect(res.json().code).toBe('console-not-built')
    expect(res.json().detail).toContain('npm run build:web')
  })

  it('redirects / there, serves files, and answers index.html for console pages', async () => {
    mkdirSync(path.join(dist, 'assets'), { recursive: true })
    writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>数据共享工作台</title>')
    writeFileSync(path.join(dist, 'assets', 'index-abc123.js'), 'console.log(1)')

    const root = await hub.app.inject({ url: '/' })
    expect(root.statusCode).toBe(302)
    expect(root.headers.location).toBe('/console/')
    expect((await hub.app.inject({ url: '/console' })).headers.location).toBe('/console/')

    for (const page of ['/console/', '/console/catalog/203001', '/console/requests?status=pending']) {
      const res = await hub.app.inject({ url: page })
      expect(res.statusCode, page).toBe(200)
      expect(res.headers['content-type'], page).toMatch(/text\/html/)
      expect(res.headers['cache-control'], page).toBe('no-cache')
      expect(res.body).toContain('数据共享工作台')
    }
    const asset = await hub.app.inject({ url: '/console/assets/index-abc123.js' })
    expect(asset.statusCode).toBe(200)
    expect(asset.headers['content-type']).toMatch(/javascript/)
    expect(asset.headers['cache-control']).toContain('immutable')

    writeFileSync(path.join(dist, '.source-hash'), 'abc')
    expect((await hub.app.inject({ url: '/console/.source-hash' })).body).not.toContain('abc')

    const stale = await hub.app.inject({ url: '/console/assets/index-old.js' })
    expect(stale.statusCode).toBe(404)
    const outside = await hub.app.inject({ url: '/console/..%2f..%2fpackage.json' })
    expect(outside.statusCode).toBe(404)
  })

  it('serves the build’s brotli or gzip copy to a browser that accepts it, with Vary', async () => {
    const code = `export const names = ${JSON.stringify(Array.from({ length: 400 }, (_, i) => `部门${i}`))}\n`
    const file = path.join(dist, 'assets', 'chunk-def456.js')
    writeFileSync(file, code)
    writeFileSync(`${file}.br`, brotliCompressSync(code))
    writeFileSync(`${file}.gz`, gzipSync(code))
    const html = `<!doctype html><title>数据共享工作台</title>${' '.repeat(2000)}`
    writeFileSync(path.join(dist, 'index.html'), html)
    writeFileSync(path.join(dist, 'index.html.br'), brotliCompressSync(html))

    const url = '/console/assets/chunk-def456.js'
    const br = await hub.app.inject({ url, headers: { 'accept-encoding': 'gzip, deflate, br' } })
    expect(br.headers['content-encoding']).toBe('br')
    expect(br.headers['content-type']).toMatch(/javascript/)
    expect(br.headers.vary).toMatch(/accept-encoding/i)
    expect(br.headers['cache-control']).toContain('immutable')
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(code)
    expect(br.rawPayload.length).toBeLessThan(Buffer.byteLength(code) / 3)
    const gz = await hub.app.inject({ url, headers: { 'accept-encoding': 'gzip' } })
    expect(gz.headers['content-encoding']).toBe('gzip')
    expect(gunzipSync(gz.rawPayload).toString()).toBe(code)
    const plain = await hub.app.inject({ url, headers: { 'accept-encoding': 'identity' } })
    expect(plain.headers['content-encoding']).toBeUndefined()
    expect(plain.body).toBe(code)

    // A console page is index.html, compressed too, and never cached without asking.
    const page = await hub.app.inject({ url: '/console/dashboard', headers: { 'accept-encoding': 'br' } })
    expect(page.headers['content-encoding']).toBe('br')
    expect(page.headers['content-type']).toMatch(/text\/html/)
    expect(page.headers['cache-control']).toBe('no-cache')
    expect(brotliDecompressSync(page.rawPayload).toString()).toBe(html)
    // Without a gzip copy, a gzip-only browser gets the file itself.
    const fallback = await hub.app.inject({ url: '/console/', headers: { 'accept-encoding': 'gzip' } })
    expect(fallback.headers['content-encoding']).toBeUndefined()
    expect(fallback.body).toBe(html)
  })
})
