import type { Knex } from 'knex'

/**
 * Access webhooks move onto the ordered delivery queue of platform/webhooks (ADR 0010), like case
 * webhooks: one row per change and subscribed department, its id the delivery's position, sent in
 * order per access request (`request_id`, the ordering key) and retried per delivery until a dead
 * letter. `webhook_id` is the department (access webhooks are one per department); deliveries go
 * with their webhook when it is removed. `event_id` is the `x-hub-event-id` receivers de-duplicate
 * by (`access-<timeline id>`). `body` is `json`, not `jsonb`, so the bytes sent keep the key order
 * receivers saw from the job runner.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('access_webhook_deliveries', (t) => {
    t.bigIncrements('id').primary()
    t.text('webhook_id').notNullable().references('department').inTable('access_webhooks').onDelete('CASCADE')
    t.text('event_id').notNullable()
    t.bigInteger('request_id').notNullable()
    t.json('body').notNullable()
    t.text('status').notNullable().defaultTo('pending')
    t.integer('attempts').notNullable().defaultTo(0)
    t.text('last_error')
    t.timestamp('delivered_at', { useTz: true })
    t.timestamp('next_attempt_at', { useTz: true })
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now())
    t.unique(['webhook_id', 'event_id'])
  })
  await knex.raw(`alter table access_webhook_deliveries
    add constraint access_webhook_deliveries_status_check check (status in ('pending', 'delivered', 'dead'))`)
  await knex.raw(`create index access_webhook_deliveries_pending_idx on access_webhook_deliveries (webhook_id, id)
    where status = 'pending'`)
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTableIfExists('access_webhook_deliveries')
}
