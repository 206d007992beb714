import type { Knex } from 'knex'

/**
 * The catalog version: one counter that every committed change of the directory's searchable data
 * moves forward. Caches of search results and resource views are keyed by it, so a reader that sees
 * version N sees exactly the data of N: the counter and the data commit together, and a statement
 * that reads both reads one snapshot.
 *
 * The triggers sit on `resources` and `departments`: every change of a version or its items also
 * updates its `resources` row (status, listing or `latest_version`), so those two tables see every
 * change, and a bulk import queues one trigger event per resource rather than per item. The bump is
 * a deferred constraint trigger: it runs at commit time, once per transaction (a transaction-local
 * setting remembers it), so the counter row is locked only for the last moment of a writer's
 * transaction, after which that transaction takes no other lock (no deadlock through it).
 */
const TABLES = ['resources', 'departments']

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    create table catalog_version (
      id smallint primary key default 1 check (id = 1),
      version bigint not null
    )
  `)
  await knex.raw('insert into catalog_version (id, version) values (1, 1)')
  await knex.raw(`
    create function catalog_version_bump() returns trigger language plpgsql as $$
    begin
      if current_setting('hub.catalog_version_bumped', true) is distinct from 'yes' then
        update catalog_version set version = version + 1 where id = 1;
        perform set_config('hub.catalog_version_bumped', 'yes', true);
      end if;
      return null;
    end
    $$
  `)
  for (const table of TABLES) {
    await knex.raw(`
      create constraint trigger ${table}_catalog_version
      after insert or update or delete on ${table}
      deferrable initially deferred
      for each row execute function catalog_version_bump()
    `)
  }
}

export async function down(knex: Knex): Promise<void> {
  for (const table of TABLES) await knex.raw(`drop trigger if exists ${table}_catalog_version on ${table}`)
  await knex.raw('drop function if exists catalog_version_bump()')
  await knex.raw('drop table if exists catalog_version')
}
