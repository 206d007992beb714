import type { HubFeature } from '../../platform/http/hub-feature.ts'
import { certificateRoutes } from './certificate-routes.ts'
import type { CertificateFacade } from './certificate-services.ts'
import { clerkRoutes } from './clerk-routes.ts'

/** Pulls every adapter's new certificates; scheduled by the feature's `start`. */
export const CERTIFICATE_FEED_JOB = 'certificate-feed-tick'
export const CERTIFICATE_FEED_EVERY_MS = 60_000

/** What the certificate feature needs from the composition root (hub/services.ts). */
export interface CertificateServices {
  certificates: CertificateFacade
}

/**
 * Electronic certificates: the directory and clerk routes, and the feed job (nothing is pulled until
 * the server start path starts the feature).
 */
export const certificateFeature: HubFeature<CertificateServices> = {
  name: 'certificates',
  routes: async (app, options) => {
    await app.register(certificateRoutes, options)
    await app.register(clerkRoutes, options)
  },
  jobs: ({ certificates: { feed } }) => [
    {
      name: CERTIFICATE_FEED_JOB,
      handler: async () => {
        // pullAll has already logged each failure and let the other adapters run; failing the run
        // keeps it visible among the dead letters.
        const { failures } = await feed.pullAll()
        if (failures.length > 0) throw failures[0]!.error
      },
      options: { attempts: 1 },
    },
  ],
  start: async (_services, app) => {
    await app.jobs.repeat(CERTIFICATE_FEED_JOB, {}, CERTIFICATE_FEED_EVERY_MS)
  },
}
