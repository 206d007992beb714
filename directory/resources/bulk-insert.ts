import type { Knex } from 'knex'

/**
 * Many rows in one INSERT: each column travels as one array parameter and `unnest` turns them back
 * into rows. PostgreSQL parses and plans that far faster than a VALUES list of thousands of rows,
 * and no statement nears the 65,535-parameter limit however many rows it carries.
 */
export type ColumnTypes = readonly (readonly [name: string, sqlType: string])[]

export async function insertUnnested<R = never>(
  trx: Knex | Knex.Transaction,
  table: string,
  columns: ColumnTypes,
  rows: unknown[][],
  returning?: readonly string[],
): Promise<R[]> {
  if (rows.length === 0) return []
  const arrays = columns.map((_, i) => rows.map((row) => row[i]))
  const { rows: inserted } = (await trx.raw(
    `insert into ${table} (${columns.map(([name]) => name).join(', ')})
     select * from unnest(${columns.map(([, type]) => `?::${type}[]`).join(', ')})
     ${returning ? `returning ${returning.join(', ')}` : ''}`,
    arrays as never,
  )) as { rows: R[] }
  return inserted
}
