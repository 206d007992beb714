import type { Knex } from 'knex'
import type { DeliveryQueueTable } from '../../platform/webhooks/delivery-queue-store.ts'
import type { CaseWebhook } from '../../schemas/generated/types.ts'

/**
 * The SQL of `case_webhooks`; their deliveries are an ordered queue per case (platform/webhooks), in
 * `case_webhook_deliveries` (a delivery's id is its position).
 */
export const CASE_DELIVERY_QUEUE: DeliveryQueueTable = {
  table: 'case_webhook_deliveries',
  keyColumn: 'case_number',
}

type Db = Knex | Knex.Transaction

export interface WebhookRow {
  id: string
  department: string
  url: string
  status: 'active' | 'deleted'
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
