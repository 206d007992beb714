import type { Knex } from 'knex'

/** The SQL of `subscriptions`, `subscription_deliveries` and the change stream of `hub_records`. */

type Db = Knex | Knex.Transaction

export interface SubscriptionRow {
  id: string
  consumer_department: string
  resource_code: string
  grant_id: string
  record_kind: string
  target: 'kafka' | 'table' | 'file'
  topic: string | null
  table_schema: string | null
  table_name: string | null
  connection_sealed: string | null
  /** `hub`: the change stream of hub-held records; `live`: the provider's pages (live-source.ts). */
  source: 'hub' | 'live'
  live_cursor: string | null
  live_pass: string
  live_pass_started_at: Date | null
  live_pass_ended_at: Date | null
  status: 'active' | 'paused' | 'stopped'
  stop_reason: string | null
  position: string
  delivered: string
  last_delivered_at: Date | null
  created_by: string
  created_at: Date
}

export type NewSubscription = Pick<
  SubscriptionRow,
  | 'consumer_department'
  | 'resource_code'
  | 'grant_id'
  | 'record_kind'
  | 'target'
  | 'topic'
  | 'table_schema'
  | 'table_name'
  | 'created_by'
  | 'source'
> & { id: string; connection_sealed: string | null }

export interface ChangedRecord {
  record_id: string
  subject_id: string
  data: Record<string, unknown>
  change_seq: string
}

export async function insertSubscription(trx: Db, row: NewSubscription): Promise<SubscriptionRow> {
  const [created] = (await trx('subscriptions').insert(row).returning('*')) as SubscriptionRow[]
  return created!
}

export async function findSubscription(db: Db, id: string): Promise<SubscriptionRow | undefined> {
  return (await db('subscriptions').where({ id }).first()) as SubscriptionRow | undefined
}

export async function subscriptionsOf(db: Db, department: string): Promise<SubscriptionRow[]> {
  return (await db('subscriptions')
    .where({ consumer_department: department })
    .orderBy('created_at', 'desc')) as SubscriptionRow[]
}

/** Active streaming subscriptions (file ones are made on request), for the delivery loop. */
export async function activeSubscriptionIds(db: Db): Promise<string[]> {
  const rows = (await db('subscriptions')
    .where({ status: 'active' })
    .whereNot({ target: 'file' })
    .select('id')) as { id: string }[]
  return rows.map((r) => r.id)
}

/** Locks an active subscription for one batch; another instance delivering it makes this skip. */
export async function claimSubscription(
  trx: Knex.Transaction,
  id: string,
): Promise<SubscriptionRow | undefined> {
  return (await trx('subscriptions').where({ id, status: 'active' }).forUpdate().skipLocked().first()) as
    | SubscriptionRow
    | undefined
}

export async function updateSubscription(
  db: Db,
  id: string,
  changes: Partial<Omit<SubscriptionRow, 'position' | 'delivered' | 'live_pass'>> & {
    live_pass?: string | number
    position?: string | number
    delivered?: Knex.Raw
  },
): Promise<void> {
  await db('subscriptions')
    .where({ id })
    .update({ ...changes, updated_at: db.fn.now() })
}

/** The next changes of a record kind after `position`, in stream order. */
export async function changesAfter(
  db: Db,
  kind: string,
  position: string,
  limit: number,
): Promise<ChangedRecord[]> {
  return (await db('hub_records')
    .where('kind', kind)
    .where('change_seq', '>', position)
    .orderBy('change_seq')
    .limit(limit)
    .select('record_id', 'subject_id', 'data', 'change_seq')) as ChangedRecord[]
}

/** Seconds since the oldest change after `position` was synced; 0 when there is none. */
export async function lagSeconds(db: Db, kind: string, position: string): Promise<number> {
  const row = (await db('hub_records')
    .where('kind', kind)
    .where('change_seq', '>', position)
    .orderBy('change_seq')
    .first('synced_at')) as { synced_at: Date } | undefined
  return row ? Math.max(0, (Date.now() - row.synced_at.getTime()) / 1000) : 0
}

export interface DeliveryLogRow {
  subscription_id: string
  position: string
  subject_hash: string
  record_id: string
}

/**
 * One statement per batch whatever its size: the columns go as four arrays (unnest), so neither the
 * SQL text nor the bindings grow with the batch (a multi-row VALUES of 5,000 rows cost more to build
 * and parse than to insert).
 */
export async function logDeliveries(trx: Db, rows: readonly DeliveryLogRow[]): Promise<void> {
  if (rows.length === 0) return
  await trx.raw(
    `insert into subscription_deliveries (subscription_id, position, subject_hash, record_id)
     select * from unnest(?::uuid[], ?::bigint[], ?::text[], ?::text[])
     on conflict (subscription_id, position) do nothing`,
    [
      rows.map((r) => r.subscription_id),
      rows.map((r) => r.position),
      rows.map((r) => r.subject_hash),
      rows.map((r) => r.record_id),
    ],
  )
}

/** Which departments received records of a subject (by its audit HMAC), and when; per subscription. */
export async function recipientsOf(
  db: Db,
  subjectHash: string,
): Promise<
  {
    department: string
    resource_code: string
    subscription_id: string
    records: string
    first_at: Date
    last_at: Date
  }[]
> {
  return db('subscription_deliveries as d')
    .join('subscriptions as s', 's.id', 'd.subscription_id')
    .where('d.subject_hash', subjectHash)
    .groupBy('s.consumer_department', 's.resource_code', 'd.subscription_id')
    .orderBy('last_at', 'desc')
    .select(
      's.consumer_department as department',
      's.resource_code',
      'd.subscription_id',
      db.raw('count(*) as records'),
      db.raw('min(d.delivered_at) as first_at'),
      db.raw('max(d.delivered_at) as last_at'),
    )
}
