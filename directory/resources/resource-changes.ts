import type { Knex } from 'knex'
import type { NewEvent } from '../../platform/events/event-types.ts'
import type { Principal, ResourceEvent } from '../../schemas/generated/types.ts'

/** What every change of the directory leaves behind: an outbox event and an audit record. */

export const DIRECTORY_TOPIC = 'directory-events'

export type ResourceEventType =
  | 'resource.created'
  | 'resource.updated'
  | 'resource.submitted'
  | 'resource.published'
  | 'resource.returned'
  | 'resource.deprecated'
  | 'resource.withdrawn'

/** One change, as the audit trail will record it. */
export interface ResourceChange {
  action: ResourceEventType
  code: string
  version: number
  provider: string
  actor: Principal
  comment: string | null
}

/**
 * THE call site for audit records of directory changes. It runs inside the change's transaction;
 * the composition root will pass the audit writer here once audit/ lands (no-op until then).
 */
export type ResourceChangeRecorder = (trx: Knex.Transaction, change: ResourceChange) => Promise<void>

export const recordNothing: ResourceChangeRecorder = async () => {}

/** The outbox event of a change (schemas/events/resource-event.json), keyed by the resource code. */
export function resourceEvent(type: ResourceEventType, payload: ResourceEvent): NewEvent {
  return { topic: DIRECTORY_TOPIC, key: payload.code, type, payload }
}
