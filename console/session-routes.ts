import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { DEMO_PRINCIPAL_PROFILES, DEMO_PRINCIPALS } from '../platform/auth/demo-principals.ts'
import { apiPrincipal, SESSION_COOKIE, type SessionService } from '../platform/auth/session-service.ts'
import type { SessionPrincipal, SessionRow } from '../platform/auth/session-store.ts'
import { AuthenticationError, NotFoundError } from '../platform/errors/app-error.ts'
import { problemResponses } from '../platform/http/route-schemas.ts'
import { ref } from '../platform/schemas/schema-catalog.ts'
import type { ConsoleDevSignIn } from '../schemas/generated/types.ts'

/** The console's own routes answer without a bearer token; each checks the session itself. */
const PUBLIC = { public: true } as const

export interface SessionRoutesOptions {
  sessions: SessionService
  /** Ends the session at the identity provider too (OIDC mode): the URL to send the browser to. */
  logoutUrl?: (session: SessionRow) => Promise<string | undefined>
}

/**
 * Starts a session for `principal`, sets the cookie and records the sign-in. Shared by the dev
 * sign-in and the OIDC callback.
 */
export async function signIn(
  sessions: SessionService,
  request: FastifyRequest,
  reply: FastifyReply,
  principal: SessionPrincipal,
  how: { method: 'dev' | 'oidc'; idToken?: string | null },
): Promise<SessionRow> {
  // A new sign-in never continues an old session (no fixation): the browser's previous one ends here.
  const previous = request.cookies[SESSION_COOKIE]
  if (previous) await sessions.end(previous)
  const { cookieValue, session } = await sessions.create(principal, how)
  request.principal = apiPrincipal(principal)
  await request.ctx.audit.record({
    action: 'console.sign-in',
    resourceType: 'session',
    outcome: 'allowed',
    reason: how.method,
  })
  reply.setCookie(SESSION_COOKIE, cookieValue, sessions.cookieOptions(request, session.expiresAt))
  return session
}

/**
 * The backend-for-frontend's session API: how to sign in, the dev sign-in with demo principals,
 * the current session, sign-out.
 */
export async function sessionRoutes(
  app: FastifyInstance,
  { sessions, logoutUrl }: SessionRoutesOptions,
): Promise<void> {
  const signInMode = app.config.console.signIn

  app.get(
    '/auth/config',
    {
      config: PUBLIC,
      schema: {
        operationId: 'getConsoleAuthConfig',
        tags: ['system'],
        summary: 'How people sign in to the web console',
        description:
          'Answers 404 `console-sign-in-off` when neither OIDC (OIDC_ISSUER_URL) nor the dev sign-in (AUTH_DEV_SIGN_IN) is configured.',
        security: [],
        response: { 200: ref('console-auth-config.json'), ...problemResponses(404) },
      },
    },
    async () => {
      if (signInMode === 'off') {
        throw new NotFoundError(
          'console-sign-in-off',
          'Console sign-in is not configured on this hub: set OIDC_ISSUER_URL (and OIDC_CLIENT_ID) for the identity provider',
        )
      }
      return { mode: signInMode }
    },
  )

  const devOnly = () => {
    if (signInMode !== 'dev')
      throw new NotFoundError('dev-sign-in-off', 'The dev sign-in is available only in dev mode')
  }

  app.get(
    '/auth/dev/principals',
    {
      config: PUBLIC,
      schema: {
        operationId: 'listConsoleDevPrincipals',
        tags: ['system'],
        summary: 'Demo principals for the dev sign-in (dev mode only)',
        security: [],
        response: { 200: ref('console-dev-principal-list.json'), ...problemResponses(404) },
      },
    },
    async () => {
      devOnly()
      return {
        items: Object.entries(DEMO_PRINCIPAL_PROFILES).map(([name, profile]) => ({
          name,
          ...DEMO_PRINCIPALS[name]!,
          ...profile,
        })),
      }
    },
  )

  app.post<{ Body: ConsoleDevSignIn }>(
    '/auth/dev/sign-in',
    {
      config: PUBLIC,
      schema: {
        operationId: 'signInConsoleDev',
        tags: ['system'],
        summary: 'Sign in to the console as a demo principal (dev mode only)',
        description: 'Sets the httpOnly session cookie `hub_session` and answers the session.',
        security: [],
        body: ref('console-dev-sign-in.json'),
        response: { 200: ref('console-session.json'), ...problemResponses(400, 404) },
      },
    },
    async (request, reply) => {
      devOnly()
      const { name } = request.body
      const principal = DEMO_PRINCIPALS[name]
      const profile = DEMO_PRINCIPAL_PROFILES[name]
      if (!principal || !profile) {
        throw new NotFoundError(
          'demo-principal-not-found',
          `No demo principal "${name}"; choose one of ${Object.keys(DEMO_PRINCIPAL_PROFILES).join(', ')}`,
        )
      }
      const session = await signIn(
        sessions,
        request,
        reply,
        { ...principal, displayName: profile.displayName },
        { method: 'dev' },
      )
      return sessions.view(session)
    },
  )

  app.get(
    '/auth/session',
    {
      config: PUBLIC,
      schema: {
        operationId: 'getConsoleSession',
        tags: ['system'],
        summary: 'The signed-in console session, with its CSRF token',
        description:
          '401 `session-missing` without the cookie, `session-expired` once the session ended (absolute or idle limit).',
        security: [],
        response: { 200: ref('console-session.json'), ...problemResponses(401) },
      },
    },
    async (request) => {
      const cookieValue = request.cookies[SESSION_COOKIE]
      if (!cookieValue) throw new AuthenticationError('session-missing', 'Not signed in to the console')
      return sessions.view(await sessions.resolve(cookieValue))
    },
  )

  app.post(
    '/auth/sign-out',
    {
      config: PUBLIC,
      schema: {
        operationId: 'signOutConsole',
        tags: ['system'],
        summary: 'End the console session',
        description:
          'Needs `x-csrf-token` while the session is live (403 `csrf-token-invalid`). Clears the cookie; in OIDC mode answers the identity provider’s end-session URL.',
        security: [],
        response: { 200: ref('console-sign-out.json'), ...problemResponses(403) },
      },
    },
    async (request, reply) => {
      const cookieValue = request.cookies[SESSION_COOKIE]
      let ended: SessionRow | null = null
      if (cookieValue) {
        const live = await sessions.resolve(cookieValue).catch((error: unknown) => {
          if (error instanceof AuthenticationError) return null
          throw error
        })
        if (live) sessions.checkCsrf(request, live)
        ended = await sessions.end(cookieValue)
      }
      reply.clearCookie(SESSION_COOKIE, sessions.cookieOptions(request))
      if (!ended) return {}
      request.principal = apiPrincipal(ended.principal)
      await request.ctx.audit.record({
        action: 'console.sign-out',
        resourceType: 'session',
        outcome: 'allowed',
        reason: ended.method,
      })
      const url = await logoutUrl?.(ended)
      return url ? { logoutUrl: url } : {}
    },
  )
}
