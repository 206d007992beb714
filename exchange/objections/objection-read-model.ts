import type { Knex } from 'knex'
import { maskSubject } from '../../audit/audit-chain.ts'
import { DISPUTED, type ObjectionStatus } from './objection-rules.ts'
import type { ObjectionRow } from './objection-store.ts'

/** Cross-table reads of objections: proofs of receipt, targets, lists, quality figures, dispute marks. */

type Db = Knex | Knex.Transaction

/** The fetch action's name on the audit trail (exchange/fetch/fetch-service.ts). */
const FETCH_ACTION = 'exchange.fetch'

export interface ReceivedRecord {
  subjectMasked: string | null
  adapter: string | null
  kind: string | null
}

/**
 * Proof that the department received the record: the audit trail holds an allowed fetch answered
 * under that request id, by a principal of the department, on that resource, listing the record.
 * The trail is the hub's own durable account of what left it, so no caller-supplied subject is needed.
 */
export async function receivedRecord(
  db: Db,
  proof: { department: string; resourceCode: string; recordId: string; fetchRequestId: string },
): Promise<ReceivedRecord | undefined> {
  const row = (await db('audit_records')
    .where({
      resource_type: 'resource',
      resource_id: proof.resourceCode,
      request_id: proof.fetchRequestId,
      action: FETCH_ACTION,
      outcome: 'allowed',
      department: proof.department,
    })
    .whereRaw(`(details::jsonb -> 'recordIds') @> jsonb_build_array(?::text)`, [proof.recordId])
    .orderBy('id', 'desc')
    .first('subject_masked', db.raw('details::jsonb as details'))) as
    | { subject_masked: string | null; details: { adapter?: string; kind?: string } }
    | undefined
  if (!row) return undefined
  return {
    subjectMasked: row.subject_masked,
    adapter: row.details.adapter ?? null,
    kind: row.details.kind ?? null,
  }
}

export interface ObjectableResource {
  code: string
  provider: string
  shareType: 'unconditional' | 'conditional' | 'not-shared'
  items: string[]
  /** The resource's explicit source, if any (`PUT /v1/resources/{code}/source`). */
  source: { adapter: string; kind: string; hubHeld: boolean } | null
}

/** A published (or deprecated) resource with the items of its current version. */
export async function objectableResource(db: Db, code: string): Promise<ObjectableResource | undefined> {
  const row = (await db('resources')
    .where({ code })
    .whereIn('status', ['published', 'deprecated'])
    .first('id', 'code', 'provider_code', 'share_type', 'current_version')) as
    | {
        id: string
        code: string
        provider_code: string
        share_type: ObjectableResource['shareType']
        current_version: number
      }
    | undefined
  if (!row) return undefined
  const [items, source] = await Promise.all([
    db('resource_items')
      .where({ resource_id: row.id, version: row.current_version })
      .orderBy('position')
      .pluck('code') as Promise<string[]>,
    db('resource_sources')
      .where({ resource_code: row.code })
      .first('adapter', 'record_kind', 'hub_held') as Promise<
      { adapter: string; record_kind: string; hub_held: boolean } | undefined
    >,
  ])
  return {
    code: row.code,
    provider: row.provider_code,
    shareType: row.share_type,
    items,
    source: source ? { adapter: source.adapter, kind: source.record_kind, hubHeld: source.hub_held } : null,
  }
}

/** Whether the hub holds a copy of the record (so a correction can refresh it through the sync path). */
export async function heldRecord(db: Db, kind: string, recordId: string): Promise<boolean> {
  return (await db('hub_records').where({ kind, record_id: recordId }).first('record_id')) !== undefined
}

export async function caseDepartment(db: Db, caseNumber: string): Promise<string | undefined> {
  const row = (await db('cases').where({ case_number: caseNumber }).first('department_code')) as
    | { department_code: string }
    | undefined
  return row?.department_code
}

export interface FetchedCertificate {
  issuer: string
  holderMasked: string
  faceFields: string[]
}

/** The certificate, if a clerk of the case's department fetched it for that case. */
export async function fetchedCertificate(
  db: Db,
  caseNumber: string,
  certificateId: string,
): Promise<FetchedCertificate | undefined> {
  const row = (await db('case_material_fetches as f')
    .join('certificates as c', 'c.id', 'f.certificate_id')
    .where({ 'f.case_number': caseNumber, 'f.certificate_id': certificateId })
    .first('c.issuer_department', 'c.holder_id_number', 'c.face_data')) as
    | { issuer_department: string; holder_id_number: string; face_data: Record<string, unknown> }
    | undefined
  if (!row) return undefined
  return {
    issuer: row.issuer_department,
    holderMasked: maskSubject(row.holder_id_number),
    faceFields: Object.keys(row.face_data),
  }
}

export type ObjectionView = 'raised' | 'to-answer' | 'escalated'

export interface ObjectionListFilter {
  /** The rows the caller may read (the ability's conditions as SQL, `toKnexWhere`). */
  visible: (qb: Knex.QueryBuilder) => void
  /** The caller's department, which the views narrow to; null ⇒ every department (oversight). */
  department: string | null
  view?: ObjectionView
  status?: ObjectionStatus
  beforeId?: string
  limit: number
}

