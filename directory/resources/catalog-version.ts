import type { Knex } from 'knex'

/**
 * The catalog version (migrations/20261127040000_create_catalog_version.ts): a counter that moves
 * forward with every committed change of resources or departments. A cached answer stored under the
 * version its statement read is exact for as long as the counter has not moved.
 */

type Db = Knex | Knex.Transaction

/** SQL for a select-list column, so a statement reads the version in the same snapshot as its data. */
export const CATALOG_VERSION_SQL = '(select version from catalog_version where id = 1)'

export async function readCatalogVersion(db: Db): Promise<string> {
  const { rows } = (await db.raw(`select ${CATALOG_VERSION_SQL} as version`)) as {
    rows: { version: string }[]
  }
  return String(rows[0]!.version)
}

/**
 * The catalog version as last read, re-read at most once per `ttlMs` (one query at a time, shared by
 * every caller): for caches that tolerate another instance's change showing after up to `ttlMs`,
 * without a database round trip per request.
 *
 * With `ttlMs` 0 the clock is exact, for several instances on one database: every caller gets a
 * version read after it asked — the callers of one event-loop turn share one query, and a caller
 * never joins a query already sent — so a change committed on another instance shows on the next
 * request.
 */
export class CatalogVersionClock {
  private known: { version: string; readAt: number } | undefined
  private reading: Promise<string> | undefined
  /** ttl 0: the read of this turn, not yet sent. */
  private nextRead: Promise<string> | undefined

  constructor(
    private readonly db: Knex,
    private readonly ttlMs = 1_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** The version, read at most `ttlMs` ago. */
  current(): string | Promise<string> {
    if (this.ttlMs <= 0) {
      this.nextRead ??= new Promise<void>((resolve) => setImmediate(resolve)).then(() => {
        this.nextRead = undefined
        return this.read()
      })
      return this.nextRead
    }
    if (this.known && this.now() - this.known.readAt < this.ttlMs) return this.known.version
    this.reading ??= this.read().finally(() => {
      this.reading = undefined
    })
    return this.reading
  }

  /** Records a version just read together with data; the counter only grows. */
  observe(version: string, readAt = this.now()): void {
    if (!this.known || BigInt(version) >= BigInt(this.known.version)) this.known = { version, readAt }
  }

  /** Forgets the known version, so the next `current()` reads it (after a write in this process). */
  invalidate(): void {
    this.known = undefined
  }

  private async read(): Promise<string> {
    const readAt = this.now()
    const version = await readCatalogVersion(this.db)
    this.observe(version, readAt)
    return this.known!.version
  }
}
