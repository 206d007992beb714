import type { HubFeature } from '../../platform/http/hub-feature.ts'
import { type ResourceServices, resourceRoutes } from './resource-routes.ts'

/** The information-resource directory: register, review, publish, search, export and import. */
export const resourceFeature: HubFeature<ResourceServices> = {
  name: 'resources',
  routes: resourceRoutes,
}
