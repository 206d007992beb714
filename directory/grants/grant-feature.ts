import type { HubFeature } from '../../platform/http/hub-feature.ts'
import { type GrantServices, grantRoutes } from './grant-routes.ts'

export const GRANT_EXPIRY_JOB = 'grant-expiry'

/** Grants: held by consumers, given (revoked, renewed) by provider stewards; expired by a job. */
export const grantFeature: HubFeature<GrantServices> = {
  name: 'grants',
  routes: grantRoutes,
  jobs: ({ grants }) => [
    // Validity is also checked at use time, so a missed run only delays the status change.
    {
      name: GRANT_EXPIRY_JOB,
      handler: async () => void (await grants.expireEnded()),
      options: { attempts: 3 },
      everyMs: 5 * 60_000,
    },
  ],
}
