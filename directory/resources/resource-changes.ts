import type { Knex } from 'knex'
import type { AuditWriter } from '../../audit/audit-writer.ts'
import type { NewEvent } from '../../platform/events/event-types.ts'
import type { Principal, ResourceEvent } from '../../schemas/generated/types.ts'
import { DIRECTORY_TOPIC } from '../directory-topic.ts'

/** What every change of the directory leaves behind: an outbox event and an audit record. */

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
 * the composition root passes `auditChanges(app.audit.writer)`; tests of the catalog alone use the no-op.
 */
export type ResourceChangeRecorder = (trx: Knex.Transaction, change: ResourceChange) => Promise<void>

export const recordNothing: ResourceChangeRecorder = async () => {}

/** The outbox event of a change (schemas/events/resource-event.json), keyed by the resource code. */
export function resourceEvent(type: ResourceEventType, payload: ResourceEvent): NewEvent {
  return { topic: DIRECTORY_TOPIC, key: payload.code, type, payload }
}

/**
 * The audit writer as a change recorder. The record is group-committed on its own (before the change
 * commits and before the answer), so a change that then rolls back leaves a record of the attempt.
 */
export function auditChanges(writer: Pick<AuditWriter, 'record'>): ResourceChangeRecorder {
  return async (_trx, change) => {
    await writer.record({
      principal: change.actor.subject,
      department: change.actor.department,
      roles: change.actor.roles,
      action: `directory.${change.action}`,
      resourceType: 'resource',
      resourceId: change.code,
      outcome: 'allowed',
      details: { version: change.version, provider: change.provider, comment: change.comment },
    })
  }
}
