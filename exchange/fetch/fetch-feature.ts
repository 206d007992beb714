import type { HubFeature } from '../../platform/http/hub-feature.ts'
import { fetchRoutes } from './fetch-routes.ts'
import type { FetchService } from './fetch-service.ts'

/** The exchange's fetch: `POST /v1/exchange/fetch` through the department adapters or hub-held copies. */
export const fetchFeature: HubFeature<{ fetch: FetchService }> = {
  name: 'fetch',
  routes: async (app, { services }) => {
    await app.register(fetchRoutes, { service: services.fetch })
  },
}
