import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import { ServiceItemImporter } from './service-item-import.ts'
import { serviceItemRoutes } from './service-item-routes.ts'
import { compilePatterns } from './service-item-rules.ts'
import { ServiceItemService } from './service-item-service.ts'
import { ServiceItemSyncService } from './service-item-sync.ts'

export interface ServiceItemFacade {
  readonly service: ServiceItemService
  readonly importer: ServiceItemImporter
  /** 事项动态同步 with the provincial platform. */
  readonly sync: ServiceItemSyncService
}

declare module 'fastify' {
  interface FastifyInstance {
    serviceItems: ServiceItemFacade
  }
}

/** Pulls the provincial platform's service items; scheduled by `startServiceItemSync`. */
export const SERVICE_ITEM_SYNC_JOB = 'service-item-sync-tick'

/**
 * The 事项 catalog on the app: `app.serviceItems`, its routes, and the sync job (nothing is pulled
 * until the server start path calls `startServiceItemSync(app)`).
 */
export const serviceItemPlugin = fp(
  async (app: FastifyInstance) => {
    const patterns = compilePatterns(app.config.serviceItems)
    const service = new ServiceItemService(app.db, patterns)
    const sync = new ServiceItemSyncService({
      db: app.db,
      adapters: app.adapters,
      patterns,
      writer: app.audit.writer,
      log: app.log,
      registry: app.metrics.registry,
    })
    app.decorate('serviceItems', {
      service,
      importer: new ServiceItemImporter(app.db, patterns),
      sync,
    } satisfies ServiceItemFacade)
    app.jobs.define(
      SERVICE_ITEM_SYNC_JOB,
      async () => {
        const { failures } = await sync.pullAll()
        // Already logged; failing the run keeps it visible among the dead letters.
        if (failures.length > 0) throw new Error(`service item sync failed: ${failures[0]!.message}`)
      },
      { attempts: 1 },
    )
    await app.register(serviceItemRoutes)
  },
  { name: 'service-items', dependencies: ['db', 'audit', 'adapters', 'jobs', 'metrics'] },
)

/** Schedules the sync. Called once from the server start path, after the app is ready. */
export async function startServiceItemSync(app: FastifyInstance): Promise<void> {
  await app.jobs.repeat(SERVICE_ITEM_SYNC_JOB, {}, app.config.serviceItems.syncEveryMs)
}
