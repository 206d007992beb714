import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'
import type { CookieSerializeOptions } from '@fastify/cookie'
import type { FastifyRequest } from 'fastify'
import type { Principal } from '../../schemas/generated/types.ts'
import { AuthenticationError, NotAllowedError } from '../errors/app-error.ts'
import type { SessionPrincipal, SessionRow, SessionStore } from './session-store.ts'

export const SESSION_COOKIE = 'hub_session'
export const CSRF_HEADER = 'x-csrf-token'

/** Methods that change state: with a session cookie they need the session's CSRF token in a header. */
const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])
/** Writing last-seen on every request would double the writes of a busy console; a minute is precise enough for idle expiry. */
const TOUCH_EVERY_MS = 60_000
/** Ended sessions are kept this long, so a stale cookie answers "expired" rather than "unknown". */
const KEEP_ENDED_MS = 24 * 3_600_000

/** The session as `GET /auth/session` shows it. */
export interface SessionView {
  principal: SessionPrincipal
  csrfToken: string
  expiresAt: string
}

export interface SessionServiceOptions {
  store: SessionStore
  ttlMinutes: number
  idleMinutes: number
  now?: () => Date
}

const hashId = (id: string) => createHash('sha256').update(id).digest('hex')

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}

/**
 * Cookie sessions of the web console. The cookie carries only a random id; the principal, the CSRF
 * token and the expiry live in PostgreSQL, so any hub instance can serve any request and sign-out
 * ends the session everywhere at once.
 */
export class SessionService {
  private readonly store: SessionStore
  private readonly ttlMs: number
  private readonly idleMs: number
  private readonly now: () => Date

  constructor(options: SessionServiceOptions) {
    this.store = options.store
    this.ttlMs = options.ttlMinutes * 60_000
    this.idleMs = options.idleMinutes * 60_000
    this.now = options.now ?? (() => new Date())
  }

  /** Starts a session; answers the cookie value (shown to no one else) and the stored session. */
  async create(
    principal: SessionPrincipal,
    how: { method: 'dev' | 'oidc'; idToken?: string | null },
  ): Promise<{ cookieValue: string; session: SessionRow }> {
    const now = this.now()
    const cookieValue = randomBytes(32).toString('base64url')
    const session: SessionRow = {
      idHash: hashId(cookieValue),
      principal,
      csrfToken: randomBytes(32).toString('base64url'),
      method: how.method,
      idToken: how.idToken ?? null,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + this.ttlMs),
    }
    await this.store.purgeEndedBefore(new Date(now.getTime() - KEEP_ENDED_MS))
    await this.store.insert(session)
    return { cookieValue, session }
  }

  /** The live session behind a cookie value, or 401 `session-expired` / `session-invalid`. */
  async resolve(cookieValue: string): Promise<SessionRow> {
    const session = await this.store.find(hashId(cookieValue))
    if (!session) throw new AuthenticationError('session-invalid', 'The session is unknown or has ended')
    const now = this.now().getTime()
    if (now >= session.expiresAt.getTime() || now >= session.lastSeenAt.getTime() + this.idleMs) {
      throw new AuthenticationError('session-expired', 'The session has expired; sign in again')
    }
    if (now - session.lastSeenAt.getTime() >= TOUCH_EVERY_MS) {
      await this.store.touch(session.idHash, new Date(now))
    }
    return session
  }

  /**
   * The principal of a request carrying a session cookie (null without one). State-changing methods
   * must echo the session's CSRF token in `x-csrf-token`: a cross-site form can send the cookie but
   * cannot read the token.
   */
  async authenticate(request: FastifyRequest): Promise<Principal | null> {
    const cookieValue = request.cookies[SESSION_COOKIE]
    if (!cookieValue) return null
    const session = await this.resolve(cookieValue)
    if (UNSAFE_METHODS.has(request.method)) this.checkCsrf(request, session)
    return apiPrincipal(session.principal)
  }

  checkCsrf(request: FastifyRequest, session: SessionRow): void {
    const sent = request.headers[CSRF_HEADER]
    if (typeof sent !== 'string' || !sameSecret(sent, session.csrfToken)) {
      throw new NotAllowedError(
        'csrf-token-invalid',
        `A ${request.method} with the session cookie needs the session's CSRF token in the ${CSRF_HEADER} header`,
      )
    }
  }

  /** Ends the session behind a cookie value; answers what it was (null if there was none). */
  async end(cookieValue: string): Promise<SessionRow | null> {
    return this.store.delete(hashId(cookieValue))
  }

  view(session: SessionRow): SessionView {
    // The citizen's resident ID stays on the server: the console never needs it.
    const { idNumber: _kept, ...principal } = session.principal
    return {
      principal,
      csrfToken: session.csrfToken,
      expiresAt: session.expiresAt.toISOString(),
    }
  }

  /** httpOnly, SameSite=Lax, Secure when the request came over TLS; lives no longer than the session. */
  cookieOptions(request: FastifyRequest, expiresAt?: Date): CookieSerializeOptions {
    return {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: request.protocol === 'https',
      ...(expiresAt ? { expires: expiresAt } : {}),
    }
  }
}

/** The principal the API sees: the console's extras (display name) stay in the session. */
export function apiPrincipal(principal: SessionPrincipal): Principal {
  return {
    subject: principal.subject,
    department: principal.department,
    roles: principal.roles as Principal['roles'],
    district: principal.district,
    ...(principal.idNumber ? { idNumber: principal.idNumber } : {}),
  }
}
