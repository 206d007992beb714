import type { FastifyInstance, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import type { Principal } from '../../schemas/generated/types.ts'
import { AuthenticationError, NotAllowedError } from '../errors/app-error.ts'
import { KnownDepartments } from './known-departments.ts'
import { hasAnyRole, type Role } from './roles.ts'
import type { SessionService } from './session-service.ts'
import type { TokenVerifier } from './token-verifier.ts'

declare module 'fastify' {
  interface FastifyInstance {
    tokens: TokenVerifier
  }
  interface FastifyRequest {
    /** The verified caller; set on every non-public route before validation and handlers run. */
    principal: Principal
  }
  interface FastifyContextConfig {
    /** No token needed (health, metrics, docs). Everything else requires one: deny by default. */
    public?: boolean
    /** The caller needs at least one of these roles for the whole operation. */
    roles?: Role[]
  }
}

/** The docs UI (registered by @fastify/swagger-ui, which cannot carry our route config). */
const DOCS_PREFIX = '/docs'
// The scheme is case-insensitive (RFC 7235 §2.1).
const BEARER = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)$/i

/**
 * Authentication for every route unless it is marked `config: { public: true }`. Runs in
 * `onRequest`, before the body is parsed, so an unauthenticated caller cannot make the hub do work.
 */
export const authPlugin = fp<{ verifier: TokenVerifier; sessions?: SessionService }>(
  async (app: FastifyInstance, { verifier, sessions }) => {
    app.decorate('tokens', verifier)
    app.decorateRequest('principal', null as unknown as Principal)
    const departments = app.config.auth.requireKnownDepartment ? new KnownDepartments(app.db) : null

    app.addHook('onRequest', async (request: FastifyRequest) => {
      const config = request.routeOptions.config
      if (config.public || request.is404 || request.routeOptions.url?.startsWith(DOCS_PREFIX)) return
      const header = request.headers.authorization
      // The web console signs in with a session cookie; department systems keep their bearer tokens.
      const fromSession = !header && sessions ? await sessions.authenticate(request) : null
      if (fromSession) request.principal = fromSession
      else {
        if (!header)
          throw new AuthenticationError('token-missing', 'An Authorization: Bearer token is required')
        const match = BEARER.exec(header)
        if (!match)
          throw new AuthenticationError('token-malformed', 'The Authorization header must be "Bearer <JWT>"')
        const principal = await verifier.verify(match[1]!)
        if (principal.department && departments && !(await departments.has(principal.department)))
          throw new AuthenticationError(
            'token-department-unknown',
            'The token is for a department the hub does not know',
          )
        request.principal = principal
      }
      if (config.roles && !hasAnyRole(request.principal, config.roles)) {
        throw new NotAllowedError(
          'role-required',
          `This operation requires one of the roles: ${config.roles.join(', ')}`,
        )
      }
    })
  },
  { name: 'tokens', dependencies: ['db'] },
)
