import type { Knex } from 'knex'
import { createKnex } from '../../platform/db/knex-factory.ts'
import { migrateLatest } from '../../platform/db/migrator.ts'
import { BENCH_DATABASE_ADMIN_URL, benchDatabaseUrl } from './bench-services.ts'

/**
 * Runs `measure` on a bench's own database: created fresh (a leftover of a crashed run is dropped
 * first), migrated to the latest schema, and dropped afterwards whatever happens.
 */
export async function withBenchDatabase<T>(
  name: string,
  options: { poolMax: number },
  measure: (db: Knex) => Promise<T>,
): Promise<T> {
  const admin = createKnex({ connectionString: BENCH_DATABASE_ADMIN_URL, poolMax: 1 })
  await admin.raw(`drop database if exists ${name} with (force)`)
  await admin.raw(`create database ${name}`)
  const db = createKnex({ connectionString: benchDatabaseUrl(name), poolMax: options.poolMax })
  try {
    await migrateLatest(db)
    return await measure(db)
  } finally {
    await db.destroy()
    await admin.raw(`drop database if exists ${name} with (force)`)
    await admin.destroy()
  }
}
