import type { Knex } from 'knex'
import type { AdapterRegistry } from '../../adapters/adapter-registry.ts'
import { allCursors, readCursor, writeCursor } from '../../adapters/sync-cursor-store.ts'
import { InputError } from '../../platform/errors/app-error.ts'
import { appendEvents } from '../../platform/events/outbox-store.ts'
import type { RecordChangedEvent } from '../../schemas/generated/types.ts'
import { hubHeldSources, upsertRecords } from './hub-record-store.ts'

/**
 * Hub-held copies: pull `changesSince(cursor)` from an adapter, upsert into `hub_records` and emit
 * `record.changed` through the outbox — records, events and the advanced cursor in one transaction,
 * so a crash between batches repeats at most one batch, and a repeated batch changes nothing.
 */

export const RECORD_EVENTS_TOPIC = 'record-events'

export interface PullResult {
  adapter: string
  kind: string
  batches: number
  received: number
  changed: number
  caughtUp: boolean
}

export class SyncService {
  constructor(
    private readonly deps: { db: Knex; adapters: AdapterRegistry; batchSize?: number; maxBatches?: number },
  ) {}

  /** Pulls until the source is caught up (or `maxBatches` batches, to bound one job run). */
  async pull(
    adapterName: string,
    kind: string,
    options: { fromScratch?: boolean } = {},
  ): Promise<PullResult> {
    const adapter = this.deps.adapters.get(adapterName)
    if (!adapter.changesSince)
      throw new InputError('sync-not-supported', `Adapter ${adapterName} cannot list changes since a cursor.`)
    const batchSize = this.deps.batchSize ?? 200
    const maxBatches = this.deps.maxBatches ?? 50
    let cursor = options.fromScratch ? null : (await readCursor(this.deps.db, adapterName, kind)).cursor
    const result: PullResult = {
      adapter: adapterName,
      kind,
      batches: 0,
      received: 0,
      changed: 0,
      caughtUp: false,
    }
    while (result.batches < maxBatches && !result.caughtUp) {
      const batch = await adapter.changesSince(kind, cursor, batchSize)
      await this.deps.db.transaction(async (trx) => {
        const changed = await upsertRecords(trx, adapterName, batch.records)
        const syncedAt = new Date().toISOString()
        await appendEvents(
          trx,
          changed.map((recordId) => ({
            topic: RECORD_EVENTS_TOPIC,
            key: `${kind}:${recordId}`,
            type: 'record.changed',
            payload: { kind, recordId, adapter: adapterName, syncedAt } satisfies RecordChangedEvent,
          })),
        )
        await writeCursor(trx, adapterName, kind, batch.cursor, batch.caughtUp)
        result.changed += changed.length
      })
      result.batches++
      result.received += batch.records.length
      result.caughtUp = batch.caughtUp
      cursor = batch.cursor
    }
    return result
  }

  /** The (adapter, kind) pairs to keep in sync: hub-held resources whose adapter is configured here. */
  async targets(): Promise<{ adapter: string; kind: string }[]> {
    const configured = new Set(
      this.deps.adapters
        .list()
        .filter((a) => a.changesSince)
        .map((a) => a.name),
    )
    return (await hubHeldSources(this.deps.db)).filter((t) => configured.has(t.adapter))
  }

  /** Seconds since each adapter's copies were last caught up (the oldest kind counts); never ⇒ omitted. */
  async lagSeconds(now = Date.now()): Promise<Map<string, number>> {
    const lag = new Map<string, number>()
    for (const row of await allCursors(this.deps.db)) {
      if (!row.caught_up_at) continue
      const seconds = Math.max(0, (now - row.caught_up_at.getTime()) / 1000)
      lag.set(row.adapter, Math.max(lag.get(row.adapter) ?? 0, seconds))
    }
    return lag
  }
}
