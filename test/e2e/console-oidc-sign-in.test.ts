import { createServer } from 'node:net'
import { beforeAll, describe, expect, it } from 'vitest'
import { KEYCLOAK_CLIENT, useKeycloak } from '../support/keycloak.ts'
import { useTestApp } from '../support/test-app.ts'

// The console's OpenID Connect sign-in against a real Keycloak, over real HTTP, as a browser does it:
// hub → Keycloak's login form → credentials → hub callback → session cookie → the API.
const keycloak = useKeycloak()
const env: Record<string, string> = {}
let hubUrl = ''

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })
}

beforeAll(async () => {
  const port = await freePort()
  hubUrl = `http://127.0.0.1:${port}`
  Object.assign(env, {
    OIDC_ISSUER_URL: keycloak.issuer,
    OIDC_CLIENT_ID: KEYCLOAK_CLIENT.id,
    OIDC_CLIENT_SECRET: KEYCLOAK_CLIENT.secret,
    OIDC_REDIRECT_URL: `${hubUrl}/auth/callback`,
    PORT: String(port),
  })
})
const hub = useTestApp({ env })
beforeAll(async () => {
  await hub.app.listen({ host: '127.0.0.1', port: Number(env.PORT) })
})

/** Cookies per origin, as a browser keeps them (enough for one sign-in: no paths or expiry). */
class CookieJar {
  private readonly byOrigin = new Map<string, Map<string, string>>()

  header(url: string): string {
    const jar = this.byOrigin.get(new URL(url).origin)
    return jar ? [...jar].map(([k, v]) => `${k}=${v}`).join('; ') : ''
  }

  take(url: string, res: Response): void {
    const origin = new URL(url).origin
    const jar = this.byOrigin.get(origin) ?? new Map<string, string>()
    for (const line of res.headers.getSetCookie()) {
      const [pair = ''] = line.split(';')
      const at = pair.indexOf('=')
      const [name, value] = [pair.slice(0, at).trim(), pair.slice(at + 1).trim()]
      if (value === '' || /max-age=0|expires=thu, 01 jan 1970/i.test(line)) jar.delete(name)
      else jar.set(name, value)
    }
    this.byOrigin.set(origin, jar)
  }

  get(url: string, name: string): string | undefined {
    return this.byOrigin.get(new URL(url).origin)?.get(name)
  }
}

async function browse(jar: CookieJar, url: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers)
  const cookie = jar.header(url)
  if (cookie) headers.set('cookie', cookie)
  const res = await fetch(url, { ...init, headers, redirect: 'manual' })
  jar.take(url, res)
  return res
}

/** Signs in through Keycloak's own login form; answers the browser's cookie jar and where it landed. */
async function signInThroughKeycloak(username: string, password: string, returnTo = '/console/catalog') {
  const jar = new CookieJar()
  const start = await browse(jar, `${hubUrl}/auth/sign-in?returnTo=${encodeURIComponent(returnTo)}`)
  expect(start.status).toBe(302)
  const authorize = new URL(start.headers.get('location')!)
  expect(authorize.href.startsWith(`${keycloak.issuer}/protocol/openid-connect/auth`)).toBe(true)
  expect(authorize.searchParams.get('code_challenge_method')).toBe('S256')
  expect(authorize.searchParams.get('state')).toBeTruthy()
  expect(authorize.searchParams.get('nonce')).toBeTruthy()

  const form = await browse(jar, authorize.href)
  expect(form.status).toBe(200)
  const html = await form.text()
  const action = /<form[^>]*id="kc-form-login"[^>]*action="([^"]+)"/.exec(html)?.[1]
  expect(action, 'Keycloak login form').toBeTruthy()
  const login = await browse(jar, action!.replaceAll('&amp;', '&'), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ username, password, credentialId: '' }).toString(),
  })
  return { jar, login }
}

