import type { NewEvent } from '../../platform/events/event-types.ts'
import type { AuditRecorder } from '../../policies/request-context.ts'
import type { ResourceEvent } from '../../schemas/generated/types.ts'
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

/** One change, as the audit trail will record it (who made it comes from the request context). */
export interface ResourceChange {
  action: ResourceEventType
  code: string
  version: number
  provider: string
  comment: string | null
}

/** The outbox event of a change (schemas/events/resource-event.json), keyed by the resource code. */
export function resourceEvent(type: ResourceEventType, payload: ResourceEvent): NewEvent {
  return { topic: DIRECTORY_TOPIC, key: payload.code, type, payload }
}

/**
 * THE call site for audit records of directory changes, through the caller's recorder. The record is
 * group-committed on its own (before the change commits and before the answer), so a change that then
 * rolls back leaves a record of the attempt.
 */
export async function recordResourceChange(audit: AuditRecorder, change: ResourceChange): Promise<void> {
  await audit.record({
    action: `directory.${change.action}`,
    resourceType: 'resource',
    resourceId: change.code,
    outcome: 'allowed',
    details: { version: change.version, provider: change.provider, comment: change.comment },
  })
}
