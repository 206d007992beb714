import type { FastifyInstance } from 'fastify'
import { Gauge } from 'prom-client'
import type { HubFeature, HubInfra } from '../../platform/http/hub-feature.ts'
import { SyncService } from './sync-service.ts'

declare module 'fastify' {
  interface FastifyInstance {
    /** Hub-held copies of department records (see exchange/README.md). */
    hubSync: SyncService
  }
}

/** Pulls every hub-held (adapter, kind) pair; scheduled by the feature's `start`. */
export const SYNC_TICK_JOB = 'exchange-sync-tick'
/** Pulls one (adapter, kind) pair, optionally from scratch (backfill). */
export const SYNC_JOB = 'exchange-sync'
export const SYNC_EVERY_MS = 60_000

export interface SyncJob {
  adapter: string
  kind: string
  fromScratch?: boolean
}

/** The sync service and its `hub_sync_lag_seconds{adapter}` gauge. */
export function createSyncService(infra: HubInfra & Pick<FastifyInstance, 'adapters'>): SyncService {
  const sync = new SyncService({ db: infra.db, adapters: infra.adapters })
  new Gauge({
    name: 'hub_sync_lag_seconds',
    help: 'Seconds since the hub-held copies of an adapter last caught up with the department system',
    labelNames: ['adapter'] as const,
    registers: [infra.metrics.registry],
    async collect() {
      this.reset()
      for (const [adapter, seconds] of await sync.lagSeconds()) this.set({ adapter }, seconds)
    },
  })
  return sync
}

/**
 * Hub-held copies: the pull jobs. Nothing runs until the server start path starts the feature:
 * tests and CLIs build the app without background pulls.
 */
export const syncFeature: HubFeature<{ hubSync: SyncService }> = {
  name: 'sync',
  jobs: ({ hubSync: sync }, app) => [
    {
      name: SYNC_JOB,
      handler: async (job: SyncJob) => void (await sync.pull(job.adapter, job.kind, job)),
      options: { attempts: 5, backoffMs: 5_000 },
    },
    {
      name: SYNC_TICK_JOB,
      handler: async () => {
        // One pair failing (its department system down) must not hold up the others.
        const failures: unknown[] = []
        for (const target of await sync.targets()) {
          await sync.pull(target.adapter, target.kind).catch((error: unknown) => {
            app.log.warn({ err: error, ...target }, 'hub-held sync pull failed')
            failures.push(error)
          })
        }
        if (failures.length > 0) throw failures[0]
      },
      options: { attempts: 1 },
    },
  ],
  start: async (_services, app) => {
    await app.jobs.repeat(SYNC_TICK_JOB, {}, SYNC_EVERY_MS)
  },
}

/** Queues a full re-pull of one (adapter, kind) from the beginning; the upserts make it idempotent. */
export async function enqueueBackfill(app: FastifyInstance, adapter: string, kind: string): Promise<string> {
  const { id } = await app.jobs.enqueue<SyncJob>(SYNC_JOB, { adapter, kind, fromScratch: true })
  return id
}
