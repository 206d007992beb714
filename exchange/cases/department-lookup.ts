import type { Knex } from 'knex'

/** Read-only look-up of the departments a batch of case changes names (code → GB/T 2260 division). */
export async function findDepartmentDivisions(
  db: Knex | Knex.Transaction,
  codes: readonly string[],
): Promise<Map<string, string>> {
  if (codes.length === 0) return new Map()
  const rows = (await db('departments')
    .select('code', 'division_code')
    .whereIn('code', [...new Set(codes)])) as {
    code: string
    division_code: string
  }[]
  return new Map(rows.map((r) => [r.code, r.division_code]))
}
