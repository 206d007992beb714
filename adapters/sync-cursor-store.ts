import type { Knex } from 'knex'

/**
 * The SQL of `hub_sync_cursors`: how far the hub has read one adapter's feed of one kind. Every pull
 * from a department system keeps its place here — hub-held records (exchange/sync), certificates
 * (exchange/certificates) and service items (directory/service-items) — so it sits with the adapters,
 * below the domains that pull.
 */

type Db = Knex | Knex.Transaction

export interface SyncCursor {
  cursor: string | null
  caughtUpAt: Date | null
}

export async function readCursor(db: Db, adapter: string, kind: string): Promise<SyncCursor> {
  const row = (await db('hub_sync_cursors').where({ adapter, kind }).first('cursor', 'caught_up_at')) as
    | { cursor: string | null; caught_up_at: Date | null }
    | undefined
  return { cursor: row?.cursor ?? null, caughtUpAt: row?.caught_up_at ?? null }
}

export async function writeCursor(
  trx: Db,
  adapter: string,
  kind: string,
  cursor: string | null,
  caughtUp: boolean,
): Promise<void> {
  const now = trx.fn.now()
  await trx('hub_sync_cursors')
    .insert({
      adapter,
      kind,
      cursor,
      caught_up: caughtUp,
      synced_at: now,
      caught_up_at: caughtUp ? now : null,
    })
    .onConflict(['adapter', 'kind'])
    .merge({
      cursor,
      caught_up: caughtUp,
      synced_at: now,
      ...(caughtUp ? { caught_up_at: now } : {}),
    })
}

/** Every cursor, for the lag metric. */
export async function allCursors(
  db: Db,
): Promise<{ adapter: string; kind: string; caught_up_at: Date | null }[]> {
  return db('hub_sync_cursors').select('adapter', 'kind', 'caught_up_at')
}
