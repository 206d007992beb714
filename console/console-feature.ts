import type { HubFeature } from '../platform/http/hub-feature.ts'
import { type ConsoleServices, consoleRoutes } from './console-routes.ts'

/** The web console's backend-for-frontend: the built console under /console/ and sign-in. */
export const consoleFeature: HubFeature<ConsoleServices> = {
  name: 'console',
  routes: consoleRoutes,
}
