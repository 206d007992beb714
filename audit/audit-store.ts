import type { Knex } from 'knex'
import { runPrepared } from '../platform/db/prepared-statement.ts'
import type { ChainedRecord } from './audit-chain.ts'

/** The SQL of the audit trail's write and verify paths (single-table work on audit_records). */

export interface ChainHead {
  lastId: number
  lastHash: string
}

export async function readChainHead(db: Knex): Promise<ChainHead> {
  const { rows } = await db.raw<{ rows: { last_id: number; last_hash: string }[] }>(
    'select last_id, last_hash from audit_chain_head',
  )
  const row = rows[0]
  if (!row) throw new Error('audit_chain_head is empty: run the migrations')
  return { lastId: Number(row.last_id), lastHash: row.last_hash }
}

/** Creates the month's partition unless it exists (idempotent; runs outside the insert transaction). */
export async function ensurePartition(db: Knex, monthStart: string): Promise<void> {
  await db.raw('select audit_ensure_partition(?::date)', [monthStart])
}

/** The columns of a record as `jsonb_to_recordset` reads them from one JSON parameter. */
const RECORD_COLUMNS = `id int8, occurred_at timestamptz, principal text, department text, roles text[],
  action text, resource_type text, resource_id text, subject_hash text, subject_masked text, items text[],
  purpose text, case_number text, grant_id text, outcome text, reason text, request_id text,
  client_address text, details text, prev_hash text, hash text, hash_alg text`
const RECORD_COLUMN_NAMES = RECORD_COLUMNS.split(',')
  .map((c) => c.trim().split(/\s+/)[0])
  .join(', ')

type HashedRecord = { record: ChainedRecord; hash: string }

function recordsJson(records: readonly HashedRecord[]): string {
  return JSON.stringify(
    records.map(({ record: r, hash }) => ({
      id: r.id,
      // The writer stamps whole milliseconds, so the ISO time carries exactly the value that was hashed.
      occurred_at: new Date(Number(r.occurredAtMicros / 1000n)).toISOString(),
      principal: r.principal,
      department: r.department,
      roles: r.roles,
      action: r.action,
      resource_type: r.resourceType,
      resource_id: r.resourceId,
      subject_hash: r.subjectHash,
      subject_masked: r.subjectMasked,
      items: r.items,
      purpose: r.purpose,
      case_number: r.caseNumber,
      grant_id: r.grantId,
      outcome: r.outcome,
      reason: r.reason,
      request_id: r.requestId,
      client_address: r.clientAddress,
      details: r.details,
      prev_hash: r.prevHash,
      hash,
      hash_alg: r.hashAlg ?? 'sha256',
    })),
  )
}

const INSERT_RECORDS = `insert into audit_records (${RECORD_COLUMN_NAMES})
  select ${RECORD_COLUMN_NAMES} from jsonb_to_recordset(?::jsonb) as x(${RECORD_COLUMNS})`

const APPEND_IF_HEAD = `with advanced as (
    update audit_chain_head set last_id = $1, last_hash = $2 where last_id = $3 and last_hash = $4 returning 1
  )
  ${INSERT_RECORDS.replace('?::jsonb', '$5::jsonb')} where exists (select 1 from advanced)`

/**
 * The fast path: appends a hashed batch and moves the chain head in ONE statement (one round trip,
 * its own commit). The head row is updated only if it still is `expected`, and the records are
 * inserted only if it was; when another writer (another hub instance) moved the head first,
 * PostgreSQL re-checks the condition against the new head once the row lock is released, nothing is
 * written and this returns false (docs/adr/0004-audit-group-commit.md).
 */
export async function appendIfHead(
  db: Knex,
  expected: ChainHead,
  records: readonly HashedRecord[],
): Promise<boolean> {
  const last = records[records.length - 1]
  if (!last) return true
  const result = await runPrepared(db, 'hub_audit_append_if_head', APPEND_IF_HEAD, [
    last.record.id,
    last.hash,
    expected.lastId,
    expected.lastHash,
    recordsJson(records),
  ])
  return result.rowCount === records.length
}

/**
 * The path that always makes progress: locks the head row, lets `chain` number and hash the batch from
 * it, inserts and moves the head in one transaction. Every writer in every instance queues on the lock.
 */
export async function appendLocked(
  db: Knex,
  chain: (head: ChainHead) => HashedRecord[],
): Promise<HashedRecord[]> {
  return db.transaction(async (trx) => {
    const { rows } = await trx.raw<{ rows: { last_id: number; last_hash: string }[] }>(
      'select last_id, last_hash from audit_chain_head for update',
    )
    const row = rows[0]
    if (!row) throw new Error('audit_chain_head is empty: run the migrations')
    const records = chain({ lastId: Number(row.last_id), lastHash: row.last_hash })
    const last = records[records.length - 1]
    if (!last) return records
    await trx.raw(INSERT_RECORDS, [recordsJson(records)])
    await trx.raw('update audit_chain_head set last_id = ?, last_hash = ?', [last.record.id, last.hash])
    return records
  })
}

export interface RangeCheck {
  /** Records found in the range. */
  found: number
  /** Records before the first problem (all found when there is none). */
  checked: number
  lastId: number | null
  /** The first problem, at the record id where it shows (for a gap: the missing id). */
  broken: { id: number; problem: 'hash-mismatch' | 'broken-link' | 'gap' } | null
}

