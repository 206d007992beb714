import type { Knex } from 'knex'
import { appendEvents } from '../../platform/events/outbox-store.ts'
import type { AccessEvent } from '../../schemas/generated/types.ts'
import { type AccessRequestRow, appendTimeline } from './access-request-store.ts'

export const ACCESS_TOPIC = 'access-events'

/** Who made an automatic change (unconditional grants, automatic refusals, expiry, escalation). */
export const HUB_ACTOR = 'hub'

export type AccessEventType =
  | 'access.requested'
  | 'access.granted'
  | 'access.refused'
  | 'access.withdrawn'
  | 'access.overdue'
  | 'grant.revoked'
  | 'grant.renewed'
  | 'grant.expired'

export interface AccessChange {
  type: AccessEventType
  /** Request status after the change, or the grant's status for grant.* changes. */
  status: string
  actor: string
  reason?: string | null
  grantId?: string | null
  details?: Record<string, unknown>
}

/**
 * Records one state change of a request (or of its grant): a timeline row and an outbox event, in the
 * caller's transaction, so the timeline, the event and the change exist together or not at all.
 */
export async function recordAccessChange(
  trx: Knex.Transaction,
  request: Pick<AccessRequestRow, 'id' | 'consumer_department' | 'provider_department' | 'resource_code'>,
  change: AccessChange,
): Promise<void> {
  const grantId = change.grantId ?? null
  await appendTimeline(trx, String(request.id), {
    type: change.type,
    status: change.status,
    actor: change.actor,
    note: change.reason ?? null,
    details: { ...(grantId === null ? {} : { grantId }), ...change.details },
  })
  const payload: AccessEvent = {
    requestId: String(request.id),
    status: change.status,
    consumerDepartment: request.consumer_department,
    providerDepartment: request.provider_department,
    resourceCode: request.resource_code,
    grantId,
    actor: change.actor,
    reason: change.reason ?? null,
  }
  await appendEvents(trx, [{ topic: ACCESS_TOPIC, key: String(request.id), type: change.type, payload }])
}
