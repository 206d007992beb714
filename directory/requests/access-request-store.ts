import type { Knex } from 'knex'
import type { AccessRequest } from '../../schemas/generated/types.ts'

/** The SQL of `access_requests` and its timeline `access_request_events`. */

type Db = Knex | Knex.Transaction

export type RequestStatus = AccessRequest['status']

export interface AccessRequestRow {
  id: string
  consumer_department: string
  requested_by: string
  resource_id: string
  resource_code: string
  provider_department: string
  resource_version: number
  share_type: AccessRequest['shareType']
  items: string[]
  purpose_code: string
  purpose_text: string
  legal_basis: string
  service_items: string[]
  period_from: string
  period_to: string
  expected_volume: number
  status: RequestStatus
  decision_deadline: Date | null
  decided_at: Date | null
  decided_by: string | null
  decision_reason: string | null
  grant_id: string | null
  overdue_at: Date | null
  created_at: Date
  updated_at: Date
}

export type NewAccessRequest = Pick<
  AccessRequestRow,
  | 'consumer_department'
  | 'requested_by'
  | 'resource_id'
  | 'resource_code'
  | 'provider_department'
  | 'resource_version'
  | 'share_type'
  | 'items'
  | 'purpose_code'
  | 'purpose_text'
  | 'legal_basis'
  | 'service_items'
  | 'period_from'
  | 'period_to'
  | 'expected_volume'
  | 'status'
  | 'decision_deadline'
>

/** Subject attributes of a request → columns, for `toKnexWhere`. */
export const REQUEST_COLUMNS: Readonly<Record<string, string>> = {
  consumerDepartment: 'access_requests.consumer_department',
  providerDepartment: 'access_requests.provider_department',
  requestedBy: 'access_requests.requested_by',
}

// Dates come back as text so a calendar day never shifts with the server's time zone (node-pg keeps
// the last of two same-named columns, so these replace the `date` values of `*`).
const PERIOD =
  "to_char(period_from, 'YYYY-MM-DD') as period_from, to_char(period_to, 'YYYY-MM-DD') as period_to"

export function selectRequests(db: Db): Knex.QueryBuilder {
  return db('access_requests').select('access_requests.*', db.raw(PERIOD))
}

export function toAccessRequest(row: AccessRequestRow, now: Date): AccessRequest {
  return {
    id: String(row.id),
    status: row.status,
    consumerDepartment: row.consumer_department,
    requestedBy: row.requested_by,
    resourceCode: row.resource_code,
    providerDepartment: row.provider_department,
    resourceVersion: row.resource_version,
    shareType: row.share_type,
    items: row.items,
    purpose: { code: row.purpose_code, text: row.purpose_text },
    legalBasis: row.legal_basis,
    serviceItems: row.service_items,
    period: { from: row.period_from, to: row.period_to },
    expectedVolume: row.expected_volume,
    decisionDeadline: row.decision_deadline?.toISOString() ?? null,
    overdue: row.status === 'pending' && row.decision_deadline !== null && row.decision_deadline <= now,
    decidedAt: row.decided_at?.toISOString() ?? null,
    decidedBy: row.decided_by,
    decisionReason: row.decision_reason,
    grantId: row.grant_id === null ? null : String(row.grant_id),
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  }
}

export async function insertRequest(trx: Db, request: NewAccessRequest): Promise<AccessRequestRow> {
  const [{ id }] = (await trx('access_requests')
    .insert({
      ...request,
      items: JSON.stringify(request.items),
      service_items: JSON.stringify(request.service_items),
    })
    .returning('id')) as { id: string }[] as [{ id: string }]
  return (await findRequest(trx, id))!
}

export async function findRequest(db: Db, id: string): Promise<AccessRequestRow | undefined> {
  return (await selectRequests(db).where('access_requests.id', id).first()) as AccessRequestRow | undefined
}

export async function lockRequest(trx: Db, id: string): Promise<AccessRequestRow | undefined> {
  return (await selectRequests(trx).where('access_requests.id', id).forUpdate().first()) as
    | AccessRequestRow
    | undefined
}

export async function updateRequest(
  trx: Db,
  id: string,
  changes: Partial<Omit<AccessRequestRow, 'id' | 'items' | 'service_items'>>,
): Promise<AccessRequestRow> {
  await trx('access_requests')
    .where({ id })
    .update({ ...changes, updated_at: trx.fn.now() })
  return (await findRequest(trx, id))!
}

export async function hasPendingRequest(db: Db, consumer: string, resourceId: string): Promise<boolean> {
  const row = await db('access_requests')
    .select('id')
    .where({ consumer_department: consumer, resource_id: resourceId, status: 'pending' })
    .first()
  return row !== undefined
}

/** Pending requests past their deadline that were not flagged yet, locked against concurrent runs. */
export async function lockNewlyOverdue(trx: Db, now: Date, limit: number): Promise<AccessRequestRow[]> {
  return (await selectRequests(trx)
    .where('status', 'pending')
    .whereNull('overdue_at')
    .where('decision_deadline', '<=', now)
    .orderBy('id')
    .limit(limit)
    .forUpdate()
    .skipLocked()) as AccessRequestRow[]
}

export interface TimelineEntryRow {
  type: string
  status: string
  actor: string
  note: string | null
  details: Record<string, unknown>
  at: Date
}

export async function appendTimeline(
  trx: Db,
  requestId: string,
  entry: Omit<TimelineEntryRow, 'at'>,
): Promise<void> {
  await trx('access_request_events').insert({
    request_id: requestId,
    ...entry,
    details: JSON.stringify(entry.details),
  })
}

export async function timelineOf(db: Db, requestId: string): Promise<TimelineEntryRow[]> {
  return (await db('access_request_events')
    .select('type', 'status', 'actor', 'note', 'details', 'at')
    .where({ request_id: requestId })
    .orderBy('id')) as TimelineEntryRow[]
}
