import type { Knex } from 'knex'
import type { ServiceItem, ServiceItemType } from '../../schemas/generated/types.ts'

/** The SQL of `service_items` (事项): single-table reads and writes. */

type Db = Knex | Knex.Transaction

/** An item without its materials, as stored. */
export type ServiceItemRecord = Omit<ServiceItem, 'materials'>

interface ServiceItemRow {
  code: string
  implementation_code: string | null
  name: string
  item_type: ServiceItemType
  department_code: string | null
  implementing_credit_code: string | null
  division_code: string | null
  legal_basis: string
  promised_working_days: number | null
  one_visit: boolean
  version: number
  status: 'active' | 'retired'
  status_reason: string | null
  origin: 'local' | 'province'
  updated_at: Date
}

export function toRecord(row: ServiceItemRow): ServiceItemRecord {
  return {
    code: row.code,
    implementationCode: row.implementation_code,
    name: row.name,
    type: row.item_type,
    department: row.department_code,
    implementingCreditCode: row.implementing_credit_code,
    divisionCode: row.division_code,
    legalBasis: row.legal_basis,
    promisedWorkingDays: row.promised_working_days,
    oneVisit: row.one_visit,
    version: row.version,
    status: row.status,
    statusReason: row.status_reason,
    origin: row.origin,
    updatedAt: new Date(row.updated_at).toISOString(),
  }
}

function toRow(r: Omit<ServiceItemRecord, 'updatedAt'>, searchText: string) {
  return {
    code: r.code,
    implementation_code: r.implementationCode,
    name: r.name,
    item_type: r.type,
    department_code: r.department,
    implementing_credit_code: r.implementingCreditCode,
    division_code: r.divisionCode,
    legal_basis: r.legalBasis,
    promised_working_days: r.promisedWorkingDays,
    one_visit: r.oneVisit,
    version: r.version,
    status: r.status,
    status_reason: r.statusReason,
    origin: r.origin,
    search_text: searchText,
  }
}

export async function findServiceItem(
  db: Db,
  code: string,
  { lock = false } = {},
): Promise<ServiceItemRecord | undefined> {
  const q = db('service_items').where({ code }).first()
  if (lock) q.forUpdate()
  const row = (await q) as ServiceItemRow | undefined
  return row && toRecord(row)
}

export async function existingServiceItemCodes(db: Db, codes: readonly string[]): Promise<Set<string>> {
  if (codes.length === 0) return new Set()
  const rows = (await db('service_items')
    .whereIn('code', [...new Set(codes)])
    .select('code')) as {
    code: string
  }[]
  return new Set(rows.map((r) => r.code))
}

export interface StoredServiceItem {
  record: Omit<ServiceItemRecord, 'updatedAt'>
  searchText: string
}

/** Inserts new items; a code taken meanwhile fails with the unique violation (see serviceItemExists). */
export async function insertServiceItems(
  trx: Db,
  items: readonly StoredServiceItem[],
): Promise<ServiceItemRecord[]> {
  if (items.length === 0) return []
  const rows = (await trx('service_items')
    .insert(items.map((i) => toRow(i.record, i.searchText)))
    .returning('*')) as ServiceItemRow[]
  return rows.map(toRecord)
}

/** Replaces the stored state of an item with its next version. */
export async function replaceServiceItem(trx: Db, item: StoredServiceItem): Promise<ServiceItemRecord> {
  const [row] = (await trx('service_items')
    .where({ code: item.record.code })
    .update({ ...toRow(item.record, item.searchText), updated_at: trx.fn.now() })
    .returning('*')) as ServiceItemRow[]
  return toRecord(row!)
}
