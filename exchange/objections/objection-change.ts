import type { Knex } from 'knex'
import { appendEvents } from '../../platform/events/outbox-store.ts'
import type { ObjectionEvent } from '../../schemas/generated/types.ts'
import { appendChange, type ObjectionRow } from './objection-store.ts'

export const QUALITY_TOPIC = 'quality-events'

/** Who made an automatic step (overdue escalation). */
export const HUB_ACTOR = 'hub'

export interface ObjectionChange {
  type: string
  actor: string
  note?: string | null
  details?: Record<string, unknown>
}

/**
 * Records one step of an objection — a timeline row and an outbox event — in the caller's
 * transaction, so the step, its timeline entry and its event exist together or not at all.
 */
export async function recordObjectionChange(
  trx: Knex.Transaction,
  objection: ObjectionRow,
  change: ObjectionChange,
): Promise<void> {
  const note = change.note ?? null
  await appendChange(trx, objection.id, {
    type: change.type,
    status: objection.status,
    actor: change.actor,
    note,
    details: change.details ?? {},
  })
  const payload: ObjectionEvent = {
    objectionId: objection.id,
    status: objection.status,
    targetType: objection.target_type,
    providerDepartment: objection.provider_department,
    objectorDepartment: objection.objector_department,
    resourceCode: objection.resource_code,
    recordId: objection.record_id,
    certificateId: objection.certificate_id,
    actor: change.actor,
    reason: note,
    answerDeadline: objection.answer_deadline.toISOString(),
  }
  await appendEvents(trx, [{ topic: QUALITY_TOPIC, key: objection.id, type: change.type, payload }])
}