describe('console sign-in through Keycloak (OIDC, authorization code + PKCE)', () => {
  it('tells the console to use the identity provider, and has no dev sign-in', async () => {
    expect(await (await fetch(`${hubUrl}/auth/config`)).json()).toEqual({ mode: 'oidc' })
    const dev = await fetch(`${hubUrl}/auth/dev/principals`)
    expect(dev.status).toBe(404)
  })

  it('signs a steward in: claims become the principal, the cookie works on /v1, sign-out logs out at Keycloak', async () => {
    const { jar, login } = await signInThroughKeycloak('steward-hrss', 'demo')
    expect(login.status).toBe(302)
    const callback = login.headers.get('location')!
    expect(callback.startsWith(`${hubUrl}/auth/callback?`)).toBe(true)

    const back = await browse(jar, callback)
    expect(back.status).toBe(302)
    expect(back.headers.get('location')).toBe('/console/catalog')
    expect(jar.get(hubUrl, 'hub_session')).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(back.headers.getSetCookie().find((c) => c.startsWith('hub_session='))).toMatch(/HttpOnly/i)

    const whoami = await browse(jar, `${hubUrl}/v1/whoami`)
    expect(whoami.status).toBe(200)
    expect(await whoami.json()).toEqual({
      subject: '4f0c7f3e-0001-4d6a-9c1a-000000000001',
      department: 'lf-hrss',
      roles: ['steward'],
      district: '141000',
    })
    const session = (await (await browse(jar, `${hubUrl}/auth/session`)).json()) as {
      principal: { displayName: string }
      csrfToken: string
    }
    expect(session.principal.displayName).toBe('人社局数据管理员')

    const out = await browse(jar, `${hubUrl}/auth/sign-out`, {
      method: 'POST',
      headers: { 'x-csrf-token': session.csrfToken },
    })
    expect(out.status).toBe(200)
    const { logoutUrl } = (await out.json()) as { logoutUrl: string }
    const logout = new URL(logoutUrl)
    expect(`${logout.origin}${logout.pathname}`).toBe(`${keycloak.issuer}/protocol/openid-connect/logout`)
    expect(logout.searchParams.get('id_token_hint')).toBeTruthy()
    expect(logout.searchParams.get('post_logout_redirect_uri')).toBe(`${hubUrl}/console/`)
    expect((await browse(jar, `${hubUrl}/v1/whoami`)).status).toBe(401)

    // Keycloak ends its own session and sends the browser back to the console.
    const idpLogout = await browse(jar, logoutUrl)
    expect(idpLogout.status).toBe(302)
    expect(idpLogout.headers.get('location')).toBe(`${hubUrl}/console/`)
  })

  it('signs a citizen in without department or district', async () => {
    const { jar, login } = await signInThroughKeycloak('citizen-demo', 'demo', '/console/')
    const back = await browse(jar, login.headers.get('location')!)
    expect(back.headers.get('location')).toBe('/console/')
    expect(await (await browse(jar, `${hubUrl}/v1/whoami`)).json()).toEqual({
      subject: '4f0c7f3e-0007-4d6a-9c1a-000000000007',
      department: null,
      roles: ['citizen'],
      district: null,
      // Her verified resident ID (the realm's `idNumber` claim) is kept server-side; she sees it masked.
      idNumber: '141002********8245',
    })
  })

  it('refuses a wrong password at Keycloak, a foreign returnTo and a callback nobody started', async () => {
    const { login } = await signInThroughKeycloak('steward-hrss', 'wrong')
    expect(login.status).toBe(200) // Keycloak shows its form again with an error
    expect(await login.text()).toMatch(/kc-form-login/)

    for (const returnTo of ['https://evil.example/', '//evil.example/x', '/\\evil.example']) {
      const res = await fetch(`${hubUrl}/auth/sign-in?returnTo=${encodeURIComponent(returnTo)}`, {
        redirect: 'manual',
      })
      expect(res.status, returnTo).toBe(400)
      expect(((await res.json()) as { code: string }).code).toBe('return-to-invalid')
    }

    const forged = await fetch(`${hubUrl}/auth/callback?code=abc&state=xyz`, { redirect: 'manual' })
    expect(forged.status).toBe(400)
    expect(((await forged.json()) as { code: string }).code).toBe('oidc-sign-in-not-pending')

    // A state that is not the pending one (a login CSRF attempt) is refused.
    const jar = new CookieJar()
    await browse(jar, `${hubUrl}/auth/sign-in`)
    const mismatched = await browse(jar, `${hubUrl}/auth/callback?code=abc&state=not-the-pending-one`)
    expect(mismatched.status).toBe(400)
    expect(((await mismatched.json()) as { code: string }).code).toBe('oidc-callback-invalid')
  })

  it('refuses a person the identity provider gives none of the hub’s roles', async () => {
    const { jar, login } = await signInThroughKeycloak('visitor-norole', 'demo')
    const back = await browse(jar, login.headers.get('location')!)
    expect(back.status).toBe(403)
    expect(((await back.json()) as { code: string }).code).toBe('no-hub-role')
    expect(jar.get(hubUrl, 'hub_session')).toBeUndefined()
  })

  it('records the sign-ins, the refusal and the sign-out in the audit trail', async () => {
    const rows = await hub.database
      .db('audit_records')
      .where('action', 'like', 'console.%')
      .orderBy('id')
      .select('action', 'principal', 'outcome', 'reason')
    expect(rows).toEqual([
      {
        action: 'console.sign-in',
        principal: '4f0c7f3e-0001-4d6a-9c1a-000000000001',
        outcome: 'allowed',
        reason: 'oidc',
      },
      {
        action: 'console.sign-out',
        principal: '4f0c7f3e-0001-4d6a-9c1a-000000000001',
        outcome: 'allowed',
        reason: 'oidc',
      },
      {
        action: 'console.sign-in',
        principal: '4f0c7f3e-0007-4d6a-9c1a-000000000007',
        outcome: 'allowed',
        reason: 'oidc',
      },
      {
        action: 'console.sign-in',
        principal: '4f0c7f3e-0008-4d6a-9c1a-000000000008',
        outcome: 'denied',
        reason: 'no-hub-role',
      },
    ])
    if (keycloak.startSeconds > 0) console.log(`Keycloak started in ${keycloak.startSeconds} s`)
  })
})
