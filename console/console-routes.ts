import path from 'node:path'
import type { FastifyInstance } from 'fastify'
import type { SessionService } from '../platform/auth/session-service.ts'
import { consoleStaticRoutes } from './console-static-routes.ts'
import { OidcRelyingParty } from './oidc-relying-party.ts'
import { oidcRoutes } from './oidc-routes.ts'
import { sessionRoutes } from './session-routes.ts'

const PROJECT_ROOT = path.resolve(import.meta.dirname, '..')

/** What the console needs from the composition root (hub/services.ts). */
export interface ConsoleServices {
  sessions: SessionService
}

/**
 * The hub as the web console's backend-for-frontend: it serves the built console under /console/
 * and signs people in (demo principals in dev mode, the city's identity provider with OIDC) into
 * cookie sessions that the /v1 API accepts beside bearer tokens.
 */
export async function consoleRoutes(
  app: FastifyInstance,
  { services: { sessions } }: { services: ConsoleServices },
): Promise<void> {
  await app.register(consoleStaticRoutes, { root: path.resolve(PROJECT_ROOT, app.config.console.webDist) })
  const settings = app.config.console.oidc
  const relyingParty = settings ? new OidcRelyingParty(settings, (message) => app.log.warn(message)) : null
  await app.register(sessionRoutes, {
    sessions,
    ...(relyingParty
      ? {
          logoutUrl: async (session) =>
            session.method === 'oidc' ? relyingParty.logoutUrl(session.idToken) : undefined,
        }
      : {}),
  })
  await app.register(oidcRoutes, { sessions, relyingParty })
}
