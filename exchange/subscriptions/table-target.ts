import knexFactory, { type Knex } from 'knex'
import type { KeySealer } from '../certificates/key-sealer.ts'
import type { DeliveryBatch, DeliveryTarget } from './delivery-target.ts'
import type { SubscriptionRow } from './subscription-store.ts'

/**
 * The 前置库 pattern: upserts each delivered record by key (and deletes each deleted one) into a table of the consumer's own
 * PostgreSQL database, with `<table>_position` beside it, in one transaction of that database. A
 * record row only moves forward (`position` guard), so re-delivering a batch changes nothing.
 * The connection URL is sealed at rest with the hub's key-encryption key, bound to the subscription id.
 */

/** A plain lower-case SQL identifier: nothing to quote, nothing to inject. */
export const SAFE_IDENTIFIER = /^[a-z_][a-z0-9_]{0,49}$/

const quoted = (name: string) => {
  if (!SAFE_IDENTIFIER.test(name)) throw new Error(`unsafe identifier ${name}`)
  return `"${name}"`
}

export interface TableRef {
  schema: string
  name: string
}

export function tableDdl({ schema, name }: TableRef): string[] {
  const table = `${quoted(schema)}.${quoted(name)}`
  const positions = `${quoted(schema)}.${quoted(`${name}_position`)}`
  return [
    `create schema if not exists ${quoted(schema)}`,
    `create table if not exists ${table} (
       record_id text primary key,
       items jsonb not null,
       position bigint not null,
       subscription_id uuid not null,
       delivered_at timestamptz not null default now())`,
    disputedColumnDdl({ schema, name }),
    `create table if not exists ${positions} (
       subscription_id uuid primary key,
       position bigint not null,
       updated_at timestamptz not null default now())`,
  ]
}

/**
 * `objection_id`: the data objection a record was under when last delivered (null: none). Added to
 * tables made before it existed, nullable and last, so readers of the other columns see no change.
 */
export function disputedColumnDdl({ schema, name }: TableRef): string {
  return `alter table ${quoted(schema)}.${quoted(name)} add column if not exists objection_id text`
}

export class TableTarget implements DeliveryTarget {
  private readonly pools = new Map<string, Knex>()

  constructor(private readonly sealer: () => Promise<KeySealer>) {}

  async seal(subscriptionId: string, connection: string): Promise<string> {
    return (await this.sealer()).seal(connection, subscriptionId)
  }

  /** Creates the table and its position table if missing; throws when the database cannot be reached. */
  async prepare(connection: string, table: TableRef): Promise<void> {
    const db = knexFactory({ client: 'pg', connection, pool: { min: 0, max: 1 } })
    try {
      await db.transaction(async (trx) => {
        for (const statement of tableDdl(table)) await trx.raw(statement)
      })
    } finally {
      await db.destroy()
    }
  }

  async deliver(batch: DeliveryBatch): Promise<void> {
    const sub = batch.subscription
    const db = await this.pool(sub)
    const table = `${quoted(sub.table_schema!)}.${quoted(sub.table_name!)}`
    const positions = `${quoted(sub.table_schema!)}.${quoted(`${sub.table_name!}_position`)}`
    // Within one batch the last change of a key wins (a key may change twice in one batch).
    const latest = new Map(batch.records.map((r) => [r.recordId, r]))
    const rows = [...latest.values()].filter((r) => !r.deleted)
    const deleted = [...latest.values()].filter((r) => r.deleted)
    await db.transaction(async (trx) => {
      // A deleted record (live sources) leaves the table, unless the table holds a later position.
      if (deleted.length > 0)
        await trx.raw(
          `delete from ${table} as t using unnest(?::text[], ?::bigint[]) as d(record_id, position)
            where t.record_id = d.record_id and t.position < d.position`,
          [deleted.map((r) => r.recordId), deleted.map((r) => r.position)],
        )
      for (let i = 0; i < rows.length; i += 1000) {
        const chunk = rows.slice(i, i + 1000)
        await trx.raw(
          `insert into ${table} as t (record_id, items, position, subscription_id, objection_id)
           select r.record_id, r.items, r.position, ?::uuid, r.objection_id
             from jsonb_to_recordset(?::jsonb)
               as r(record_id text, items jsonb, position bigint, objection_id text)
           on conflict (record_id) do update
             set items = excluded.items, position = excluded.position,
                 objection_id = excluded.objection_id, delivered_at = now()
             where t.position < excluded.position`,
          [
            sub.id,
            JSON.stringify(
              chunk.map((r) => ({
                record_id: r.recordId,
                items: r.items,
                position: r.position,
                objection_id: r.objectionId ?? null,
              })),
            ),
          ],
        )
      }
      await trx.raw(
        `insert into ${positions} as p (subscription_id, position) values (?::uuid, ?)
         on conflict (subscription_id) do update set position = greatest(p.position, excluded.position), updated_at = now()`,
        [sub.id, batch.position],
      )
    })
  }

  /** The consumer's copy as (record id → position), for reconciliation. */
  async copyOf(sub: SubscriptionRow): Promise<Map<string, bigint>> {
    const db = await this.pool(sub)
    const rows = (await db.raw(
      `select record_id, position from ${quoted(sub.table_schema!)}.${quoted(sub.table_name!)}`,
    )) as { rows: { record_id: string; position: string }[] }
    return new Map(rows.rows.map((r) => [r.record_id, BigInt(r.position)]))
  }

  async close(): Promise<void> {
    await Promise.all([...this.pools.values()].map((db) => db.destroy()))
    this.pools.clear()
  }

  private async pool(sub: SubscriptionRow): Promise<Knex> {
    let db = this.pools.get(sub.id)
    if (!db) {
      const connection = (await this.sealer()).open(sub.connection_sealed!, sub.id)
      db = knexFactory({ client: 'pg', connection, pool: { min: 0, max: 2 } })
      // Tables made before the dispute mark get its column once per process (idempotent).
      try {
        await db.raw(disputedColumnDdl({ schema: sub.table_schema!, name: sub.table_name! }))
      } catch (error) {
        await db.destroy()
        throw error
      }
      this.pools.set(sub.id, db)
    }
    return db
  }
}
