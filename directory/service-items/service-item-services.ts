import type { FastifyInstance } from 'fastify'
import { writerRecorder } from '../../audit/request-context-plugin.ts'
import type { HubInfra } from '../../platform/http/hub-feature.ts'
import { ServiceItemImporter } from './service-item-import.ts'
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

/** The 事项 catalog's services: edits, CSV import and the sync with the provincial platform. */
export function createServiceItemServices(
  infra: HubInfra & Pick<FastifyInstance, 'adapters' | 'audit'>,
): ServiceItemFacade {
  const patterns = compilePatterns(infra.config.serviceItems)
  return {
    service: new ServiceItemService(infra.db, patterns),
    importer: new ServiceItemImporter(infra.db, patterns),
    sync: new ServiceItemSyncService({
      db: infra.db,
      adapters: infra.adapters,
      patterns,
      recorderFor: (principal) => writerRecorder(infra.audit.writer, principal),
      log: infra.log,
      registry: infra.metrics.registry,
    }),
  }
}
