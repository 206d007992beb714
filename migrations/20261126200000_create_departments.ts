import type { Knex } from 'knex'

/** Departments (部门): providers and consumers of data; principals belong to one by code. */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('departments', (t) => {
    t.text('code').primary()
    t.text('name').notNullable()
    t.text('level').notNullable()
    t.text('kind').notNullable().defaultTo('government')
    t.text('division_code').notNullable()
    t.text('credit_code').unique()
    t.text('parent_code').references('code').inTable('departments')
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now())
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now())
  })
  await knex.raw(`alter table departments add constraint departments_level_check
    check (level in ('province', 'city', 'county', 'township', 'village'))`)
  await knex.raw(`alter table departments add constraint departments_kind_check
    check (kind in ('government', 'external'))`)
  await knex.raw(`alter table departments add constraint departments_division_code_check
    check (division_code ~ '^[0-9]{6}$')`)
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('departments')
}
