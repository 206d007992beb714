import type { Knex } from 'knex'
import { request as httpRequest } from 'undici'
import { sign } from '../../directory/requests/webhook-service.ts'
import { findWebhook } from '../../directory/requests/webhook-store.ts'
import type { ReceivedEvent } from '../../platform/events/event-types.ts'
import type { ObjectionEvent } from '../../schemas/generated/types.ts'
import { EVENT_OF } from './objection-rules.ts'

/**
 * Tells a provider department that one of its objections went overdue, on the webhook it set for
 * access changes (`PUT /v1/departments/{code}/webhook`), signed the same way. It is driven by the
 * `objection.overdue` event of the outbox (so it exists exactly when the escalation committed, and a
 * crash after the commit loses nothing); the delivery is a job: anything but 2xx throws, so the
 * runner retries with backoff and keeps hopeless ones as dead letters.
 */

export interface ObjectionDelivery {
  /** Receivers de-duplicate by this id (delivery is at least once). */
  id: string
  type: string
  at: string
  objectionId: string
  status: string
  providerDepartment: string
  objectorDepartment: string
  resourceCode: string | null
  recordId: string | null
  certificateId: string | null
  answerDeadline: string
}

export interface ObjectionWebhookJob {
  department: string
  delivery: ObjectionDelivery
}

const TIMEOUT_MS = 5_000

/** The webhook job of an `objection.overdue` event; null for the other objection events. */
export function overdueDelivery(event: ReceivedEvent, at: Date): ObjectionWebhookJob | null {
  if (event.type !== EVENT_OF.overdue) return null
  const payload = event.payload as ObjectionEvent
  // Events written before the payload carried the deadline fall back to the event id.
  const deadline = payload.answerDeadline ? new Date(payload.answerDeadline).getTime() : event.eventId
  return {
    department: payload.providerDepartment,
    delivery: {
      id: `objection-overdue-${payload.objectionId}-${deadline}`,
      type: EVENT_OF.overdue,
      at: at.toISOString(),
      objectionId: payload.objectionId,
      status: payload.status,
      providerDepartment: payload.providerDepartment,
      objectorDepartment: payload.objectorDepartment,
      resourceCode: payload.resourceCode,
      recordId: payload.recordId,
      certificateId: payload.certificateId,
      answerDeadline: payload.answerDeadline ?? '',
    },
  }
}

/** Posts one delivery; a department without a webhook gets none. */
export async function deliverObjectionWebhook(
  db: Knex,
  job: ObjectionWebhookJob,
  now = new Date(),
): Promise<void> {
  const webhook = await findWebhook(db, job.department)
  if (!webhook) return
  const body = JSON.stringify(job.delivery)
  const timestamp = String(Math.floor(now.getTime() / 1000))
  const response = await httpRequest(webhook.url, {
    method: 'POST',
    body,
    headers: {
      'content-type': 'application/json',
      'x-hub-event-id': job.delivery.id,
      'x-hub-event-type': job.delivery.type,
      'x-hub-timestamp': timestamp,
      'x-hub-signature': sign(webhook.secret, timestamp, body),
    },
    headersTimeout: TIMEOUT_MS,
    bodyTimeout: TIMEOUT_MS,
  })
  await response.body.dump()
  if (response.statusCode < 200 || response.statusCode >= 300)
    throw new Error(`objection webhook of ${job.department} answered ${response.statusCode}`)
}
