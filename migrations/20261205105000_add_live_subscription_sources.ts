import type { Knex } from 'knex'

/**
 * Subscriptions to live (not hub-held) resources, read from the provider page by page
 * (`pageRecords`); see exchange/subscriptions/README.md.
 *
 * - `subscriptions.source`: `hub` (the change stream of hub_records) or `live` (the provider's pages).
 *   For a live subscription `position` is its own counter: each record it delivers takes the next one.
 * - `live_cursor`: where the current pass over the provider stands (null: between passes);
 *   `live_pass` counts passes; `live_pass_started_at` / `live_pass_ended_at` time them.
 * - `subscription_live_records`: per subscription and record, the SHA-256 of what was last delivered
 *   (the granted, masked items: no data is kept), its position, and the last pass that saw it. A pass
 *   delivers what is new or whose hash changed; a record no longer listed at the end of a pass is
 *   delivered as deleted.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('subscriptions', (t) => {
    t.text('source').notNullable().defaultTo('hub')
    t.text('live_cursor')
    t.bigInteger('live_pass').notNullable().defaultTo(0)
    t.timestamp('live_pass_started_at', { useTz: true })
    t.timestamp('live_pass_ended_at', { useTz: true })
  })
  await knex.schema.createTable('subscription_live_records', (t) => {
    t.uuid('subscription_id').notNullable().references('id').inTable('subscriptions').onDelete('cascade')
    t.text('record_id').notNullable()
    t.text('hash').notNullable()
    t.bigInteger('position').notNullable()
    t.bigInteger('seen_pass').notNullable()
    t.primary(['subscription_id', 'record_id'])
  })
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTableIfExists('subscription_live_records')
  await knex.schema.alterTable('subscriptions', (t) => {
    t.dropColumns('source', 'live_cursor', 'live_pass', 'live_pass_started_at', 'live_pass_ended_at')
  })
}
