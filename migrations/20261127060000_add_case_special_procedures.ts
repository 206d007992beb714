import type { Knex } from 'knex'

/**
 * Special procedures (特别程序) of a case: the one running now and the time spent in ended ones, which
 * does not count against the promised time limit (overdue and on-time read promised_at + paused).
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('cases', (t) => {
    t.text('special_open_id').nullable()
    t.timestamp('special_open_since', { useTz: true }).nullable()
    t.bigInteger('special_paused_seconds').notNullable().defaultTo(0)
  })
  await knex.raw(`alter table case_changes drop constraint case_changes_kind_check,
    add constraint case_changes_kind_check check (kind in ('basic', 'step', 'special', 'result'))`)
}

export async function down(knex: Knex): Promise<void> {
  // Fails while special procedures are recorded: rolling back must not drop case history.
  await knex.raw(`alter table case_changes drop constraint case_changes_kind_check,
    add constraint case_changes_kind_check check (kind in ('basic', 'step', 'result'))`)
  await knex.schema.alterTable('cases', (t) => {
    t.dropColumn('special_open_id')
    t.dropColumn('special_open_since')
    t.dropColumn('special_paused_seconds')
  })
}
