import type { AuditEvent } from '../../audit/audit-plugin.ts'
import type { NewEvent } from '../../platform/events/event-types.ts'
import type { ServiceItem, ServiceItemEvent } from '../../schemas/generated/types.ts'
import { DIRECTORY_TOPIC } from '../directory-topic.ts'

/** What every change of the 事项 catalog leaves behind: an outbox event and an audit record. */

export type ServiceItemEventType = 'service-item.created' | 'service-item.updated' | 'service-item.retired'

/**
 * Records an audit entry on behalf of the caller, durably, before the answer (the route passes
 * `app.audit.recordFor(request, …)`; the province sync passes the writer with its own principal).
 */
export type AuditSink = (event: AuditEvent) => Promise<unknown>

export const auditNothing: AuditSink = async () => {}

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

/** The audit entry of a refused change (written before the 403 goes out). */
export function deniedAudit(action: string, code: string, reason: string): AuditEvent {
  return {
    action: `directory.service-item.${action}`,
    resourceType: 'service-item',
    resourceId: code,
    outcome: 'denied',
    reason,
  }
}
