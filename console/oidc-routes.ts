import type { FastifyInstance } from 'fastify'
import type { SessionService } from '../platform/auth/session-service.ts'
import { InputError, NotAllowedError, NotFoundError } from '../platform/errors/app-error.ts'
import { problemResponses } from '../platform/http/route-schemas.ts'
import type { OidcRelyingParty, PendingSignIn } from './oidc-relying-party.ts'
import { signIn } from './session-routes.ts'

/** The pending sign-in rides in a short-lived cookie, so any hub instance can take the IdP's redirect. */
const FLOW_COOKIE = 'hub_oidc'
const FLOW_MAX_AGE_SECONDS = 600
const DEFAULT_RETURN = '/console/'
const PUBLIC = { public: true } as const

/** Only a path on this hub: never a scheme, a host, `//host` or `/\host` (an open redirect). */
export function safeReturnTo(value: string | undefined): string {
  if (value === undefined || value === '') return DEFAULT_RETURN
  const base = 'http://hub.invalid'
  const ok =
    value.length <= 2000 &&
    value.startsWith('/') &&
    !/^\/[/\\]/.test(value) &&
    // Whitespace and backslashes: browsers strip or rewrite them into another origin.
    !/[\s\\]/.test(value) &&
    new URL(value, base).origin === base
  if (!ok) throw new InputError('return-to-invalid', 'returnTo must be a path on this hub, e.g. /console/')
  return value
}

function readFlow(raw: string | undefined): PendingSignIn | null {
  if (!raw) return null
  try {
    const flow = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as Partial<PendingSignIn>
    if ([flow.state, flow.nonce, flow.codeVerifier, flow.returnTo].every((v) => typeof v === 'string')) {
      return flow as PendingSignIn
    }
  } catch {
    // Not ours: treated as no pending sign-in.
  }
  return null
}

export interface OidcRoutesOptions {
  sessions: SessionService
  /** Null when no identity provider is configured: the routes then answer 404 `oidc-sign-in-off`. */
  relyingParty: OidcRelyingParty | null
}

/**
 * Sign-in through the city's identity provider: authorization code flow with PKCE. Registered in
 * every mode, so the OpenAPI document (and the console's typed client) is the same everywhere.
 */
export async function oidcRoutes(
  app: FastifyInstance,
  { sessions, relyingParty: configured }: OidcRoutesOptions,
): Promise<void> {
  const relyingParty = () => {
    if (!configured) {
      throw new NotFoundError(
        'oidc-sign-in-off',
        'Sign-in through an identity provider is not configured on this hub (OIDC_ISSUER_URL)',
      )
    }
    return configured
  }
  const flowCookie = (secure: boolean) => ({
    path: '/auth/callback',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure,
  })

  app.get<{ Querystring: { returnTo?: string } }>(
    '/auth/sign-in',
    {
      config: PUBLIC,
      schema: {
        operationId: 'signInConsoleOidc',
        tags: ['system'],
        summary: 'Sign in to the console through the identity provider (OIDC mode)',
        description:
          'Redirects (302) to the IdP: authorization code flow with PKCE, state and nonce. `returnTo` must be a path on this hub.',
        security: [],
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            returnTo: {
              type: 'string',
              maxLength: 2000,
              description: 'Where to go after signing in (a path on this hub; default /console/).',
            },
          },
        },
        response: {
          302: { description: 'To the identity provider', type: 'null' },
          ...problemResponses(400, 404, 503),
        },
      },
    },
    async (request, reply) => {
      const returnTo = safeReturnTo(request.query.returnTo)
      const { url, pending } = await relyingParty().start(returnTo)
      const value = Buffer.from(JSON.stringify(pending)).toString('base64url')
      reply.setCookie(FLOW_COOKIE, value, {
        ...flowCookie(request.protocol === 'https'),
        maxAge: FLOW_MAX_AGE_SECONDS,
      })
      return reply.redirect(url, 302)
    },
  )

  app.get(
    '/auth/callback',
    {
      config: PUBLIC,
      schema: {
        operationId: 'completeConsoleOidcSignIn',
        tags: ['system'],
        summary: 'The identity provider’s redirect back to the hub (OIDC mode)',
        description:
          'Exchanges the code, maps the claims to a principal, sets the session cookie and redirects (302) to `returnTo`. 400 when the answer does not match the pending sign-in; 403 `no-hub-role` when the person holds none of the hub’s roles.',
        security: [],
        response: {
          302: { description: 'Signed in: back to the console', type: 'null' },
          ...problemResponses(400, 403, 404, 503),
        },
      },
    },
    async (request, reply) => {
      const rp = relyingParty()
      const pending = readFlow(request.cookies[FLOW_COOKIE])
      reply.clearCookie(FLOW_COOKIE, flowCookie(request.protocol === 'https'))
      if (!pending) {
        throw new InputError(
          'oidc-sign-in-not-pending',
          'No sign-in is pending in this browser (or it took longer than 10 minutes): start again',
        )
      }
      const query = request.url.includes('?') ? request.url.slice(request.url.indexOf('?')) : ''
      const { principal, idToken } = await rp.finish(query, pending)
      if (principal.roles.length === 0) {
        request.principal = { ...principal, roles: [] }
        throw await request.ctx.audit.refused(
          new NotAllowedError(
            'no-hub-role',
            'The identity provider gives this person none of the hub’s roles (steward, consumer, clerk, reviewer, auditor, admin, citizen)',
          ),
          { action: 'console.sign-in', resourceType: 'session' },
        )
      }
      await signIn(sessions, request, reply, principal, { method: 'oidc', idToken })
      return reply.redirect(pending.returnTo, 302)
    },
  )
}
