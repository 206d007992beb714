import { randomBytes } from 'node:crypto'
import type { Knex } from 'knex'
import { afterAll, beforeAll, inject } from 'vitest'
import { createKnex } from '../../platform/db/knex-factory.ts'
import { adminUrl, databaseUrl } from './test-services.ts'

export interface TestDatabase {
  /** Connection string of this test file's own database (a clone of the migrated template). */
  readonly url: string
  /** A knex pool on it, for arranging and asserting. */
  readonly db: Knex
}

/**
 * Gives the calling test file its own database, cloned from the migrated template, and drops it
 * afterwards. Call at the top level of a test file; read the fields inside tests or hooks.
 */
export function useTestDatabase(): TestDatabase {
  // Clones carry the run's id (hub_t_<pid>_…) so a run's teardown drops only its own databases.
  const name = `${inject('templateDatabase').replace(/^hub_tpl_/, 'hub_t_')}_${randomBytes(6).toString('hex')}`
  const state: { db?: Knex } = {}
  const admin = () => createKnex({ connectionString: adminUrl(), poolMax: 1 })

  beforeAll(async () => {
    const a = admin()
    try {
      await a.raw(`create database ${name} template ${inject('templateDatabase')}`)
    } finally {
      await a.destroy()
    }
    state.db = createKnex({ connectionString: databaseUrl(name), poolMax: 5 })
  })

  afterAll(async () => {
    await state.db?.destroy()
    const a = admin()
    try {
      await a.raw(`drop database if exists ${name} with (force)`)
    } finally {
      await a.destroy()
    }
  })

  return {
    get url() {
      return databaseUrl(name)
    },
    get db() {
      if (!state.db) throw new Error('useTestDatabase(): the database exists only inside tests and hooks')
      return state.db
    },
  }
}
