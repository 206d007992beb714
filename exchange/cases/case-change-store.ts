import type { Knex } from 'knex'
import type { CaseChange, CaseChangeReceipt, CaseParty } from '../../schemas/generated/types.ts'
import type { ChangeKind } from './case-rules.ts'

/** The SQL of `case_changes`: the timeline, the idempotency record and the replay positions. */

type Db = Knex | Knex.Transaction

export interface ChangeRow {
  position: string
  case_number: string
  sequence: number
  kind: ChangeKind
  payload: CaseChange
  payload_hash: string
  receipt: CaseChangeReceipt
  event_id: string
  recorded_at: Date
}

export async function findChange(
  db: Db,
  caseNumber: string,
  sequence: number,
): Promise<ChangeRow | undefined> {
  return (await db('case_changes').where({ case_number: caseNumber, sequence }).first()) as
    | ChangeRow
    | undefined
}

export interface NewChange {
  caseNumber: string
  sequence: number
  kind: ChangeKind
  payload: CaseChange
  hash: string
  receipt: CaseChangeReceipt
  recordedBy: string
}

export async function insertChanges(trx: Db, rows: readonly NewChange[]): Promise<void> {
  if (rows.length === 0) return
  await trx('case_changes').insert(
    rows.map((row) => ({
      case_number: row.caseNumber,
      sequence: row.sequence,
      kind: row.kind,
      payload: JSON.stringify(row.payload),
      payload_hash: row.hash,
      receipt: JSON.stringify(row.receipt),
      event_id: row.receipt.eventId,
      recorded_by: row.recordedBy,
      recorded_at: row.receipt.recordedAt,
    })),
  )
}

export async function listChanges(db: Db, caseNumber: string): Promise<ChangeRow[]> {
  return (await db('case_changes').where({ case_number: caseNumber }).orderBy('sequence')) as ChangeRow[]
}

export async function findChangeByEventId(db: Db, eventId: string): Promise<ChangeRow | undefined> {
  return (await db('case_changes').where({ event_id: eventId }).first()) as ChangeRow | undefined
}

export async function markProvinceForwarded(db: Db, eventId: string): Promise<void> {
  await db('case_changes').where({ event_id: eventId }).whereNull('province_forwarded_at').update({
    province_forwarded_at: db.fn.now(),
  })
}

export async function provinceBacklog(db: Db): Promise<number> {
  const row = (await db('case_changes').whereNull('province_forwarded_at').count({ n: '*' }).first()) as
    | { n: string | number }
    | undefined
  return Number(row?.n ?? 0)
}

/** A recorded change with the facts of its case, for rebuilding its event (a back-fill). */
export interface ChangeWithFacts
  extends Pick<ChangeRow, 'case_number' | 'sequence' | 'kind' | 'payload' | 'receipt' | 'event_id'> {
  service_item_code: string
  service_item_name: string
  department_code: string
  division_code: string
  applicant: CaseParty
}

/**
 * Changes recorded in [from, to) of cases other departments handle, in recording order (so each
 * case's in sequence), at most `limit`.
 */
export async function changesRecordedBetween(
  db: Db,
  q: { from: string; to: string; notOfDepartment: string; limit: number },
): Promise<ChangeWithFacts[]> {
  return (await db('case_changes as ch')
    .join('cases as c', 'c.case_number', 'ch.case_number')
    .where('ch.recorded_at', '>=', q.from)
    .where('ch.recorded_at', '<', q.to)
    .whereNot('c.department_code', q.notOfDepartment)
    .orderBy('ch.position')
    .limit(q.limit)
    .select(
      'ch.case_number',
      'ch.sequence',
      'ch.kind',
      'ch.payload',
      'ch.receipt',
      'ch.event_id',
      'c.service_item_code',
      'c.service_item_name',
      'c.department_code',
      'c.division_code',
      db.raw(`c.basic -> 'applicant' as applicant`),
    )) as ChangeWithFacts[]
}
