import type { HubFeature } from '../http/hub-feature.ts'
import { jobRoutes } from './job-routes.ts'

/** Dead letters of the background jobs, for admins. */
export const jobFeature: HubFeature<unknown> = {
  name: 'jobs',
  routes: jobRoutes,
}
