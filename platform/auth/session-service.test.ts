import type { FastifyRequest } from 'fastify'
import { describe, expect, it } from 'vitest'
import { AuthenticationError, NotAllowedError } from '../errors/app-error.ts'
import { SessionService } from './session-service.ts'
import type { SessionRow, SessionStore } from './session-store.ts'

/** The store's contract over a Map, with a count of last-seen writes. */
class MemorySessionStore {
  readonly rows = new Map<string, SessionRow>()
  touches = 0
  async insert(row: SessionRow) {
    this.rows.set(row.idHash, { ...row })
  }
  async find(idHash: string) {
    return this.rows.get(idHash) ?? null
  }
  async touch(idHash: string, at: Date) {
    this.touches += 1
    const row = this.rows.get(idHash)
    if (row) row.lastSeenAt = at
  }
  async delete(idHash: string) {
    const row = this.rows.get(idHash) ?? null
    this.rows.delete(idHash)
    return row
  }
  async purgeEndedBefore(before: Date) {
    let n = 0
    for (const [id, row] of this.rows) if (row.expiresAt < before && this.rows.delete(id)) n += 1
    return n
  }
}

const PRINCIPAL = { subject: 's-1', department: 'lf-hrss', roles: ['steward'], district: '141000' }

function setup() {
  let now = Date.parse('2026-12-04T08:00:00Z')
  const store = new MemorySessionStore()
  const sessions = new SessionService({
    store: store as unknown as SessionStore,
    ttlMinutes: 120,
    idleMinutes: 30,
    now: () => new Date(now),
  })
  return { store, sessions, advance: (minutes: number) => (now += minutes * 60_000) }
}

const request = (fields: Partial<FastifyRequest>) => fields as FastifyRequest

describe('console sessions', () => {
  it('keeps a session alive while it is used, and ends it after the idle limit', async () => {
    const { sessions, advance, store } = setup()
    const { cookieValue } = await sessions.create(PRINCIPAL, { method: 'dev' })
    for (let i = 0; i < 4; i++) {
      advance(25)
      await sessions.resolve(cookieValue)
    }
    expect(store.touches).toBe(4)
    advance(31)
    await expect(sessions.resolve(cookieValue)).rejects.toMatchObject({ code: 'session-expired' })
  })

  it('writes last-seen at most once a minute, and ends every session at its absolute lifetime', async () => {
    const { sessions, advance, store } = setup()
    const { cookieValue } = await sessions.create(PRINCIPAL, { method: 'dev' })
    await sessions.resolve(cookieValue)
    await sessions.resolve(cookieValue)
    expect(store.touches).toBe(0)
    for (const minutes of [20, 20, 20, 20, 20, 19]) {
      advance(minutes)
      await sessions.resolve(cookieValue)
    }
    advance(1)
    const error = await sessions.resolve(cookieValue).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(AuthenticationError)
    expect((error as AuthenticationError).code).toBe('session-expired')
  })

  it('checks the CSRF token on state-changing methods only', async () => {
    const { sessions } = setup()
    const { cookieValue, session } = await sessions.create(PRINCIPAL, { method: 'dev' })
    const cookies = { hub_session: cookieValue }
    const get = request({ method: 'GET', cookies, headers: {} })
    expect(await sessions.authenticate(get)).toEqual(PRINCIPAL)
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
      const forged = request({ method, cookies, headers: {} })
      await expect(sessions.authenticate(forged)).rejects.toBeInstanceOf(NotAllowedError)
      const signed = request({ method, cookies, headers: { 'x-csrf-token': session.csrfToken } })
      expect(await sessions.authenticate(signed)).toEqual(PRINCIPAL)
    }
    expect(await sessions.authenticate(request({ method: 'GET', cookies: {}, headers: {} }))).toBeNull()
  })

  it('marks the cookie Secure only for a request that came over TLS', () => {
    const { sessions } = setup()
    const expires = new Date('2026-12-04T16:00:00Z')
    expect(sessions.cookieOptions(request({ protocol: 'https' }), expires)).toEqual({
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: true,
      expires,
    })
    expect(sessions.cookieOptions(request({ protocol: 'http' })).secure).toBe(false)
  })

  it('forgets sessions a day after they ended when the next one starts', async () => {
    const { sessions, advance, store } = setup()
    await sessions.create(PRINCIPAL, { method: 'dev' })
    advance(120 + 24 * 60 + 1)
    await sessions.create(PRINCIPAL, { method: 'oidc', idToken: 'id.token.here' })
    expect([...store.rows.values()].map((r) => r.method)).toEqual(['oidc'])
  })
})
