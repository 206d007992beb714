import knex, { type Knex } from 'knex'
import pg from 'pg'

// Return int8 (bigint) and numeric as strings, but counts and ids we cast in SQL; timestamps stay Date.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => (Number.isSafeInteger(Number(v)) ? Number(v) : v))

export interface DbOptions {
  connectionString: string
  poolMax?: number
  applicationName?: string
}

export function createKnex({
  connectionString,
  poolMax = 10,
  applicationName = 'data-exchange-hub',
}: DbOptions): Knex {
  return knex({
    client: 'pg',
    connection: { connectionString, application_name: applicationName },
    pool: { min: 0, max: poolMax },
    acquireConnectionTimeout: 10_000,
  })
}
