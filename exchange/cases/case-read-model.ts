import type { Knex } from 'knex'
import { cursorCodec } from '../../platform/http/cursor.ts'
import type { CaseStatistics } from '../../schemas/generated/types.ts'
import { type ChangeRow, listChanges } from './case-change-store.ts'
import type { CaseStatus } from './case-model.ts'
import type { CaseRow } from './case-store.ts'

/** Cross-table reads of case data: a case with its timeline, lists, one-number search, statistics. */

export interface CaseListFilter {
  department?: string
  status?: CaseStatus
  acceptedFrom?: string
  acceptedTo?: string
  overdue?: boolean
  limit: number
  cursor?: string
}

// The promised time moves on by the time ended special procedures (特别程序) took; while one runs the
// clock stands still, so an open case is overdue then only if it already was when the procedure began.
export const DEADLINE_SQL = `(promised_at + special_paused_seconds * interval '1 second')`
export const OPEN_OVERDUE_SQL = `(completed_at is null and promised_at is not null
  and coalesce(special_open_since, now()) > ${DEADLINE_SQL})`
const OVERDUE_SQL = `(${OPEN_OVERDUE_SQL} or (completed_at is not null and completed_at > ${DEADLINE_SQL}))`

export function isOverdue(
  row: Pick<CaseRow, 'promised_at' | 'completed_at' | 'special_open_since' | 'special_paused_seconds'>,
  now = new Date(),
): boolean {
  if (!row.promised_at) return false
  const deadline = row.promised_at.getTime() + Number(row.special_paused_seconds) * 1000
  const at = row.completed_at ?? row.special_open_since ?? now
  return at.getTime() > deadline
}

export class CaseReadModel {
  constructor(private readonly db: Knex) {}

  async caseWithTimeline(caseNumber: string): Promise<{ row: CaseRow; changes: ChangeRow[] } | undefined> {
    const row = (await this.db('cases').where({ case_number: caseNumber }).first()) as CaseRow | undefined
    if (!row) return undefined
    return { row, changes: await listChanges(this.db, caseNumber) }
  }

  /** Newest accepted first; `limit + 1` rows so the caller knows whether a next page exists. */
  /** `visible` is the caller's scope (the ability's list conditions as SQL). */
  async list(filter: CaseListFilter, visible: (qb: Knex.QueryBuilder) => void): Promise<CaseRow[]> {
    const q = this.db('cases').select('*').where(visible)
    if (filter.department) q.where('department_code', filter.department)
    if (filter.status) q.where('status', filter.status)
    if (filter.acceptedFrom) q.where('accepted_at', '>=', filter.acceptedFrom)
    if (filter.acceptedTo) q.where('accepted_at', '<', filter.acceptedTo)
    if (filter.overdue !== undefined) q.whereRaw(filter.overdue ? OVERDUE_SQL : `not ${OVERDUE_SQL}`)
    if (filter.cursor) {
      const [at, number] = decodeCursor(filter.cursor)
      q.whereRaw('(accepted_at, case_number) < (?::timestamptz, ?)', [at, number])
    }
    return (await q
      .orderBy([
        { column: 'accepted_at', order: 'desc' },
        { column: 'case_number', order: 'desc' },
      ])
      .limit(filter.limit + 1)) as CaseRow[]
  }

  async byApplicant(idType: string, idNumber: string, openOnly: boolean): Promise<CaseRow[]> {
    const q = this.db('cases').where({ applicant_id_type: idType, applicant_id_number: idNumber })
    if (openOnly) q.whereNot('status', 'completed')
    return (await q.orderBy('accepted_at', 'desc').limit(200)) as CaseRow[]
  }

  /** `department` null: every department's figures. */
  async statistics(
    from: string,
    to: string,
    department: string | null,
  ): Promise<CaseStatistics['departments']> {
    const { rows } = (await this.db.raw(
      `select department_code as department,
              count(*)::int as accepted,
              count(*) filter (where completed_at is not null)::int as completed,
              count(*) filter (where completed_at is not null
                and (promised_at is null or completed_at <= ${DEADLINE_SQL}))::int as completed_on_time,
              count(*) filter (where ${OPEN_OVERDUE_SQL})::int as overdue_open,
              count(*) filter (where completed_at is not null and visits <= 1)::int as one_visit,
              coalesce(sum(materials_shared), 0)::int as materials_shared,
              coalesce(sum(materials_paper), 0)::int as materials_paper
         from cases
        where accepted_at >= ? and accepted_at < ? ${department !== null ? 'and department_code = ?' : ''}
        group by department_code order by department_code`,
      department !== null ? [from, to, department] : [from, to],
    )) as { rows: Record<string, number | string>[] }
    return rows.map((r) => ({
      department: String(r.department),
      accepted: Number(r.accepted),
      completed: Number(r.completed),
      completedOnTime: Number(r.completed_on_time),
      overdueOpen: Number(r.overdue_open),
      completedInOneVisit: Number(r.one_visit),
      materialsShared: Number(r.materials_shared),
      materialsPaper: Number(r.materials_paper),
    }))
  }
}

// This list has answered a bad cursor without the field problem from the start; kept so its 400 stays as it was.
const caseCursor = cursorCodec<Pick<CaseRow, 'accepted_at' | 'case_number'>, [string, string]>({
  write: (row) => `${row.accepted_at.toISOString()}|${row.case_number}`,
  read: (text) => {
    const [at, number] = text.split('|')
    return !at || !number || Number.isNaN(Date.parse(at)) ? undefined : [at, number]
  },
  detail: 'The cursor is not valid',
  fieldProblem: false,
})
export const encodeCursor = caseCursor.encode
const decodeCursor = caseCursor.decode
