import type { Knex } from 'knex'
import { runPrepared } from '../../platform/db/prepared-statement.ts'
import type { LapsedGrant } from '../../policies/fetch-policy.ts'
import type { ItemFields } from './record-item-map.ts'

/**
 * The cross-table reads of a fetch: the published resource with its current version's items and
 * source (resources ⋈ resource_versions ⋈ resource_items ⟕ resource_sources), why a department has no
 * usable grant, whether a subject is the applicant of an open case, and hub-held records.
 */

type Db = Knex | Knex.Transaction

export interface PublishedResource {
  id: string
  code: string
  provider: string
  version: number
  shareType: string
  /** `resource_versions.source_adapter`: an adapter name or the department code of its system. */
  sourceAdapter: string | null
  items: string[]
  explicit: { adapter: string; recordKind: string; hubHeld: boolean; itemFields: ItemFields | null } | null
}

interface Row {
  id: string
  code: string
  provider_code: string
  current_version: number
  share_type: string
  source_adapter: string | null
  items: string[] | null
  adapter: string | null
  record_kind: string | null
  hub_held: boolean | null
  item_fields: ItemFields | null
}

export async function publishedResource(db: Db, code: string): Promise<PublishedResource | undefined> {
  const row = (await db('resources as r')
    .join('resource_versions as v', function () {
      this.on('v.resource_id', 'r.id').andOn('v.version', 'r.current_version')
    })
    .leftJoin('resource_sources as s', 's.resource_code', 'r.code')
    .where('r.code', code)
    .where('r.status', 'published')
    .first(
      'r.id',
      'r.code',
      'r.provider_code',
      'r.current_version',
      'v.share_type',
      'v.source_adapter',
      's.adapter',
      's.record_kind',
      's.hub_held',
      's.item_fields',
      db.raw(
        `(select array_agg(i.code order by i.position) from resource_items i
          where i.resource_id = r.id and i.version = r.current_version) as items`,
      ),
    )) as Row | undefined
  if (!row) return undefined
  return {
    id: String(row.id),
    code: row.code,
    provider: row.provider_code,
    version: row.current_version,
    shareType: row.share_type,
    sourceAdapter: row.source_adapter,
    items: row.items ?? [],
    explicit:
      row.adapter && row.record_kind
        ? {
            adapter: row.adapter,
            recordKind: row.record_kind,
            hubHeld: row.hub_held === true,
            itemFields: row.item_fields,
          }
        : null,
  }
}

/** The department's latest grant on the resource (to explain why it holds no usable one). */
export async function latestGrantOf(
  db: Db,
  department: string,
  resourceId: string,
): Promise<LapsedGrant | undefined> {
  const last = (await db('grants')
    .where({ consumer_department: department, resource_id: resourceId })
    .orderBy('created_at', 'desc')
    .first('id', 'status', 'valid_until')) as
    | { id: string | number; status: string; valid_until: Date }
    | undefined
  return last && { id: String(last.id), status: last.status, validUntil: last.valid_until }
}

/** Which of `subjectIds` are the applicant of `caseNumber`, handled by `department` and not completed. */
export async function applicantsOfOpenCase(
  db: Db,
  caseNumber: string,
  department: string,
  subjectIds: readonly string[],
): Promise<Set<string>> {
  const row = (await db('cases')
    .where({ case_number: caseNumber, department_code: department })
    .whereNot('status', 'completed')
    .first('applicant_id_number')) as { applicant_id_number: string } | undefined
  return new Set(row && subjectIds.includes(row.applicant_id_number) ? [row.applicant_id_number] : [])
}

export interface HeldRecord {
  recordId: string
  subjectId: string
  data: Record<string, unknown>
}

/** Hub-held records of a kind about the given subjects (one indexed read for the whole batch). */
export async function heldRecords(
  db: Knex,
  kind: string,
  subjectIds: readonly string[],
): Promise<HeldRecord[]> {
  const { rows } = await runPrepared<{
    record_id: string
    subject_id: string
    data: Record<string, unknown>
  }>(
    db,
    'hub_held_records_of_subjects',
    `select record_id, subject_id, data from hub_records
      where kind = $1 and subject_id = any($2::text[]) order by subject_id, record_id`,
    [kind, [...subjectIds]],
  )
  return rows.map((r) => ({ recordId: r.record_id, subjectId: r.subject_id, data: r.data }))
}

/** A page of hub-held records of a kind whose canonical fields equal `filter` (text comparison), by record id. */
export async function heldPage(
  db: Db,
  kind: string,
  filter: Readonly<Record<string, string>>,
  afterRecordId: string | null,
  limit: number,
): Promise<HeldRecord[]> {
  const query = db('hub_records').where('kind', kind)
  for (const [field, value] of Object.entries(filter)) query.whereRaw('data ->> ? = ?', [field, value])
  if (afterRecordId !== null) query.where('record_id', '>', afterRecordId)
  const rows = (await query.orderBy('record_id').limit(limit).select('record_id', 'subject_id', 'data')) as {
    record_id: string
    subject_id: string
    data: Record<string, unknown>
  }[]
  return rows.map((r) => ({ recordId: r.record_id, subjectId: r.subject_id, data: r.data }))
}

/** When the (adapter, kind) copy last caught up with its source; null when it never has. */
export async function lastCaughtUp(db: Db, adapter: string, kind: string): Promise<Date | null> {
  const row = (await db('hub_sync_cursors').where({ adapter, kind }).first('caught_up_at')) as
    | { caught_up_at: Date | null }
    | undefined
  return row?.caught_up_at ?? null
}
