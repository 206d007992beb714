import { execFile } from 'node:child_process'
import path from 'node:path'
import { promisify } from 'node:util'
import type { TestProject } from 'vitest/node'
import { createKnex } from '../../platform/db/knex-factory.ts'
import { migrateLatest } from '../../platform/db/migrator.ts'
import { keycloakRunning, stopKeycloak } from './keycloak-script.ts'
import { adminUrl, databaseUrl } from './test-services.ts'

const run = promisify(execFile)
const KAFKA_SCRIPT = path.resolve(import.meta.dirname, '../../scripts/kafka/kafka.sh')

declare module 'vitest' {
  export interface ProvidedContext {
    templateDatabase: string
    kafkaBrokers: string
  }
}

/**
 * Runs once per `vitest run`: migrates a template database (each test file clones it) and makes
 * sure a real Kafka broker is reachable — starting the project's own KRaft broker when
 * KAFKA_BROKERS is not set, and stopping it afterwards.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const template = `hub_tpl_${process.pid}`
  const admin = createKnex({ connectionString: adminUrl(), poolMax: 1 })
  try {
    await admin.raw(`drop database if exists ${template}`)
    await admin.raw(`create database ${template}`)
  } catch (error) {
    await admin.destroy()
    throw new Error(`PostgreSQL is not reachable at ${adminUrl()} (set TEST_DATABASE_URL): ${String(error)}`)
  }
  const db = createKnex({ connectionString: databaseUrl(template), poolMax: 1 })
  try {
    await migrateLatest(db)
  } finally {
    await db.destroy()
  }
  project.provide('templateDatabase', template)

  let startedKafka = false
  let brokers = process.env.KAFKA_BROKERS ?? ''
  if (!brokers) {
    // A broker a developer already runs (`npm run kafka -- start`) is reused and left running.
    const alreadyRunning = await run('bash', [KAFKA_SCRIPT, 'status']).then(
      () => true,
      () => false,
    )
    const { stdout } = await run('bash', [KAFKA_SCRIPT, 'start'], { timeout: 600_000 })
    brokers = stdout.trim().split('\n').pop() ?? ''
    startedKafka = !alreadyRunning
  }
  project.provide('kafkaBrokers', brokers)
  // Test files that sign in through Keycloak start it when they need it; it is stopped after the
  // run only if it was not running before (a developer's own stays up).
  const keycloakBefore = await keycloakRunning()

  return async () => {
    if (startedKafka) await run('bash', [KAFKA_SCRIPT, 'stop'], { timeout: 60_000 })
    if (!keycloakBefore && (await keycloakRunning())) await stopKeycloak()
    // Only this run's clones (hub_t_<pid>_…): another run may be using the same server.
    const clones = `hub\\_t\\_${process.pid}\\_%`
    await admin.raw(
      'select pg_terminate_backend(pid) from pg_stat_activity where datname like ? and pid <> pg_backend_pid()',
      [clones],
    )
    const rows = (
      await admin.raw('select datname from pg_database where datname like ? or datname = ?', [
        clones,
        template,
      ])
    ).rows as { datname: string }[]
    for (const { datname } of rows) await admin.raw(`drop database if exists "${datname}"`)
    await admin.destroy()
  }
}
