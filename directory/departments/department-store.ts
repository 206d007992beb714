import type { Knex } from 'knex'
import type { Department } from '../../schemas/generated/types.ts'

/** The SQL of the `departments` table. Every function takes the pool or the caller's transaction. */

type Db = Knex | Knex.Transaction

export type DepartmentLevel = Department['level']
export type DepartmentKind = Department['kind']

interface DepartmentRow {
  code: string
  name: string
  short_name: string | null
  level: DepartmentLevel
  kind: DepartmentKind
  division_code: string
  credit_code: string | null
  parent_code: string | null
  created_at: Date
  updated_at: Date
}

export interface NewDepartmentRow {
  code: string
  name: string
  shortName: string | null
  level: DepartmentLevel
  kind: DepartmentKind
  divisionCode: string
  creditCode: string | null
  parent: string | null
}

export interface DepartmentChanges {
  name?: string
  shortName?: string | null
  creditCode?: string | null
  parent?: string | null
}

export interface DepartmentFilter {
  level?: DepartmentLevel
  kind?: DepartmentKind
  divisionCode?: string
  parent?: string
  /** Part of the name, matched literally (no wildcards) and case-insensitively. */
  nameContains?: string
  /** Only codes after this one (keyset pagination in code order). */
  after?: string
  limit: number
}

const COLUMNS = [
  'code',
  'name',
  'short_name',
  'level',
  'kind',
  'division_code',
  'credit_code',
  'parent_code',
  'created_at',
  'updated_at',
]

function toDepartment(row: DepartmentRow): Department {
  return {
    code: row.code,
    name: row.name,
    shortName: row.short_name,
    level: row.level,
    kind: row.kind,
    divisionCode: row.division_code,
    creditCode: row.credit_code,
    parent: row.parent_code,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  }
}

export async function findDepartment(db: Db, code: string): Promise<Department | undefined> {
  const row = (await db('departments').select(COLUMNS).where({ code }).first()) as DepartmentRow | undefined
  return row && toDepartment(row)
}

/** The code of the department holding this credit code, if any. */
export async function findCodeByCreditCode(db: Db, creditCode: string): Promise<string | undefined> {
  const row = (await db('departments').select('code').where({ credit_code: creditCode }).first()) as
    | { code: string }
    | undefined
  return row?.code
}

/** Codes of `code` and all its ancestors, nearest first; empty when `code` does not exist. */
export async function ancestorCodes(db: Db, code: string): Promise<string[]> {
  // UNION (not UNION ALL) stops on a cycle, should bad data ever contain one.
  const { rows } = (await db.raw(
    `with recursive chain(code, parent_code, depth) as (
       select code, parent_code, 0 from departments where code = ?
       union
       select d.code, d.parent_code, c.depth + 1 from departments d join chain c on d.code = c.parent_code
     )
     select code from chain order by depth`,
    [code],
  )) as { rows: { code: string }[] }
  return rows.map((r) => r.code)
}

export async function insertDepartment(trx: Db, d: NewDepartmentRow): Promise<Department> {
  const [row] = (await trx('departments')
    .insert({
      code: d.code,
      name: d.name,
      short_name: d.shortName,
      level: d.level,
      kind: d.kind,
      division_code: d.divisionCode,
      credit_code: d.creditCode,
      parent_code: d.parent,
    })
    .returning(COLUMNS)) as DepartmentRow[]
  return toDepartment(row!)
}

/** Locks the row until the transaction ends (so concurrent changes apply one after the other); its level. */
export async function lockDepartmentLevel(trx: Db, code: string): Promise<DepartmentLevel | undefined> {
  const row = (await trx('departments').select('level').where({ code }).forUpdate().first()) as
    | { level: DepartmentLevel }
    | undefined
  return row?.level
}

/** Applies the changes; undefined when the department does not exist. */
export async function updateDepartment(
  trx: Db,
  code: string,
  changes: DepartmentChanges,
): Promise<Department | undefined> {
  const set: Record<string, unknown> = { updated_at: trx.fn.now() }
  if (changes.name !== undefined) set.name = changes.name
  if (changes.shortName !== undefined) set.short_name = changes.shortName
  if (changes.creditCode !== undefined) set.credit_code = changes.creditCode
  if (changes.parent !== undefined) set.parent_code = changes.parent
  const [row] = (await trx('departments').where({ code }).update(set).returning(COLUMNS)) as DepartmentRow[]
  return row && toDepartment(row)
}

/** One page in code order; asks for `limit + 1` rows so the caller can tell whether more follow. */
export async function listDepartments(db: Db, filter: DepartmentFilter): Promise<Department[]> {
  const query = db('departments')
    .select(COLUMNS)
    .orderBy('code')
    .limit(filter.limit + 1)
  if (filter.level) query.where('level', filter.level)
  if (filter.kind) query.where('kind', filter.kind)
  if (filter.divisionCode) query.where('division_code', filter.divisionCode)
  if (filter.parent) query.where('parent_code', filter.parent)
  if (filter.nameContains) {
    const literal = filter.nameContains.replace(/[\\%_]/g, (c) => `\\${c}`)
    query.whereILike('name', `%${literal}%`)
  }
  if (filter.after !== undefined) query.where('code', '>', filter.after)
  return ((await query) as DepartmentRow[]).map(toDepartment)
}
