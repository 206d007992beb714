import type { Knex } from 'knex'

/**
 * `case_material_misses`: a material of a case whose last certificate fetch found nothing usable —
 * no certificate (`not-found`), only expired or withdrawn ones (`expired`, `revoked`), or several
 * valid ones not chosen between yet (`ambiguous`). The clerk's window reads it as "paper needed" until a
 * later fetch obtains one (then the row is removed and `case_material_fetches` holds the material).
 * One row per case + material, the last attempt's.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('case_material_misses', (t) => {
    t.text('case_number').notNullable().references('case_number').inTable('cases')
    t.text('material_code').notNullable()
    t.text('outcome').notNullable()
    t.text('attempted_by').notNullable()
    t.text('department_code').notNullable()
    t.timestamp('attempted_at', { useTz: true }).notNullable().defaultTo(knex.fn.now())
    t.primary(['case_number', 'material_code'])
  })
  await knex.raw(`alter table case_material_misses add constraint case_material_misses_outcome_check
    check (outcome in ('not-found', 'expired', 'revoked', 'ambiguous'))`)
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('case_material_misses')
}
