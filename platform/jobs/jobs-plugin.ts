import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import { Gauge } from 'prom-client'
import type { HubConfig } from '../config/config.ts'
import { BullmqRunner } from './bullmq-runner.ts'
import { InProcessRunner } from './in-process-runner.ts'
import type { JobRunner, QueueDepth } from './job-runner.ts'

declare module 'fastify' {
  interface FastifyInstance {
    jobs: JobRunner
  }
}

export interface JobsPluginOptions {
  config: HubConfig
  /** Key prefix of the BullMQ queues (default `hub`). */
  prefix?: string
}

/**
 * Background jobs: BullMQ on Redis when REDIS_URL is configured, else the in-process runner of the
 * embedded default. Workers are not started here — only the server start path consumes jobs, so
 * CLI commands and tests that build the app never run handlers by accident.
 */
export const jobsPlugin = fp<JobsPluginOptions>(
  async (app: FastifyInstance, opts) => {
    const runner: JobRunner = app.redis
      ? new BullmqRunner({
          redis: app.redis,
          prefix: opts.prefix ?? 'hub',
          log: app.log,
          everyMs: opts.config.jobs.everyMs,
        })
      : new InProcessRunner({ log: app.log, everyMs: opts.config.jobs.everyMs })
    app.decorate('jobs', runner)

    new Gauge({
      name: 'hub_jobs_queue_depth',
      help: 'Background jobs per queue and state (waiting, active, delayed, failed = dead letters)',
      labelNames: ['queue', 'state'] as const,
      registers: [app.metrics.registry],
      // Read at scrape time rather than tracked by events, so it is right across processes.
      async collect() {
        this.reset()
        let depth: Record<string, QueueDepth>
        try {
          depth = await runner.depth()
        } catch (error) {
          // A scrape must still succeed when Redis is down; an absent series says "unknown".
          app.log.warn({ err: error }, 'job queue depth unavailable')
          return
        }
        for (const [queue, counts] of Object.entries(depth)) {
          for (const [state, value] of Object.entries(counts)) this.set({ queue, state }, value)
        }
      },
    })

    app.addHook('onClose', async () => {
      await runner.close()
    })
  },
  { name: 'jobs', dependencies: ['metrics', 'redis'] },
)
