import type { Knex } from 'knex'

/**
 * The transactional outbox (docs/adr/0001-transactional-outbox.md). A feature inserts its event rows
 * in the same transaction as its change; the relay publishes them in `id` order and stamps
 * `published_at`. The statement-level trigger wakes the relay (LISTEN hub_outbox) at commit time —
 * notifications of a rolled-back transaction are never delivered, and one per statement is plenty.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    create table outbox (
      id bigint generated always as identity primary key,
      event_id uuid not null unique,
      topic text not null,
      key text not null,
      type text not null,
      schema_version int not null default 1,
      payload jsonb not null,
      headers jsonb not null default '{}',
      created_at timestamptz not null default now(),
      published_at timestamptz null
    )
  `)
  // The relay only ever reads unpublished rows in id order; published rows are pruned later.
  await knex.raw('create index outbox_unpublished_idx on outbox (id) where published_at is null')
  await knex.raw(`
    create function outbox_notify() returns trigger language plpgsql as $$
    begin
      perform pg_notify('hub_outbox', '');
      return null;
    end
    $$
  `)
  await knex.raw(`
    create trigger outbox_notify_after_insert
    after insert on outbox for each statement execute function outbox_notify()
  `)
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('drop trigger if exists outbox_notify_after_insert on outbox')
  await knex.raw('drop function if exists outbox_notify()')
  await knex.raw('drop table if exists outbox')
}
