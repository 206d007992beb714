import type { HubFeature } from '../../platform/http/hub-feature.ts'
import { serviceItemRoutes } from './service-item-routes.ts'
import type { ServiceItemFacade } from './service-item-services.ts'

/** What the 事项 catalog needs from the composition root (hub/services.ts). */
export interface ServiceItemServices {
  serviceItems: ServiceItemFacade
}

/** Pulls the provincial platform's service items; scheduled by the feature's `start`. */
export const SERVICE_ITEM_SYNC_JOB = 'service-item-sync-tick'

/**
 * The 事项 catalog: its routes and the sync job (nothing is pulled until the server start path
 * starts the feature).
 */
export const serviceItemFeature: HubFeature<ServiceItemServices> = {
  name: 'service-items',
  routes: serviceItemRoutes,
  jobs: ({ serviceItems: { sync } }) => [
    {
      name: SERVICE_ITEM_SYNC_JOB,
      handler: async () => {
        const { failures } = await sync.pullAll()
        // Already logged; failing the run keeps it visible among the dead letters.
        if (failures.length > 0) throw new Error(`service item sync failed: ${failures[0]!.message}`)
      },
      options: { attempts: 1 },
    },
  ],
  start: async (_services, app) => {
    await app.jobs.repeat(SERVICE_ITEM_SYNC_JOB, {}, app.config.serviceItems.syncEveryMs)
  },
}