/** A page of objections the caller may see, newest first (one more than `limit`, to know if more follow). */
export async function listObjections(db: Db, filter: ObjectionListFilter): Promise<ObjectionRow[]> {
  const q = db('objections')
    .orderBy('id', 'desc')
    .limit(filter.limit + 1)
  const { department } = filter
  q.where(filter.visible)
  if (filter.view === 'raised' && department !== null) q.where('objector_department', department)
  if (filter.view === 'to-answer') {
    q.whereIn('status', ['open', 'upheld'])
    if (department !== null) q.where('provider_department', department)
  }
  if (filter.view === 'escalated') q.where('status', 'escalated')
  if (filter.status) q.where('status', filter.status)
  if (filter.beforeId) q.where('id', '<', filter.beforeId)
  const rows = await q
  return rows.map((r) => ({ ...r, id: String(r.id) }) as ObjectionRow)
}

export interface QualityRow {
  department: string
  raised: number
  confirmed: number
  rejected: number
  open: number
  overdue: number
  medianAnswerSeconds: number | null
}

/**
 * Per provider: objections raised in the window, how many the provider confirmed or rejected (its
 * first answer), still unanswered, escalated for missing a deadline, and the median time to answer.
 */
export async function qualityFigures(
  db: Db,
  window: { from: Date; to: Date; department: string | null },
): Promise<QualityRow[]> {
  const rows = (await db.raw(
    `
    with firsts as (
      select o.id, o.provider_department, o.created_at, o.first_answered_at, o.overdue, o.status,
             (select c.type from objection_changes c
               where c.objection_id = o.id and c.type in ('objection.confirmed', 'objection.rejected')
               order by c.id limit 1) as first_answer
        from objections o
       where o.created_at >= ? and o.created_at < ? and (?::text is null or o.provider_department = ?::text)
    )
    select provider_department as department,
           count(*)::int as raised,
           count(*) filter (where first_answer = 'objection.confirmed')::int as confirmed,
           count(*) filter (where first_answer = 'objection.rejected')::int as rejected,
           count(*) filter (where first_answered_at is null)::int as open,
           count(*) filter (where overdue)::int as overdue,
           percentile_cont(0.5) within group (order by extract(epoch from first_answered_at - created_at))
             filter (where first_answered_at is not null) as median
      from firsts
     group by provider_department
     order by provider_department`,
    [window.from, window.to, window.department, window.department],
  )) as {
    rows: {
      department: string
      raised: number
      confirmed: number
      rejected: number
      open: number
      overdue: number
      median: number | null
    }[]
  }
  return rows.rows.map(({ median, ...r }) => ({
    ...r,
    medianAnswerSeconds: median === null ? null : Math.round(Number(median)),
  }))
}

/** The unresolved objection on each of these records of a resource (record id ⇒ objection id). */
export async function disputedRecords(
  db: Db,
  resourceCode: string,
  recordIds: readonly string[],
): Promise<Map<string, string>> {
  if (recordIds.length === 0) return new Map()
  const rows = (await db('objections')
    .where({ target_type: 'record', resource_code: resourceCode })
    .whereIn('record_id', [...new Set(recordIds)])
    .whereIn('status', DISPUTED)
    .orderBy('id')
    .select('id', 'record_id')) as { id: string | number; record_id: string }[]
  return new Map(rows.map((r) => [r.record_id, String(r.id)]))
}

/** The unresolved objection on each of these certificates (certificate id ⇒ objection id). */
export async function disputedCertificates(
  db: Db,
  certificateIds: readonly string[],
): Promise<Map<string, string>> {
  if (certificateIds.length === 0) return new Map()
  const rows = (await db('objections')
    .where({ target_type: 'certificate' })
    .whereIn('certificate_id', [...new Set(certificateIds)])
    .whereIn('status', DISPUTED)
    .orderBy('id')
    .select('id', 'certificate_id')) as { id: string | number; certificate_id: string }[]
  return new Map(rows.map((r) => [r.certificate_id, String(r.id)]))
}

/**
 * The unresolved record objections of a resource by the records' own keys (key ⇒ objection id), for
 * deliveries that name records by key (dataset subscriptions). Objections name records as fetches
 * did — by sealed reference, opened here with `openRef` — or, when raised before references were
 * sealed, by the key itself. Disputes are few per resource, so they are read whole rather than
 * looked up per delivered record.
 */
export async function disputedRecordKeys(
  db: Db,
  openRef: (resourceCode: string, reference: string) => string | null,
  resourceCode: string,
): Promise<Map<string, string>> {
  const rows = (await db('objections')
    .where({ target_type: 'record', resource_code: resourceCode })
    .whereNotNull('record_id')
    .whereIn('status', DISPUTED)
    .orderBy('id')
    .select('id', 'record_id')) as { id: string | number; record_id: string }[]
  const keys = new Map<string, string>()
  for (const row of rows) {
    const key = openRef(resourceCode, row.record_id) ?? row.record_id
    if (!keys.has(key)) keys.set(key, String(row.id))
  }
  return keys
}
