import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import { loadSchemaFiles } from '../../platform/schemas/schema-catalog.ts'
import { resourceSourceRoutes } from './resource-source-routes.ts'
import { ResourceSourceService } from './resource-source-service.ts'

export interface ResourceSourcePluginOptions {
  /** Overrides the wait for fetch caches to turn over after a change (tests of the API alone). */
  settle?: () => Promise<void>
}

/** How resources are served: wires ResourceSourceService (canonical fields from schemas/records/) and its routes. */
export const resourceSourcePlugin = fp<ResourceSourcePluginOptions>(
  async (app: FastifyInstance, opts) => {
    const fields = new Map<string, string[]>()
    for (const { file, schema } of loadSchemaFiles()) {
      if (file.startsWith('records/'))
        fields.set(file, Object.keys((schema as { properties?: object }).properties ?? {}))
    }
    const service = new ResourceSourceService({
      db: app.db,
      adapters: app.adapters,
      fieldsOf: (schemaId) => fields.get(schemaId) ?? [],
      settle: opts.settle,
    })
    await app.register(resourceSourceRoutes, { service })
  },
  { name: 'exchange-sources', dependencies: ['db', 'adapters', 'audit'] },
)
