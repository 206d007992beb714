import type { HubFeature } from '../../platform/http/hub-feature.ts'
import { resourceSourceRoutes } from './resource-source-routes.ts'
import type { ResourceSourceService } from './resource-source-service.ts'

/** How resources are served: which adapter and record kind, live or from a hub-held copy. */
export const resourceSourceFeature: HubFeature<{ resourceSources: ResourceSourceService }> = {
  name: 'resource-sources',
  routes: async (app, { services }) => {
    await app.register(resourceSourceRoutes, { service: services.resourceSources })
  },
}
