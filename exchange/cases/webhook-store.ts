import type { Knex } from 'knex'
import type { CaseWebhook, CaseWebhookDeliveries } from '../../schemas/generated/types.ts'

/** The SQL of `case_webhooks` and `case_webhook_deliveries` (a delivery's id is its position). */

type Db = Knex | Knex.Transaction

export interface WebhookRow {
  id: string
  department: string
  url: string
  status: 'active' | 'deleted'
}

export interface PendingDelivery {
  id: string
  event_id: string
  case_number: string
  body: unknown
  attempts: number
}

export async function insertWebhook(
  db: Db,
  department: string,
  url: string,
  createdBy: string,
): Promise<string> {
  const [row] = (await db('case_webhooks')
    .insert({ department, url, created_by: createdBy })
    .returning('id')) as { id: string }[]
  return String(row!.id)
}

export async function listWebhooks(db: Db, id?: string): Promise<CaseWebhook[]> {
  const q = db('case_webhooks as w')
    .select(
      'w.id',
      'w.department',
      'w.url',
      'w.status',
      'w.created_at',
      db.raw(
        `(select count(*) from case_webhook_deliveries d where d.webhook_id = w.id and d.status = 'pending')::int as pending`,
      ),
      db.raw(
        `(select count(*) from case_webhook_deliveries d where d.webhook_id = w.id and d.status = 'dead')::int as dead`,
      ),
    )
    .orderBy('w.id')
  if (id !== undefined) q.where('w.id', id)
  const rows = (await q) as (WebhookRow & { created_at: Date; pending: number; dead: number })[]
  return rows.map((r) => ({
    id: String(r.id),
    department: r.department,
    url: r.url,
    status: r.status,
    pending: r.pending,
    dead: r.dead,
    createdAt: r.created_at.toISOString(),
  }))
}

export async function findWebhook(db: Db, id: string): Promise<WebhookRow | undefined> {
  return (await db('case_webhooks').where({ id }).first()) as WebhookRow | undefined
}

export async function activeWebhooks(db: Db): Promise<WebhookRow[]> {
  return (await db('case_webhooks').where({ status: 'active' }).orderBy('id')) as WebhookRow[]
}

export async function markWebhookDeleted(db: Db, id: string): Promise<boolean> {
  return (await db('case_webhooks').where({ id, status: 'active' }).update({ status: 'deleted' })) > 0
}

/** Queues events for webhooks in one statement; returns the positions given, in insert order. */
export async function insertDeliveries(
  db: Db,
  rows: readonly { webhookId: string; eventId: string; caseNumber: string; body: unknown }[],
  /** Leave out events already queued for the webhook (a back-fill overlapping earlier routing). */
  skipQueued = false,
): Promise<{ webhookId: string; position: string }[]> {
  if (rows.length === 0) return []
  const insert = db('case_webhook_deliveries').insert(
    rows.map((d) => ({
      webhook_id: d.webhookId,
      event_id: d.eventId,
      case_number: d.caseNumber,
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
  webhookId: string,
  limit: number,
): Promise<PendingDelivery[]> {
  // A case whose oldest pending delivery waits for its next try is skipped whole: its later
  // events must not overtake it.
  return (await db('case_webhook_deliveries as d')
    .select('d.id', 'd.event_id', 'd.case_number', 'd.body', 'd.attempts')
    .where({ 'd.webhook_id': webhookId, 'd.status': 'pending' })
    .whereNotExists(
      db('case_webhook_deliveries as w')
        .select(db.raw('1'))
        .whereRaw('w.webhook_id = d.webhook_id and w.case_number = d.case_number and w.id <= d.id')
        .where('w.status', 'pending')
        .whereRaw('w.next_attempt_at > now()'),
    )
    .orderBy('d.id')
    .limit(limit)) as PendingDelivery[]
}

/** The earliest time a waiting case may be tried again, or null when none waits. */
export async function nextAttemptAt(db: Db, webhookId: string): Promise<Date | null> {
  const row = (await db('case_webhook_deliveries')
    .where({ webhook_id: webhookId, status: 'pending' })
    .whereRaw('next_attempt_at > now()')
    .min({ at: 'next_attempt_at' })
    .first()) as { at: Date | null } | undefined
  return row?.at ?? null
}

export async function markDelivered(db: Db, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return
  await db('case_webhook_deliveries')
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
 * pending deliveries of its case become dead letters (to be replayed), so the case keeps its order.
 */
export async function markAttemptFailed(
  db: Db,
  delivery: { id: string; webhookId: string; caseNumber: string },
  error: string,
  retry: { budget: number; delayMs: (attempts: number) => number },
): Promise<'retry' | 'dead'> {
  const [row] = (await db('case_webhook_deliveries')
    .where({ id: delivery.id })
    .update({ attempts: db.raw('attempts + 1'), last_error: error.slice(0, 500) })
    .returning(['attempts'])) as { attempts: number }[]
  const attempts = row?.attempts ?? retry.budget
  if (attempts >= retry.budget) {
    await db('case_webhook_deliveries')
      .where({ webhook_id: delivery.webhookId, case_number: delivery.caseNumber, status: 'pending' })
      .andWhere('id', '>=', delivery.id)
      .update({ status: 'dead', next_attempt_at: null })
    return 'dead'
  }
  await db('case_webhook_deliveries')
    .where({ id: delivery.id })
    .update({ next_attempt_at: new Date(Date.now() + retry.delayMs(attempts)) })
  return 'retry'
}

export async function deliveryPosition(
  db: Db,
  webhookId: string,
  eventId: string,
): Promise<string | undefined> {
  const row = (await db('case_webhook_deliveries')
    .select('id')
    .where({ webhook_id: webhookId, event_id: eventId })
    .first()) as { id: string } | undefined
  return row && String(row.id)
}

/** Puts deliveries from `fromPosition` on back in the queue (delivered ones are sent again). */
export async function requeueFrom(db: Db, webhookId: string, fromPosition: string): Promise<number> {
  return db('case_webhook_deliveries')
    .where({ webhook_id: webhookId })
    .andWhere('id', '>=', fromPosition)
    .whereIn('status', ['delivered', 'dead'])
    .update({ status: 'pending', attempts: 0, last_error: null, delivered_at: null, next_attempt_at: null })
}

export async function listDeliveries(
  db: Db,
  webhookId: string,
  status: string | undefined,
  limit: number,
): Promise<CaseWebhookDeliveries['items']> {
  const q = db('case_webhook_deliveries').where({ webhook_id: webhookId }).orderBy('id').limit(limit)
  if (status) q.where({ status })
  const rows = (await q) as {
    id: string
    event_id: string
    case_number: string
    status: 'pending' | 'delivered' | 'dead'
    attempts: number
    last_error: string | null
    delivered_at: Date | null
  }[]
  return rows.map((r) => ({
    position: String(r.id),
    eventId: r.event_id,
    caseNumber: r.case_number,
    status: r.status,
    attempts: r.attempts,
    lastError: r.last_error,
    deliveredAt: r.delivered_at?.toISOString() ?? null,
  }))
}

export async function webhooksWithPending(db: Db): Promise<string[]> {
  const rows = (await db('case_webhook_deliveries').distinct('webhook_id').where({ status: 'pending' })) as {
    webhook_id: string
  }[]
  return rows.map((r) => String(r.webhook_id))
}
