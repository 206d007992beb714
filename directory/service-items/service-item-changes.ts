import type { NewEvent } from '../../platform/events/event-types.ts'
import type { AuditEvent, RefusalEvent } from '../../policies/request-context.ts'
import type { ServiceItem, ServiceItemEvent } from '../../schemas/generated/types.ts'
import { DIRECTORY_TOPIC } from '../directory-topic.ts'

/** What every change of the 事项 catalog leaves behind: an outbox event and an audit record. */

export type ServiceItemEventType = 'service-item.created' | 'service-item.updated' | 'service-item.retired'

/** The outbox event of a change (schemas/events/service-item-event.json), keyed by the item code. */
export function serviceItemEvent(
  type: ServiceItemEventType,
  item: ServiceItem,
  actor: string,
  comment: string | null,
): NewEvent {
  const payload: ServiceItemEvent = {
    code: item.code,
    name: item.name,
    department: item.department,
    version: item.version,
    status: item.status,
    origin: item.origin,
    actor,
    comment,
  }
  return { topic: DIRECTORY_TOPIC, key: item.code, type, payload }
}

/** The audit entry of an allowed change. */
export function changeAudit(
  type: ServiceItemEventType,
  item: ServiceItem,
  comment: string | null,
): AuditEvent {
  return {
    action: `directory.${type}`,
    resourceType: 'service-item',
    resourceId: item.code,
    outcome: 'allowed',
    details: { version: item.version, department: item.department, origin: item.origin, comment },
  }
}

/** What a refused change records beside its reason (`throw await ctx.audit.refused(error, …)`). */
export function refusedChange(action: string, code: string): RefusalEvent {
  return { action: `directory.service-item.${action}`, resourceType: 'service-item', resourceId: code }
}
