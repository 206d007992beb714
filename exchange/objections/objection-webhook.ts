import type { Knex } from 'knex'
import { findWebhook } from '../../directory/requests/webhook-store.ts'
import type { WebhookSender } from '../../platform/webhooks/webhook-sender.ts'
import { HmacWebhookSigner } from '../../platform/webhooks/webhook-signer.ts'
import type { ObjectionRow } from './objection-store.ts'

/**
 * Tells a provider department that one of its objections went overdue, on the webhook it set for
 * access changes (`PUT /v1/departments/{code}/webhook`), signed the same way. The delivery is a job:
 * anything but 2xx throws, so the runner retries with backoff and keeps hopeless ones as dead letters.
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

export function overdueDelivery(row: ObjectionRow, at: Date): ObjectionWebhookJob {
  return {
    department: row.provider_department,
    delivery: {
      id: `objection-overdue-${row.id}-${row.answer_deadline.getTime()}`,
      type: 'objection.overdue',
      at: at.toISOString(),
      objectionId: row.id,
      status: row.status,
      providerDepartment: row.provider_department,
      objectorDepartment: row.objector_department,
      resourceCode: row.resource_code,
      recordId: row.record_id,
      certificateId: row.certificate_id,
      answerDeadline: row.answer_deadline.toISOString(),
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
