import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import { WorkingDayCalendar } from '../../platform/calendar/working-days.ts'
import type { EventConsumer } from '../../platform/events/event-types.ts'
import { openRecordReference } from '../fetch/record-reference.ts'
import { QUALITY_TOPIC } from './objection-change.ts'
import { objectionRoutes } from './objection-routes.ts'
import { ObjectionService } from './objection-service.ts'
import { deliverObjectionWebhook, type ObjectionWebhookJob, overdueDelivery } from './objection-webhook.ts'

declare module 'fastify' {
  interface FastifyInstance {
    /** Data objections (数据异议与校核), see exchange/objections/. */
    objections: ObjectionService
    /** The consumer of `quality-events` that turns overdue escalations into webhook jobs. */
    objectionBackground: { consumers: EventConsumer[] }
  }
}

export const OBJECTION_OVERDUE_JOB = 'objection-overdue'
export const OBJECTION_WEBHOOK_JOB = 'objection-webhook'
const OVERDUE_EVERY_MS = 15 * 60_000

/**
 * Wires the objection service (corrections refresh hub-held copies through the sync service), the
 * overdue escalation (every 15 minutes; it commits the escalation with its `objection.overdue` event)
 * and the routes. `startObjectionBackground` turns each committed overdue event into a webhook job.
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
      (job) => deliverObjectionWebhook(app.db, job),
      {
        attempts: 8,
        backoffMs: 5_000,
      },
    )
    app.jobs.define(
      OBJECTION_OVERDUE_JOB,
      async () => {
        await service.escalateOverdue()
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
    app.decorate('objectionBackground', { consumers: [] })
    app.addHook('onClose', () => stopObjectionBackground(app))
    await app.register(objectionRoutes, { service })
  },
  { name: 'exchange-objections', dependencies: ['db', 'audit', 'jobs', 'events', 'exchange-sync'] },
)

export const objectionWebhookGroup = (app: FastifyInstance) =>
  `${app.config.outbox.topicPrefix}objection-webhooks`

/**
 * Subscribes to `quality-events`: each `objection.overdue` event — written in the transaction that
 * escalated the objection — becomes one webhook job (job id = delivery id, so a re-delivered event
 * enqueues nothing twice). Call after `app.ready()`, next to `app.events.relay.start()`.
 */
export async function startObjectionBackground(app: FastifyInstance): Promise<void> {
  const { consumers } = app.objectionBackground
  if (consumers.length > 0) return
  consumers.push(
    await app.events.subscribe({
      groupId: objectionWebhookGroup(app),
      topics: [QUALITY_TOPIC],
      handler: async (event) => {
        const job = overdueDelivery(event, new Date())
        if (job) await app.jobs.enqueue(OBJECTION_WEBHOOK_JOB, job, { jobId: job.delivery.id })
      },
    }),
  )
}

export async function stopObjectionBackground(app: FastifyInstance): Promise<void> {
  await Promise.all(app.objectionBackground.consumers.splice(0).map((c) => c.stop()))
}
