import type { Knex } from 'knex'

/** The SQL of audit_checkpoints (single table, append-only). */

export type CheckpointReason = 'scheduled' | 'on-demand' | 'retention'

export interface CheckpointRow {
  id: number
  lastId: number
  lastHash: string
  count: number
  signedAt: Date
  keyId: string
  reason: CheckpointReason
  jws: string
}

interface Row {
  id: string
  last_id: string
  last_hash: string
  record_count: string
  signed_at: Date
  key_id: string
  reason: CheckpointReason
  jws: string
}

const COLUMNS = ['id', 'last_id', 'last_hash', 'record_count', 'signed_at', 'key_id', 'reason', 'jws']

function fromRow(row: Row): CheckpointRow {
  return {
    id: Number(row.id),
    lastId: Number(row.last_id),
    lastHash: row.last_hash,
    count: Number(row.record_count),
    signedAt: row.signed_at,
    keyId: row.key_id,
    reason: row.reason,
    jws: row.jws,
  }
}

export async function insertCheckpoint(
  db: Knex,
  checkpoint: Omit<CheckpointRow, 'id'>,
): Promise<CheckpointRow> {
  const rows = (await db('audit_checkpoints')
    .insert({
      last_id: checkpoint.lastId,
      last_hash: checkpoint.lastHash,
      record_count: checkpoint.count,
      signed_at: checkpoint.signedAt,
      key_id: checkpoint.keyId,
      reason: checkpoint.reason,
      jws: checkpoint.jws,
    })
    .returning(COLUMNS)) as Row[]
  return fromRow(rows[0]!)
}

export async function latestCheckpoint(db: Knex): Promise<CheckpointRow | null> {
  const row = (await db('audit_checkpoints').select(COLUMNS).orderBy('id', 'desc').first()) as Row | undefined
  return row ? fromRow(row) : null
}

/** Newest first; `beforeId` is the cursor. */
export async function listCheckpoints(
  db: Knex,
  page: { beforeId?: number; limit: number },
): Promise<CheckpointRow[]> {
  const q = db('audit_checkpoints').select(COLUMNS).orderBy('id', 'desc').limit(page.limit)
  if (page.beforeId !== undefined) q.where('id', '<', page.beforeId)
  return ((await q) as Row[]).map(fromRow)
}

/** Oldest first, in keyset batches, so verification never loads every checkpoint at once. */
export async function* streamCheckpoints(db: Knex, batchSize = 1_000): AsyncGenerator<CheckpointRow[]> {
  let afterId = 0
  for (;;) {
    const rows = (await db('audit_checkpoints')
      .select(COLUMNS)
      .where('id', '>', afterId)
      .orderBy('id', 'asc')
      .limit(batchSize)) as Row[]
    if (rows.length > 0) yield rows.map(fromRow)
    if (rows.length < batchSize) return
    afterId = Number(rows[rows.length - 1]!.id)
  }
}

/** Checkpoints at one chain position, newest first (indexed by last_id). */
export async function checkpointsAt(db: Knex, lastId: number): Promise<CheckpointRow[]> {
  return (
    (await db('audit_checkpoints').select(COLUMNS).where('last_id', lastId).orderBy('id', 'desc')) as Row[]
  ).map(fromRow)
}
