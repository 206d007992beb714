import type { FastifyInstance } from 'fastify'
import type { EventConsumer } from '../../platform/events/event-types.ts'
import type { HubFeature } from '../../platform/http/hub-feature.ts'
import { QUALITY_TOPIC } from './objection-change.ts'
import { objectionRoutes } from './objection-routes.ts'
import type { ObjectionService } from './objection-service.ts'
import { deliverObjectionWebhook, type ObjectionWebhookJob, overdueDelivery } from './objection-webhook.ts'

declare module 'fastify' {
  interface FastifyInstance {
    /** Data objections (数据异议与校核), see exchange/objections/. */
    objections: ObjectionService
  }
}

export const OBJECTION_OVERDUE_JOB = 'objection-overdue'
export const OBJECTION_WEBHOOK_JOB = 'objection-webhook'

/** The `quality-events` consumer of each started objection service (stopped with the app). */
const running = new WeakMap<ObjectionService, EventConsumer>()

/**
 * Subscribes to `quality-events`: each `objection.overdue` event — written in the transaction that
 * escalated the objection — becomes one webhook job (job id = delivery id, so a re-delivered event
 * enqueues nothing twice). Started by `startHub` after `app.ready()`, next to the outbox relay.
 */
export async function startOverdueWebhooks(
  app: FastifyInstance,
  objections: ObjectionService,
): Promise<void> {
  if (running.has(objections)) return
  running.set(
    objections,
    await app.events.subscribe({
      groupId: `${app.config.outbox.topicPrefix}objection-webhooks`,
      topics: [QUALITY_TOPIC],
      handler: async (event) => {
        const job = overdueDelivery(event, new Date())
        if (job) await app.jobs.enqueue(OBJECTION_WEBHOOK_JOB, job, { jobId: job.delivery.id })
      },
    }),
  )
}

export async function stopOverdueWebhooks(objections: ObjectionService): Promise<void> {
  const consumer = running.get(objections)
  running.delete(objections)
  await consumer?.stop()
}

/**
 * Data objections: the routes, the overdue escalation (every 15 minutes; it commits the escalation
 * with its `objection.overdue` event) and the webhook deliveries, each made from a committed overdue
 * event of the outbox (`start`).
 */
export const objectionFeature: HubFeature<{ objections: ObjectionService }> = {
  name: 'objections',
  routes: async (app, { services }) => {
    await app.register(objectionRoutes, { service: services.objections })
  },
  jobs: ({ objections }, app) => [
    {
      name: OBJECTION_WEBHOOK_JOB,
      handler: (job: ObjectionWebhookJob) => deliverObjectionWebhook(app.db, app.webhooks, job),
      options: { attempts: 8, backoffMs: 5_000 },
    },
    {
      name: OBJECTION_OVERDUE_JOB,
      handler: async () => {
        await objections.escalateOverdue()
      },
      options: { attempts: 3 },
      everyMs: 15 * 60_000,
    },
  ],
  start: ({ objections }, app) => startOverdueWebhooks(app, objections),
  stop: ({ objections }) => stopOverdueWebhooks(objections),
}
