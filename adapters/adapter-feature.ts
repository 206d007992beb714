import type { HubFeature } from '../platform/http/hub-feature.ts'
import { adapterRoutes } from './adapter-routes.ts'

/** The installed department adapters and their health, for admins. */
export const adapterFeature: HubFeature<unknown> = {
  name: 'adapters',
  routes: adapterRoutes,
}
