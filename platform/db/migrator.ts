import { readdir } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import type { Knex } from 'knex'

export const MIGRATIONS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../migrations')
const MIGRATION_FILE = /^\d{14}_[a-z0-9_]+\.ts$/

interface MigrationModule {
  up(knex: Knex): Promise<void>
  down(knex: Knex): Promise<void>
}

/**
 * knex's own file loader cannot import TypeScript under every runner we use (tsx, vitest), so the
 * migration source imports the files itself. File names are `YYYYMMDDHHMMSS_snake_case.ts`.
 */
export class TsMigrationSource implements Knex.MigrationSource<string> {
  constructor(private readonly dir: string = MIGRATIONS_DIR) {}

  async getMigrations(): Promise<string[]> {
    const files = await readdir(this.dir)
    return files.filter((f) => MIGRATION_FILE.test(f)).sort()
  }

  getMigrationName(migration: string): string {
    return migration
  }

  async getMigration(migration: string): Promise<MigrationModule> {
    return (await import(pathToFileURL(path.join(this.dir, migration)).href)) as MigrationModule
  }
}

export async function migrateLatest(db: Knex): Promise<string[]> {
  const [, applied] = (await db.migrate.latest({ migrationSource: new TsMigrationSource() })) as [
    number,
    string[],
  ]
  return applied
}

export async function migrateRollbackAll(db: Knex): Promise<void> {
  await db.migrate.rollback({ migrationSource: new TsMigrationSource() }, true)
}
