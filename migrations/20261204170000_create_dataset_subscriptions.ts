import type { Knex } from 'knex'

/**
 * Dataset subscriptions (库表/文件交换), see docs/adr/0011-dataset-subscriptions.md.
 *
 * - `hub_records.change_seq`: a position in one hub-wide change stream. A trigger stamps every
 *   insert and update from a sequence while holding a transaction-level advisory lock, so writers of
 *   hub_records commit in sequence order: a reader that has seen position n can never later find a
 *   committed row below n. A subscription is then just a position in this stream; its snapshot is
 *   the stream read from 0 (each record's latest change), its changes everything after.
 * - `subscriptions`: the standing delivery of one granted resource to one target of the consumer.
 * - `subscription_deliveries`: which record left under which subscription, keyed by the audit trail's
 *   subject HMAC, so "who received this person's record" is one index look-up.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw('create sequence hub_record_change_seq')
  await knex.raw('alter table hub_records add column change_seq bigint')
  await knex.raw(`update hub_records set change_seq = nextval('hub_record_change_seq')`)
  await knex.raw('alter table hub_records alter column change_seq set not null')
  await knex.raw('create index hub_records_change_idx on hub_records (kind, change_seq)')
  await knex.raw(`
    create function hub_records_stamp_change() returns trigger language plpgsql as $$
    begin
      -- One writer at a time from its first stamped row to its commit: sequence order = commit order.
      perform pg_advisory_xact_lock(hashtext('hub_record_change_seq'));
      new.change_seq := nextval('hub_record_change_seq');
      return new;
    end $$`)
  await knex.raw(`
    create trigger hub_records_stamp_change before insert or update on hub_records
    for each row execute function hub_records_stamp_change()`)

  await knex.schema.createTable('subscriptions', (t) => {
    t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'))
    t.text('consumer_department').notNullable()
    t.text('resource_code').notNullable()
    t.bigInteger('grant_id').notNullable().references('id').inTable('grants')
    t.text('record_kind').notNullable()
    t.text('target').notNullable() // 'kafka' | 'table'
    t.text('topic')
    t.text('table_schema')
    t.text('table_name')
    // The consumer's front-end database URL, sealed (AES-256-GCM, the subscription id as AAD).
    t.text('connection_sealed')
    t.text('status').notNullable().defaultTo('active') // active | paused | stopped
    t.text('stop_reason')
    t.bigInteger('position').notNullable().defaultTo(0)
    t.bigInteger('delivered').notNullable().defaultTo(0)
    t.timestamp('last_delivered_at', { useTz: true })
    t.timestamp('snapshot_requested_at', { useTz: true }).notNullable().defaultTo(knex.fn.now())
    t.text('created_by').notNullable()
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now())
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now())
    t.index(['consumer_department'])
    t.index(['grant_id'])
  })

  await knex.schema.createTable('subscription_deliveries', (t) => {
    t.uuid('subscription_id').notNullable().references('id').inTable('subscriptions')
    t.bigInteger('position').notNullable()
    t.text('subject_hash').notNullable()
    t.text('record_id').notNullable()
    t.timestamp('delivered_at', { useTz: true }).notNullable().defaultTo(knex.fn.now())
    t.primary(['subscription_id', 'position'])
    t.index(['subject_hash', 'delivered_at'])
  })
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTableIfExists('subscription_deliveries')
  await knex.schema.dropTableIfExists('subscriptions')
  await knex.raw('drop trigger if exists hub_records_stamp_change on hub_records')
  await knex.raw('drop function if exists hub_records_stamp_change()')
  await knex.raw('alter table hub_records drop column if exists change_seq')
  await knex.raw('drop sequence if exists hub_record_change_seq')
}
