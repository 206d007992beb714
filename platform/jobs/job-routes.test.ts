import Fastify, { type FastifyInstance } from 'fastify'
import { Redis } from 'ioredis'
import { afterAll, afterEach, describe, expect, it } from 'vitest'
import { redisUrl } from '../../test/support/test-services.ts'
import { loadConfig } from '../config/config.ts'
import { installErrorHandling } from '../http/error-handler.ts'
import { metricsPlugin } from '../metrics/metrics-plugin.ts'
import { redisPlugin } from '../redis/redis-plugin.ts'
import { loadSchemaFiles } from '../schemas/schema-catalog.ts'
import { jobRoutes } from './job-routes.ts'
import { jobsPlugin } from './jobs-plugin.ts'

const PREFIX = `hub-test-jobs-plugin-${process.pid}-${Date.now().toString(36)}`
const apps: FastifyInstance[] = []

/** Only the pieces these routes need; auth is not registered, so `config.roles` is not enforced here. */
async function makeApp(redis: string | null): Promise<FastifyInstance> {
  const app = Fastify({ ajv: { customOptions: { coerceTypes: 'array', useDefaults: true } } })
  apps.push(app)
  installErrorHandling(app)
  for (const { schema } of loadSchemaFiles()) app.addSchema(schema)
  await app.register(metricsPlugin)
  await app.register(redisPlugin, { url: redis })
  await app.register(jobsPlugin, { config: { ...loadConfig({}), redisUrl: redis }, prefix: PREFIX })
  await app.register(jobRoutes)
  return app
}

afterEach(async () => {
  await Promise.all(apps.splice(0).map((app) => app.close()))
})

afterAll(async () => {
  const client = new Redis(redisUrl())
  const keys = await client.keys(`${PREFIX}*`)
  if (keys.length > 0) await client.del(...keys)
  await client.quit()
})

describe('jobs plugin', () => {
  it('uses the in-process runner without Redis and BullMQ with it', async () => {
    expect((await makeApp(null)).jobs.kind).toBe('in-process')
    const app = await makeApp(redisUrl())
    expect(app.jobs.kind).toBe('bullmq')
    await app.jobs.ping()
  })

  it('exports queue depth by queue and state at scrape time', async () => {
    const app = await makeApp(redisUrl())
    app.jobs.define('deliver-webhook', async () => {})
    await app.jobs.enqueue('deliver-webhook', { url: 'https://dept.example/hook' })
    const text = await app.metrics.registry.metrics()
    expect(text).toContain('hub_jobs_queue_depth{queue="deliver-webhook",state="waiting"} 1')
    expect(text).toContain('hub_jobs_queue_depth{queue="deliver-webhook",state="failed"} 0')
  })
})

describe('dead-letter routes', () => {
  async function appWithDeadLetter(): Promise<{ app: FastifyInstance; id: string }> {
    const app = await makeApp(null)
    let fixed = false
    app.jobs.define(
      'sync-adapter',
      async () => {
        if (!fixed) throw new Error('adapter timed out')
      },
      { attempts: 2, backoffMs: 1 },
    )
    await app.jobs.startWorkers()
    const { id } = await app.jobs.enqueue('sync-adapter', { department: 'hrss' })
    for (let i = 0; i < 100 && (await app.jobs.deadLetters()).length === 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 10))
    }
    fixed = true
    return { app, id }
  }

  it('lists dead letters, filtered by queue, with a bounded limit', async () => {
    const { app, id } = await appWithDeadLetter()
    const all = await app.inject({ method: 'GET', url: '/v1/admin/jobs/dead-letters' })
    expect(all.statusCode).toBe(200)
    expect(all.json().items).toEqual([
      expect.objectContaining({
        queue: 'sync-adapter',
        id,
        data: { department: 'hrss' },
        failedReason: 'adapter timed out',
        attemptsMade: 2,
      }),
    ])
    const other = await app.inject({ method: 'GET', url: '/v1/admin/jobs/dead-letters?queue=unknown' })
    expect(other.json()).toEqual({ items: [] })
    const tooMany = await app.inject({ method: 'GET', url: '/v1/admin/jobs/dead-letters?limit=501' })
    expect(tooMany.statusCode).toBe(400)
    expect(tooMany.json().code).toBe('validation-failed')
  })

  it('retries a dead letter (204) and answers 404 problem+json for an unknown one', async () => {
    const { app, id } = await appWithDeadLetter()
    const retried = await app.inject({
      method: 'POST',
      url: `/v1/admin/jobs/dead-letters/sync-adapter/${id}/retry`,
    })
    expect(retried.statusCode).toBe(204)
    const again = await app.inject({
      method: 'POST',
      url: `/v1/admin/jobs/dead-letters/sync-adapter/${id}/retry`,
    })
    expect(again.statusCode).toBe(404)
    expect(again.headers['content-type']).toMatch(/^application\/problem\+json/)
    expect(again.json().code).toBe('job-not-found')
  })
})
