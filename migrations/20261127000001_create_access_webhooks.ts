import type { Knex } from 'knex'

/**
 * Signed webhooks of the access feature, one per department, and the dispatcher's position in the
 * request timeline (`access_request_events` is append-only with increasing ids, so one cursor row is
 * enough to hand every change to the delivery queue at least once).
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('access_webhooks', (t) => {
    t.text('department').primary().references('code').inTable('departments')
    t.text('url').notNullable()
    t.text('secret').notNullable()
    t.text('updated_by').notNullable()
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now())
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now())
  })
  await knex.schema.createTable('access_webhook_cursor', (t) => {
    t.integer('id').primary()
    t.bigInteger('last_event_id').notNullable()
  })
  await knex.raw(
    'alter table access_webhook_cursor add constraint access_webhook_cursor_single check (id = 1)',
  )
  await knex('access_webhook_cursor').insert({ id: 1, last_event_id: 0 })
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTableIfExists('access_webhook_cursor')
  await knex.schema.dropTableIfExists('access_webhooks')
}
