import type { HubFeature } from '../../platform/http/hub-feature.ts'
import { type AccessRequestServices, accessRequestRoutes } from './access-request-routes.ts'

export const OVERDUE_JOB = 'access-overdue'

/** Access requests: consumers file and withdraw, provider stewards decide, a job escalates overdue ones. */
export const accessRequestFeature: HubFeature<AccessRequestServices> = {
  name: 'access-requests',
  routes: accessRequestRoutes,
  jobs: ({ accessDecisions }) => [
    {
      name: OVERDUE_JOB,
      handler: async () => void (await accessDecisions.escalateOverdue()),
      options: { attempts: 3 },
      everyMs: 15 * 60_000,
    },
  ],
}
