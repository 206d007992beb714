import type { Knex } from 'knex'
import type { CaseBasic, CaseResult } from '../../schemas/generated/types.ts'
import type { CaseStatus, SpecialProcedures } from './case-model.ts'

/** The SQL of the `cases` table: the current state of each case. */

type Db = Knex | Knex.Transaction

export interface CaseRow {
  case_number: string
  service_item_code: string
  service_item_name: string
  service_item_version: number | null
  department_code: string
  division_code: string
  applicant_kind: string
  applicant_name: string
  applicant_id_type: 'resident-id' | 'credit-code'
  applicant_id_number: string
  channel: string
  basic: CaseBasic
  status: CaseStatus
  accepted_at: Date
  promised_at: Date | null
  completed_at: Date | null
  outcome: string | null
  result: CaseResult | null
  visits: number
  materials_shared: number
  materials_paper: number
  last_sequence: number
  special_open_id: string | null
  special_open_since: Date | null
  /** bigint: node-postgres hands it over as text. */
  special_paused_seconds: string | number
}

/** Where a case stands after the changes being applied. */
export interface CaseProgress {
  status: CaseStatus
  sequence: number
  /** Visits in person added by these changes. */
  addVisits: number
  completedAt?: string
  result?: CaseResult
  special: SpecialProcedures
}

export interface NewCase {
  caseNumber: string
  serviceItemCode: string
  serviceItemName: string
  /** The service item version the case is accepted under. */
  serviceItemVersion: number | null
  department: string
  divisionCode: string
  basic: CaseBasic
  progress: CaseProgress
}

/**
 * Locks the cases a batch touches, in case-number order so two batches over the same cases cannot
 * deadlock: changes of one case are serialized.
 */
export async function lockCases(
  trx: Knex.Transaction,
  caseNumbers: readonly string[],
): Promise<Map<string, CaseRow>> {
  const rows = (await trx('cases')
    .whereIn('case_number', [...caseNumbers])
    .orderBy('case_number')
    .forUpdate()) as CaseRow[]
  return new Map(rows.map((r) => [r.case_number, r]))
}

export async function findCase(db: Db, caseNumber: string): Promise<CaseRow | undefined> {
  return (await db('cases').where({ case_number: caseNumber }).first()) as CaseRow | undefined
}

/** New cases, inserted directly in the state their first changes leave them in. */
export async function insertCases(trx: Db, cases: readonly NewCase[]): Promise<void> {
  if (cases.length === 0) return
  await trx('cases').insert(
    cases.map((c) => {
      const materials = c.basic.materials ?? []
      const p = c.progress
      return {
        case_number: c.caseNumber,
        service_item_code: c.serviceItemCode,
        service_item_name: c.serviceItemName,
        service_item_version: c.serviceItemVersion,
        department_code: c.department,
        division_code: c.divisionCode,
        applicant_kind: c.basic.applicant.kind,
        applicant_name: c.basic.applicant.name,
        applicant_id_type: c.basic.applicant.idType,
        applicant_id_number: c.basic.applicant.idNumber,
        channel: c.basic.channel,
        basic: JSON.stringify(c.basic),
        status: p.status,
        accepted_at: c.basic.acceptedAt,
        promised_at: c.basic.promisedAt ?? null,
        completed_at: p.completedAt ?? null,
        result: p.result ? JSON.stringify(p.result) : null,
        outcome: p.result?.outcome ?? null,
        // Acceptance at a window is the first visit; online applications need none.
        visits: (c.basic.channel === 'window' ? 1 : 0) + p.addVisits,
        materials_shared: materials.filter((m) => m.source !== 'paper').length,
        materials_paper: materials.filter((m) => m.source === 'paper').length,
        last_sequence: p.sequence,
        special_open_id: p.special.openId,
        special_open_since: p.special.openSince,
        special_paused_seconds: p.special.pausedSeconds,
      }
    }),
  )
}

/**
 * Moves existing cases to where the applied changes leave them, in one statement for the whole
 * batch: a round trip per case would be most of an ingest's cost.
 */
export async function updateCasesProgress(
  trx: Db,
  updates: readonly { caseNumber: string; progress: CaseProgress }[],
): Promise<void> {
  if (updates.length === 0) return
  const rows = updates.map(({ caseNumber, progress: p }) => ({
    case_number: caseNumber,
    status: p.status,
    last_sequence: p.sequence,
    add_visits: p.addVisits,
    completed_at: p.completedAt ?? null,
    result: p.result ?? null,
    special_open_id: p.special.openId,
    special_open_since: p.special.openSince,
    special_paused_seconds: p.special.pausedSeconds,
  }))
  // Absent completion or result leave the stored ones alone (coalesce), as a partial update would.
  await trx.raw(
    `update cases c set
       status = v.status,
       last_sequence = v.last_sequence,
       updated_at = now(),
       visits = c.visits + v.add_visits,
       completed_at = coalesce(v.completed_at, c.completed_at),
       result = coalesce(v.result, c.result),
       outcome = coalesce(v.result ->> 'outcome', c.outcome),
       special_open_id = v.special_open_id,
       special_open_since = v.special_open_since,
       special_paused_seconds = v.special_paused_seconds
     from jsonb_to_recordset(?::jsonb) as v(case_number text, status text, last_sequence int,
       add_visits int, completed_at timestamptz, result jsonb, special_open_id text,
       special_open_since timestamptz, special_paused_seconds int8)
     where c.case_number = v.case_number`,
    [JSON.stringify(rows)],
  )
}
