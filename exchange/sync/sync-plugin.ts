import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import { Gauge } from 'prom-client'
import { SyncService } from './sync-service.ts'

declare module 'fastify' {
  interface FastifyInstance {
    /** Hub-held copies of department records (see exchange/README.md). */
    hubSync: SyncService
  }
}

/** Pulls every hub-held (adapter, kind) pair; scheduled by `startExchangeBackground`. */
export const SYNC_TICK_JOB = 'exchange-sync-tick'
/** Pulls one (adapter, kind) pair, optionally from scratch (backfill). */
export const SYNC_JOB = 'exchange-sync'
export const SYNC_EVERY_MS = 60_000

export interface SyncJob {
  adapter: string
  kind: string
  fromScratch?: boolean
}

/**
 * Wires the sync service, its jobs and the `hub_sync_lag_seconds{adapter}` gauge. Nothing runs until
 * the server start path calls `startExchangeBackground(app)`: tests and CLIs build the app without
 * background pulls.
 */
export const syncPlugin = fp(
  async (app: FastifyInstance) => {
    const sync = new SyncService({ db: app.db, adapters: app.adapters })
    app.decorate('hubSync', sync)
    app.jobs.define<SyncJob>(SYNC_JOB, async (job) => void (await sync.pull(job.adapter, job.kind, job)), {
      attempts: 5,
      backoffMs: 5_000,
    })
    app.jobs.define(
      SYNC_TICK_JOB,
      async () => {
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
      { attempts: 1 },
    )
    new Gauge({
      name: 'hub_sync_lag_seconds',
      help: 'Seconds since the hub-held copies of an adapter last caught up with the department system',
      labelNames: ['adapter'] as const,
      registers: [app.metrics.registry],
      async collect() {
        this.reset()
        for (const [adapter, seconds] of await sync.lagSeconds()) this.set({ adapter }, seconds)
      },
    })
  },
  { name: 'exchange-sync', dependencies: ['db', 'adapters', 'jobs', 'metrics'] },
)

/** Schedules the periodic pulls. Called once from the server start path, after the app is ready. */
export async function startExchangeBackground(app: FastifyInstance, everyMs = SYNC_EVERY_MS): Promise<void> {
  await app.jobs.repeat(SYNC_TICK_JOB, {}, everyMs)
}

/** Queues a full re-pull of one (adapter, kind) from the beginning; the upserts make it idempotent. */
export async function enqueueBackfill(app: FastifyInstance, adapter: string, kind: string): Promise<string> {
  const { id } = await app.jobs.enqueue<SyncJob>(SYNC_JOB, { adapter, kind, fromScratch: true })
  return id
}
