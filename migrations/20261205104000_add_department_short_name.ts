import type { Knex } from 'knex'

/**
 * A department's short name (简称, e.g. 市人社局 for 临汾市人力资源和社会保障局): what charts and tight
 * tables show where the official name does not fit. Optional — without one the official name is shown.
 * Conventional abbreviations cannot be derived from the official name, hence a column.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw('alter table departments add column short_name text')
  await knex.raw(`alter table departments add constraint departments_short_name_check
    check (short_name is null or char_length(short_name) between 1 and 20)`)
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('alter table departments drop column short_name')
}
