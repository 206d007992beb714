import type { Knex } from 'knex'

/**
 * The exchange's own tables.
 *
 * - `resource_sources`: an explicit answer to "which adapter and record kind serve this resource, and
 *   is it hub-held?". Optional: without a row the exchange derives the answer by convention (see
 *   exchange/README.md), so the demo catalog works without one. A row wins over the convention.
 * - `hub_records`: hub-held copies of department records, pulled by the sync jobs, one row per
 *   (kind, record id) so a repeated pull is an idempotent upsert.
 * - `hub_sync_cursors`: how far each (adapter, kind) pull has got, for resuming and the lag metric.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('resource_sources', (t) => {
    t.text('resource_code').primary()
    t.text('adapter').notNullable()
    t.text('record_kind').notNullable()
    t.boolean('hub_held').notNullable().defaultTo(false)
    // { itemCode: canonicalField }; null ⇒ the kind's conventional item map.
    t.jsonb('item_fields')
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now())
  })

  await knex.schema.createTable('hub_records', (t) => {
    t.text('kind').notNullable()
    t.text('record_id').notNullable()
    t.text('adapter').notNullable()
    t.text('subject_id').notNullable()
    t.jsonb('data').notNullable()
    t.text('data_hash').notNullable()
    t.timestamp('synced_at', { useTz: true }).notNullable().defaultTo(knex.fn.now())
    t.primary(['kind', 'record_id'])
  })
  await knex.raw('create index hub_records_subject_idx on hub_records (kind, subject_id)')

  await knex.schema.createTable('hub_sync_cursors', (t) => {
    t.text('adapter').notNullable()
    t.text('kind').notNullable()
    t.text('cursor')
    t.boolean('caught_up').notNullable().defaultTo(false)
    t.timestamp('synced_at', { useTz: true })
    // Last time the source had nothing newer: the lag metric is measured from here.
    t.timestamp('caught_up_at', { useTz: true })
    t.primary(['adapter', 'kind'])
  })
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTableIfExists('hub_sync_cursors')
  await knex.schema.dropTableIfExists('hub_records')
  await knex.schema.dropTableIfExists('resource_sources')
}
