import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import { WorkingDayCalendar } from '../../platform/calendar/working-days.ts'
import { openRecordReference } from '../fetch/record-reference.ts'
import { objectionRoutes } from './objection-routes.ts'
import { ObjectionService } from './objection-service.ts'
import { deliverObjectionWebhook, type ObjectionWebhookJob, overdueDelivery } from './objection-webhook.ts'

declare module 'fastify' {
  interface FastifyInstance {
    /** Data objections (数据异议与校核), see exchange/objections/. */
    objections: ObjectionService
  }
}

export const OBJECTION_OVERDUE_JOB = 'objection-overdue'
export const OBJECTION_WEBHOOK_JOB = 'objection-webhook'
const OVERDUE_EVERY_MS = 15 * 60_000

/**
 * Wires the objection service (corrections refresh hub-held copies through the sync service), the
 * overdue escalation (every 15 minutes; each escalated objection's provider gets a webhook job) and
 * the routes.
 */
export const objectionPlugin = fp(
  async (app: FastifyInstance) => {
    const { calendar } = app.config
    const service = new ObjectionService({
      db: app.db,
      calendar: new WorkingDayCalendar(calendar),
      answerWorkdays: calendar.objectionWorkdays,
      refresh: async (adapter, kind) => ({ changed: (await app.hubSync.pull(adapter, kind)).changed }),
      openRef: openRecordReference(Buffer.from(app.config.audit.subjectKey ?? '')),
    })
    app.decorate('objections', service)

    app.jobs.define<ObjectionWebhookJob>(
      OBJECTION_WEBHOOK_JOB,
      (job) => deliverObjectionWebhook(app.db, app.webhooks, job),
      {
        attempts: 8,
        backoffMs: 5_000,
      },
    )
    app.jobs.define(
      OBJECTION_OVERDUE_JOB,
      async () => {
        const now = new Date()
        for (const row of await service.escalateOverdue()) {
          const job = overdueDelivery(row, now)
          await app.jobs.enqueue(OBJECTION_WEBHOOK_JOB, job, { jobId: job.delivery.id })
        }
      },
      { attempts: 3 },
    )
    app.addHook('onReady', async () => {
      try {
        await app.jobs.repeat(OBJECTION_OVERDUE_JOB, {}, OVERDUE_EVERY_MS)
      } catch (error) {
        // The API must come up with Redis away; the next start schedules it again.
        app.log.error({ err: error }, 'the overdue-objection escalation job could not be scheduled')
      }
    })
    await app.register(objectionRoutes, { service })
  },
  { name: 'exchange-objections', dependencies: ['db', 'audit', 'jobs', 'exchange-sync', 'webhooks'] },
)
