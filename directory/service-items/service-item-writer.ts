import type { Knex } from 'knex'
import { appendEvents } from '../../platform/events/outbox-store.ts'
import type { AuditRecorder } from '../../policies/request-context.ts'
import type { ServiceItem, ServiceItemMaterial } from '../../schemas/generated/types.ts'
import { changeAudit, type ServiceItemEventType, serviceItemEvent } from './service-item-changes.ts'
import { replaceMaterials } from './service-item-material-store.ts'
import { searchTextOf } from './service-item-rules.ts'
import { insertServiceItems, replaceServiceItem, type ServiceItemRecord } from './service-item-store.ts'
import { insertVersions } from './service-item-version-store.ts'

/** One version to write: the item's next stored state and its materials. */
export interface NextVersion {
  record: Omit<ServiceItemRecord, 'updatedAt'>
  materials: ServiceItemMaterial[]
  departmentName: string | null
}

/**
 * Writes a version: the item's row, its materials, the snapshot, the outbox event and the audit
 * record (through the caller's recorder, `ctx.audit`), inside the change's transaction. Every change
 * and the province sync write through here.
 */
export async function writeVersion(
  trx: Knex.Transaction,
  actor: string,
  type: ServiceItemEventType,
  next: NextVersion,
  comment: string | null,
  audit: AuditRecorder,
  isNew = false,
): Promise<ServiceItem> {
  const searchText = searchTextOf(next.record, next.departmentName, next.materials)
  const saved = isNew
    ? (await insertServiceItems(trx, [{ record: next.record, searchText }]))[0]!
    : await replaceServiceItem(trx, { record: next.record, searchText })
  await replaceMaterials(trx, new Map([[saved.code, next.materials]]))
  const view: ServiceItem = { ...saved, materials: next.materials }
  await insertVersions(trx, [{ snapshot: view, changedBy: actor, change: type }])
  await appendEvents(trx, [serviceItemEvent(type, view, actor, comment)])
  await audit.record(changeAudit(type, view, comment))
  return view
}
