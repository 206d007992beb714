import type { Knex } from 'knex'

/**
 * `demo_seed_runs`: which one-off demo generators have run against this database (e.g. the year of
 * demo history), so a second start of the demo does not write them again.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('demo_seed_runs', (t) => {
    t.text('name').primary()
    t.jsonb('summary').notNullable().defaultTo('{}')
    t.timestamp('ran_at', { useTz: true }).notNullable().defaultTo(knex.fn.now())
  })
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTableIfExists('demo_seed_runs')
}
