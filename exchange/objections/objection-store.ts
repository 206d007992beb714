import type { Knex } from 'knex'
import type { ObjectionStatus } from './objection-rules.ts'

/** The SQL of `objections`, `objection_attachments` and `objection_changes`. */

type Db = Knex | Knex.Transaction

export interface ObjectionRow {
  id: string
  target_type: 'resource' | 'record' | 'certificate'
  resource_code: string | null
  source_adapter: string | null
  record_kind: string | null
  record_id: string | null
  certificate_id: string | null
  fetch_request_id: string | null
  case_number: string | null
  subject_masked: string | null
  provider_department: string
  objector_department: string
  raised_by: string
  items: string[]
  description: string
  observed_values: Record<string, string>
  evidence: string | null
  share_type: string
  status: ObjectionStatus
  answer_deadline: Date
  first_answered_at: Date | null
  answered_at: Date | null
  answered_by: string | null
  answer_reason: string | null
  correction: Record<string, unknown> | null
  overdue: boolean
  escalated_at: Date | null
  ruling: 'uphold' | 'dismiss' | null
  ruled_by: string | null
  ruled_at: Date | null
  closed_at: Date | null
  created_at: Date
  updated_at: Date
}

export type NewObjection = Omit<
  ObjectionRow,
  | 'id'
  | 'status'
  | 'first_answered_at'
  | 'answered_at'
  | 'answered_by'
  | 'answer_reason'
  | 'correction'
  | 'overdue'
  | 'escalated_at'
  | 'ruling'
  | 'ruled_by'
  | 'ruled_at'
  | 'closed_at'
  | 'created_at'
  | 'updated_at'
>

export interface AttachmentMeta {
  id: string
  objection_id: string
  file_name: string
  media_type: string
  size: number
}

export interface ChangeRow {
  type: string
  status: string
  actor: string
  note: string | null
  details: Record<string, unknown>
  at: Date
}

const id = (row: { id: string | number }) => ({ ...row, id: String(row.id) })

export async function insertObjection(trx: Knex.Transaction, row: NewObjection): Promise<ObjectionRow> {
  const [inserted] = await trx('objections')
    .insert({ ...row, status: 'open', observed_values: JSON.stringify(row.observed_values) })
    .returning('*')
  return id(inserted) as ObjectionRow
}

export async function findObjection(db: Db, objectionId: string): Promise<ObjectionRow | undefined> {
  const row = await db('objections').where({ id: objectionId }).first()
  return row ? (id(row) as ObjectionRow) : undefined
}

export async function lockObjection(
  trx: Knex.Transaction,
  objectionId: string,
): Promise<ObjectionRow | undefined> {
  const row = await trx('objections').where({ id: objectionId }).forUpdate().first()
  return row ? (id(row) as ObjectionRow) : undefined
}

export async function updateObjection(
  trx: Knex.Transaction,
  objectionId: string,
  patch: Partial<Omit<ObjectionRow, 'id' | 'created_at'>>,
): Promise<ObjectionRow> {
  const values: Record<string, unknown> = { ...patch, updated_at: trx.fn.now() }
  if (patch.correction !== undefined) values.correction = JSON.stringify(patch.correction)
  const [row] = await trx('objections').where({ id: objectionId }).update(values).returning('*')
  return id(row) as ObjectionRow
}

/** Objections whose provider missed the deadline, locked so two hub instances never escalate one twice. */
export async function lockOverdue(trx: Knex.Transaction, now: Date, limit: number): Promise<ObjectionRow[]> {
  const rows = await trx('objections')
    .whereIn('status', ['open', 'upheld'])
    .where('answer_deadline', '<=', now)
    .orderBy('id')
    .limit(limit)
    .forUpdate()
    .skipLocked()
  return rows.map((r) => id(r) as ObjectionRow)
}

export async function insertAttachments(
  trx: Knex.Transaction,
  objectionId: string,
  files: readonly { fileName: string; mediaType: string; bytes: Buffer }[],
): Promise<void> {
  if (files.length === 0) return
  await trx('objection_attachments').insert(
    files.map((f) => ({
      objection_id: objectionId,
      file_name: f.fileName,
      media_type: f.mediaType,
      content: f.bytes,
    })),
  )
}

export async function attachmentsOf(db: Db, objectionIds: readonly string[]): Promise<AttachmentMeta[]> {
  if (objectionIds.length === 0) return []
  const rows = (await db('objection_attachments')
    .whereIn('objection_id', objectionIds)
    .orderBy('id')
    .select(
      'id',
      'objection_id',
      'file_name',
      'media_type',
      db.raw('octet_length(content)::int as size'),
    )) as {
    id: string | number
    objection_id: string | number
    file_name: string
    media_type: string
    size: number
  }[]
  return rows.map((r) => ({ ...r, id: String(r.id), objection_id: String(r.objection_id) }))
}

export async function attachmentContent(
  db: Db,
  objectionId: string,
  attachmentId: string,
): Promise<{ file_name: string; media_type: string; content: Buffer } | undefined> {
  return db('objection_attachments')
    .where({ id: attachmentId, objection_id: objectionId })
    .first('file_name', 'media_type', 'content')
}

export async function appendChange(
  trx: Knex.Transaction,
  objectionId: string,
  change: Omit<ChangeRow, 'at'>,
): Promise<void> {
  await trx('objection_changes').insert({
    objection_id: objectionId,
    type: change.type,
    status: change.status,
    actor: change.actor,
    note: change.note,
    details: JSON.stringify(change.details),
  })
}

export async function changesOf(db: Db, objectionId: string): Promise<ChangeRow[]> {
  return db('objection_changes')
    .where({ objection_id: objectionId })
    .orderBy('id')
    .select('type', 'status', 'actor', 'note', 'details', 'at')
}
