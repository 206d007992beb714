import type { Knex } from 'knex'
import type { DeliveryQueueTable } from '../../platform/webhooks/delivery-queue-store.ts'

/**
 * The SQL of `access_webhooks` and of the dispatcher's cursor over `access_request_events`. Their
 * deliveries are an ordered queue per request (platform/webhooks) in `access_webhook_deliveries`,
 * whose `webhook_id` is the department.
 */
export const ACCESS_DELIVERY_QUEUE: DeliveryQueueTable = {
  table: 'access_webhook_deliveries',
  keyColumn: 'request_id',
}

type Db = Knex | Knex.Transaction

export interface WebhookRow {
  department: string
  url: string
  secret: string
  updated_by: string
  updated_at: Date
}

export async function upsertWebhook(trx: Db, row: Omit<WebhookRow, 'updated_at'>): Promise<WebhookRow> {
  const [saved] = (await trx('access_webhooks')
    .insert(row)
    .onConflict('department')
    .merge({ url: row.url, secret: row.secret, updated_by: row.updated_by, updated_at: trx.fn.now() })
    .returning('*')) as WebhookRow[]
  return saved!
}

export async function findWebhook(db: Db, department: string): Promise<WebhookRow | undefined> {
  return (await db('access_webhooks').where({ department }).first()) as WebhookRow | undefined
}

export async function deleteWebhook(db: Db, department: string): Promise<boolean> {
  return (await db('access_webhooks').where({ department }).delete()) > 0
}

export interface TimelineChange {
  id: string
  request_id: string
  type: string
  status: string
  actor: string
  note: string | null
  details: Record<string, unknown>
  at: Date
  consumer_department: string
  provider_department: string
  resource_code: string
}

/** Locks the cursor (one dispatcher at a time) and returns the changes after it, oldest first. */
export async function lockChangesAfterCursor(
  trx: Knex.Transaction,
  limit: number,
): Promise<TimelineChange[]> {
  const cursor = (await trx('access_webhook_cursor').where({ id: 1 }).forUpdate().first()) as {
    last_event_id: string
  }
  return (await trx('access_request_events as e')
    .join('access_requests as r', 'r.id', 'e.request_id')
    .select(
      'e.id',
      'e.request_id',
      'e.type',
      'e.status',
      'e.actor',
      'e.note',
      'e.details',
      'e.at',
      'r.consumer_department',
      'r.provider_department',
      'r.resource_code',
    )
    .where('e.id', '>', cursor.last_event_id)
    .orderBy('e.id')
    .limit(limit)) as TimelineChange[]
}

export async function moveCursor(trx: Knex.Transaction, lastEventId: string): Promise<void> {
  await trx('access_webhook_cursor').where({ id: 1 }).update({ last_event_id: lastEventId })
}

/** Departments among `departments` that have a webhook. */
export async function departmentsWithWebhooks(db: Db, departments: string[]): Promise<Set<string>> {
  const rows = (await db('access_webhooks').select('department').whereIn('department', departments)) as {
    department: string
  }[]
  return new Set(rows.map((r) => r.department))
}
