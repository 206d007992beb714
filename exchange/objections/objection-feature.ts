import type { HubFeature } from '../../platform/http/hub-feature.ts'
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

/**
 * Data objections: the routes, the overdue escalation (every 15 minutes; each escalated objection's
 * provider gets a webhook job) and the webhook deliveries.
 */
export const objectionFeature: HubFeature<{ objections: ObjectionService }> = {
  name: 'objections',
  routes: async (app, { services }) => {
    await app.register(objectionRoutes, { service: services.objections })
  },
  jobs: ({ objections }, app) => [
    {
      name: OBJECTION_WEBHOOK_JOB,
      handler: (job: ObjectionWebhookJob) => deliverObjectionWebhook(app.db, job),
      options: { attempts: 8, backoffMs: 5_000 },
    },
    {
      name: OBJECTION_OVERDUE_JOB,
      handler: async () => {
        const now = new Date()
        for (const row of await objections.escalateOverdue()) {
          const job = overdueDelivery(row, now)
          await app.jobs.enqueue(OBJECTION_WEBHOOK_JOB, job, { jobId: job.delivery.id })
        }
      },
      options: { attempts: 3 },
      everyMs: 15 * 60_000,
    },
  ],
}
