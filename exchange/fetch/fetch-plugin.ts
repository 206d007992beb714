import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import { Redis } from 'ioredis'
import { loadSchemaFiles } from '../../platform/schemas/schema-catalog.ts'
import { fetchRoutes } from './fetch-routes.ts'
import { FetchService } from './fetch-service.ts'
import { type CounterStore, GrantLimiter, MemoryCounters, RedisCounters } from './grant-limiter.ts'
import { cursorSeal, recordReference } from './record-reference.ts'

export interface FetchPluginOptions {
  /** Most subjects in one fetch (default 100): bounds the fan-out to a department system per call. */
  maxSubjects?: number
}

/**
 * The exchange's fetch: wires FetchService (grant counters in Redis when configured, so limits hold
 * across instances; in memory otherwise) and its route.
 */
export const fetchPlugin = fp<FetchPluginOptions>(
  async (app: FastifyInstance, opts) => {
    let counters: CounterStore = new MemoryCounters()
    if (app.config.redisUrl) {
      const redis = new Redis(app.config.redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 })
      app.addHook('onClose', async () => void redis.disconnect())
      counters = new RedisCounters(redis, app.config.jobs.queuePrefix)
    }
    const fields = new Map<string, string[]>()
    for (const { file, schema } of loadSchemaFiles()) {
      if (file.startsWith('records/'))
        fields.set(file, Object.keys((schema as { properties?: object }).properties ?? {}))
    }
    // Keys for record references and cursors are derived from the audit subject key (HMAC with a label).
    const service = new FetchService({
      db: app.db,
      adapters: app.adapters,
      limiter: new GrantLimiter(counters),
      fieldsOf: (schemaId) => fields.get(schemaId) ?? [],
      maxSubjects: opts.maxSubjects ?? 100,
      recordRef: recordReference(Buffer.from(app.config.audit.subjectKey ?? '')),
      cursors: cursorSeal(Buffer.from(app.config.audit.subjectKey ?? '')),
    })
    await app.register(fetchRoutes, { service })
  },
  { name: 'exchange-fetch', dependencies: ['db', 'adapters', 'audit'] },
)
