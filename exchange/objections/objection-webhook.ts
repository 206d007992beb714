import type { Knex } from 'knex'
import { findWebhook } from '../../directory/requests/webhook-store.ts'
import type { ReceivedEvent } from '../../platform/events/event-types.ts'
import type { WebhookSender } from '../../platform/webhooks/webhook-sender.ts'
import { HmacWebhookSigner } from '../../platform/webhooks/webhook-signer.ts'
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
  sender: WebhookSender,
  job: ObjectionWebhookJob,
  now = () => new Date(),
): Promise<void> {
  const webhook = await findWebhook(db, job.department)
  if (!webhook) return
  // The department's access webhook: the same pool and the same HMAC its receiver already verifies.
  await sender.post(
    { name: `access-webhook-${job.department}`, url: webhook.url },
    {
      body: job.delivery,
      signer: new HmacWebhookSigner(webhook.secret, now),
      headers: { 'x-hub-event-id': job.delivery.id, 'x-hub-event-type': job.delivery.type },
    },
  )
}