/**
 * Checks records `lo..hi` inside PostgreSQL: each hash recomputed by `audit_record_hash()`, each
 * link and each step of 1 compared with the row before (record `lo - 1` is read too, so ranges
 * join up). Only the verdict crosses the wire, which is what makes verification fast; ranges are
 * independent, so several can run at once. `startPrev` is what record `lo` must link to when there
 * is no record `lo - 1` (the genesis hash for record 1; null: take it on trust).
 *
 * One pass over the range finds the first bad row; only when there is one does a second, tiny query
 * say what is wrong with it (the rows before it are intact, so it is the place to look). The hashes
 * are computed below the window (`offset 0` keeps the planner from moving them above it), so the
 * sort by id carries four narrow columns instead of whole records and stays in memory.
 */
export async function checkChainRange(
  db: Knex,
  lo: number,
  hi: number,
  startPrev: string | null,
): Promise<RangeCheck> {
  const { rows } = await db.raw<{
    rows: { found: number; last_id: string | null; bad_id: string | null }[]
  }>(
    `select count(*)::int as found, max(id) as last_id,
            min(id) filter (where id <> coalesce(prev_id + 1, cast(? as int8))
                               or prev_hash is distinct from coalesce(prev_stored, cast(? as text), prev_hash)
                               or not hash_ok) as bad_id
       from (select id, prev_hash, hash_ok, lag(id) over w as prev_id, lag(hash) over w as prev_stored
               from (select id, prev_hash, hash, hash = audit_record_hash(a) as hash_ok
                       from audit_records a where id between cast(? as int8) - 1 and ?
                     offset 0) hashed
             window w as (order by id)) r
      where id >= ?`,
    [lo, startPrev, lo, hi, lo],
  )
  const row = rows[0]!
  const found = row.found
  const lastId = row.last_id === null ? null : Number(row.last_id)
  if (row.bad_id === null) return { found, checked: found, lastId, broken: null }
  const broken = await diagnose(db, lo, Number(row.bad_id), startPrev)
  // Every row before the problem is intact, so they are exactly lo .. broken.id - 1 (for a gap,
  // broken.id is the missing id).
  return { found, checked: broken.id - lo, lastId, broken }
}

/** What is wrong with record `badId`, the first bad one of a range starting at `lo`. */
async function diagnose(
  db: Knex,
  lo: number,
  badId: number,
  startPrev: string | null,
): Promise<NonNullable<RangeCheck['broken']>> {
  const { rows } = await db.raw<{
    rows: { id: string; prev_hash: string; hash: string; hash_ok: boolean }[]
  }>(
    `select id, prev_hash, hash, hash = audit_record_hash(a) as hash_ok from audit_records a
      where id between cast(? as int8) - 1 and ? order by id desc limit 2`,
    [lo, badId],
  )
  const [bad, before] = rows
  const expectedId = before ? Number(before.id) + 1 : lo
  if (badId !== expectedId) return { id: expectedId, problem: 'gap' }
  const expectedPrev = before ? before.hash : startPrev
  if (expectedPrev !== null && bad!.prev_hash !== expectedPrev) return { id: badId, problem: 'broken-link' }
  return { id: badId, problem: 'hash-mismatch' }
}

/** The oldest record kept (retention drops whole months), or null for an empty trail. */
export async function readFirstId(db: Knex): Promise<number | null> {
  const { rows } = await db.raw<{ rows: { id: number | null }[] }>('select min(id) as id from audit_records')
  return rows[0]?.id == null ? null : Number(rows[0].id)
}

/** The stored hash of one record (the link a partial verification starts from), if it exists. */
export async function readHash(db: Knex, id: number): Promise<string | null> {
  const { rows } = await db.raw<{ rows: { hash: string }[] }>(
    'select hash from audit_records where id = ? limit 1',
    [id],
  )
  return rows[0]?.hash ?? null
}

/** The stored hashes of the given records (absent ids are missing from the map). */
export async function readHashes(db: Knex, ids: readonly number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map()
  const { rows } = await db.raw<{ rows: { id: string; hash: string }[] }>(
    'select id, hash from audit_records where id = any(?::int8[])',
    [ids as number[]],
  )
  return new Map(rows.map((r) => [Number(r.id), r.hash]))
}

/** The monthly partitions, oldest first, named `audit_records_pYYYYMM` by audit_ensure_partition(). */
export async function listPartitions(db: Knex): Promise<{ name: string; month: string }[]> {
  const { rows } = await db.raw<{ rows: { name: string }[] }>(
    `select c.relname as name from pg_inherits i
       join pg_class c on c.oid = i.inhrelid
      where i.inhparent = 'audit_records'::regclass
      order by c.relname`,
  )
  return rows.flatMap(({ name }) => {
    const m = /^audit_records_p(\d{4})(\d{2})$/.exec(name)
    return m ? [{ name, month: `${m[1]}-${m[2]}-01` }] : []
  })
}

/** One partition's records in id order, with the exact hashed time, in keyset batches. */
export async function* streamPartition(
  db: Knex,
  partition: string,
  batchSize = 5_000,
): AsyncGenerator<Record<string, unknown>[]> {
  let afterId = 0
  for (;;) {
    const { rows } = await db.raw<{ rows: Record<string, unknown>[] }>(
      `select *, ((extract(epoch from occurred_at) * 1000000)::int8)::text as occurred_at_micros
         from ?? where id > ? order by id limit ?`,
      [partition, afterId, batchSize],
    )
    if (rows.length > 0) yield rows
    if (rows.length < batchSize) return
    afterId = Number(rows[rows.length - 1]!.id)
  }
}

/** Detaches and drops a month; the function itself refuses months within the retention (≥ 6). */
export async function dropPartition(db: Knex, month: string, keepMonths: number): Promise<boolean> {
  const { rows } = await db.raw<{ rows: { dropped: boolean }[] }>(
    'select audit_drop_partition(?::date, ?) as dropped',
    [month, keepMonths],
  )
  return rows[0]?.dropped === true
}
