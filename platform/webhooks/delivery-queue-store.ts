import type { Knex } from 'knex'

/**
 * The SQL of an ordered webhook delivery queue: a table of deliveries per subscription (`webhook_id`)
 * whose id is the delivery's position, with `event_id`, the ordering key column, `body`, `status`
 * (pending, delivered, dead), `attempts`, `last_error`, `delivered_at` and `next_attempt_at`. Each
 * feature names its own table and key column (case webhooks: `case_webhook_deliveries`, per case;
 * access webhooks: `access_webhook_deliveries`, per access request, `webhook_id` the department).
 */
export interface DeliveryQueueTable {
  table: string
  /** Deliveries with the same value here are sent in position order. */
  keyColumn: string
}

type Db = Knex | Knex.Transaction

export interface PendingDelivery {
  id: string
  event_id: string
  key: string
  body: unknown
  attempts: number
}

export interface QueuedDelivery {
  position: string
  eventId: string
  key: string
  status: 'pending' | 'delivered' | 'dead'
  attempts: number
  lastError: string | null
  deliveredAt: string | null
}

/** Queues deliveries in one statement; returns the positions given, in insert order. */
export async function insertDeliveries(
  db: Db,
  q: DeliveryQueueTable,
  rows: readonly { webhookId: string; eventId: string; key: string; body: unknown }[],
  /** Leave out events already queued for the subscription (a back-fill overlapping earlier routing). */
  skipQueued = false,
): Promise<{ webhookId: string; position: string }[]> {
  if (rows.length === 0) return []
  const insert = db(q.table).insert(
    rows.map((d) => ({
      webhook_id: d.webhookId,
      event_id: d.eventId,
      [q.keyColumn]: d.key,
      body: JSON.stringify(d.body),
    })),
  )
  if (skipQueued) insert.onConflict(['webhook_id', 'event_id']).ignore()
  const inserted = (await insert.returning(['id', 'webhook_id'])) as { id: string; webhook_id: string }[]
  return inserted
    .map((r) => ({ webhookId: String(r.webhook_id), position: String(r.id) }))
    .sort((a, b) => Number(a.position) - Number(b.position))
}

export async function pendingDeliveries(
  db: Db,
  q: DeliveryQueueTable,
  webhookId: string,
  limit: number,
): Promise<PendingDelivery[]> {
  // A key whose oldest pending delivery waits for its next try is skipped whole: its later
  // events must not overtake it.
  return (await db(`${q.table} as d`)
    .select('d.id', 'd.event_id', `d.${q.keyColumn} as key`, 'd.body', 'd.attempts')
    .where({ 'd.webhook_id': webhookId, 'd.status': 'pending' })
    .whereNotExists(
      db(`${q.table} as w`)
        .select(db.raw('1'))
        .whereRaw('w.webhook_id = d.webhook_id and ?? = ?? and w.id <= d.id', [
          `w.${q.keyColumn}`,
          `d.${q.keyColumn}`,
        ])
        .where('w.status', 'pending')
        .whereRaw('w.next_attempt_at > now()'),
    )
    .orderBy('d.id')
    .limit(limit)) as PendingDelivery[]
}

/** The earliest time a waiting key may be tried again, or null when none waits. */
export async function nextAttemptAt(db: Db, q: DeliveryQueueTable, webhookId: string): Promise<Date | null> {
  const row = (await db(q.table)
    .where({ webhook_id: webhookId, status: 'pending' })
    .whereRaw('next_attempt_at > now()')
    .min({ at: 'next_attempt_at' })
    .first()) as { at: Date | null } | undefined
  return row?.at ?? null
}

export async function markDelivered(db: Db, q: DeliveryQueueTable, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return
  await db(q.table)
    .whereIn('id', [...ids])
    .update({
      status: 'delivered',
      delivered_at: db.fn.now(),
      attempts: db.raw('attempts + 1'),
      last_error: null,
    })
}

/**
 * Counts a failed try and sets the next one; when the budget is spent, the delivery and the later
 * pending deliveries of its key become dead letters (to be replayed), so the key keeps its order.
 */
export async function markAttemptFailed(
  db: Db,
  q: DeliveryQueueTable,
  delivery: { id: string; webhookId: string; key: string },
  error: string,
  retry: { budget: number; delayMs: (attempts: number) => number },
): Promise<'retry' | 'dead'> {
  const [row] = (await db(q.table)
    .where({ id: delivery.id })
    .update({ attempts: db.raw('attempts + 1'), last_error: error.slice(0, 500) })
    .returning(['attempts'])) as { attempts: number }[]
  const attempts = row?.attempts ?? retry.budget
  if (attempts >= retry.budget) {
    await db(q.table)
      .where({ webhook_id: delivery.webhookId, [q.keyColumn]: delivery.key, status: 'pending' })
      .andWhere('id', '>=', delivery.id)
      .update({ status: 'dead', next_attempt_at: null })
    return 'dead'
  }
  await db(q.table)
    .where({ id: delivery.id })
    .update({ next_attempt_at: new Date(Date.now() + retry.delayMs(attempts)) })
  return 'retry'
}

export async function deliveryPosition(
  db: Db,
  q: DeliveryQueueTable,
  webhookId: string,
  eventId: string,
): Promise<string | undefined> {
  const row = (await db(q.table).select('id').where({ webhook_id: webhookId, event_id: eventId }).first()) as
    | { id: string }
    | undefined
  return row && String(row.id)
}

/** Puts deliveries from `fromPosition` on back in the queue (delivered ones are sent again). */
export async function requeueFrom(
  db: Db,
  q: DeliveryQueueTable,
  webhookId: string,
  fromPosition: string,
): Promise<number> {
  return db(q.table)
    .where({ webhook_id: webhookId })
    .andWhere('id', '>=', fromPosition)
    .whereIn('status', ['delivered', 'dead'])
    .update({ status: 'pending', attempts: 0, last_error: null, delivered_at: null, next_attempt_at: null })
}

export async function listDeliveries(
  db: Db,
  q: DeliveryQueueTable,
  webhookId: string,
  status: string | undefined,
  limit: number,
): Promise<QueuedDelivery[]> {
  const query = db(q.table)
    .select('id', 'event_id', `${q.keyColumn} as key`, 'status', 'attempts', 'last_error', 'delivered_at')
    .where({ webhook_id: webhookId })
    .orderBy('id')
    .limit(limit)
  if (status) query.where({ status })
  const rows = (await query) as {
    id: string
    event_id: string
    key: string
    status: QueuedDelivery['status']
    attempts: number
    last_error: string | null
    delivered_at: Date | null
  }[]
  return rows.map((r) => ({
    position: String(r.id),
    eventId: r.event_id,
    key: r.key,
    status: r.status,
    attempts: r.attempts,
    lastError: r.last_error,
    deliveredAt: r.delivered_at?.toISOString() ?? null,
  }))
}

/** Subscriptions with deliveries waiting (the sweep's safety net). */
export async function webhooksWithPending(db: Db, q: DeliveryQueueTable): Promise<string[]> {
  const rows = (await db(q.table).distinct('webhook_id').where({ status: 'pending' })) as {
    webhook_id: string
  }[]
  return rows.map((r) => String(r.webhook_id))
}
