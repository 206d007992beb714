import type { Knex } from 'knex'

/**
 * The search text of a resource now leads with its provider's code (`searchText` in
 * directory/resources/resource-rules.ts), so `q=lf-hrss` finds that department's resources.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`update resources set search_text = lower(provider_code) || ' | ' || search_text`)
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(
    `update resources set search_text = substr(search_text, length(lower(provider_code) || ' | ') + 1)
     where starts_with(search_text, lower(provider_code) || ' | ')`,
  )
}
