import type { Knex } from 'knex'

/** Case changes by recording time: the window of a back-fill (`POST /v1/cases/backfill`). */
export async function up(knex: Knex): Promise<void> {
  await knex.raw('create index case_changes_recorded_at_idx on case_changes (recorded_at)')
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('drop index if exists case_changes_recorded_at_idx')
}
