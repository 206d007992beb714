import type { Knex } from 'knex'
import type { AuditRecord } from '../schemas/generated/types.ts'

/** Searches over the trail for auditors. Filters are pushed into SQL; pages are keyset by id. */

export interface AuditFilter {
  /** Keyed hash of the subject identifier (the caller hashes; plain identifiers never reach SQL). */
  subjectHash?: string
  principal?: string
  department?: string
  resourceType?: string
  resourceId?: string
  caseNumber?: string
  outcome?: 'allowed' | 'denied'
  from?: Date
  to?: Date
}

interface RecordRow {
  id: number
  occurred_at: Date
  principal: string
  department: string | null
  roles: string[]
  action: string
  resource_type: string
  resource_id: string | null
  subject_masked: string | null
  items: string[]
  purpose: string | null
  case_number: string | null
  grant_id: string | null
  outcome: 'allowed' | 'denied'
  reason: string | null
  request_id: string | null
  client_address: string | null
  /** Canonical JSON text (stored as text so the hashed bytes are the stored bytes). */
  details: string | null
  prev_hash: string
  hash: string
}

const COLUMNS = [
  'id',
  'occurred_at',
  'principal',
  'department',
  'roles',
  'action',
  'resource_type',
  'resource_id',
  'subject_masked',
  'items',
  'purpose',
  'case_number',
  'grant_id',
  'outcome',
  'reason',
  'request_id',
  'client_address',
  'details',
  'prev_hash',
  'hash',
]

function toRecord(row: RecordRow): AuditRecord {
  return {
    id: Number(row.id),
    occurredAt: row.occurred_at.toISOString(),
    principal: row.principal,
    department: row.department,
    roles: row.roles,
    action: row.action,
    resourceType: row.resource_type,
    resourceId: row.resource_id,
    subjectMasked: row.subject_masked,
    items: row.items,
    purpose: row.purpose,
    caseNumber: row.case_number,
    grantId: row.grant_id,
    outcome: row.outcome,
    reason: row.reason,
    requestId: row.request_id,
    clientAddress: row.client_address,
    details: row.details === null ? null : (JSON.parse(row.details) as Record<string, unknown>),
    prevHash: row.prev_hash,
    hash: row.hash,
  }
}

function filtered(db: Knex, filter: AuditFilter): Knex.QueryBuilder {
  const q = db('audit_records').select(COLUMNS)
  const equals: [string, string | undefined][] = [
    ['subject_hash', filter.subjectHash],
    ['principal', filter.principal],
    ['department', filter.department],
    ['resource_type', filter.resourceType],
    ['resource_id', filter.resourceId],
    ['case_number', filter.caseNumber],
    ['outcome', filter.outcome],
  ]
  for (const [column, value] of equals) if (value !== undefined) q.where(column, value)
  // Bounds on occurred_at let PostgreSQL skip whole monthly partitions.
  if (filter.from) q.where('occurred_at', '>=', filter.from)
  if (filter.to) q.where('occurred_at', '<', filter.to)
  return q
}

export class AuditReadModel {
  constructor(private readonly db: Knex) {}

  /** Newest first; `beforeId` is the cursor (the last id of the previous page). */
  async search(filter: AuditFilter, page: { beforeId?: number; limit: number }) {
    const q = filtered(this.db, filter)
      .orderBy('id', 'desc')
      .limit(page.limit + 1)
    if (page.beforeId !== undefined) q.where('id', '<', page.beforeId)
    const rows = (await q) as RecordRow[]
    const items = rows.slice(0, page.limit).map(toRecord)
    const more = rows.length > page.limit
    return { items, nextCursor: more ? String(items[items.length - 1]!.id) : null }
  }

  /** Every matching record, oldest first, read in keyset batches so an export never loads all at once. */
  async *stream(filter: AuditFilter, batchSize = 5_000): AsyncGenerator<AuditRecord> {
    let afterId = 0
    for (;;) {
      const rows = (await filtered(this.db, filter)
        .where('id', '>', afterId)
        .orderBy('id', 'asc')
        .limit(batchSize)) as RecordRow[]
      for (const row of rows) yield toRecord(row)
      if (rows.length < batchSize) return
      afterId = Number(rows[rows.length - 1]!.id)
    }
  }
}
