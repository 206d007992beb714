import type { Knex } from 'knex'

/**
 * Poison records of a subscription: a record its target refused on its own (after the batch failed
 * repeatedly) is set aside here so the rest of the stream moves on; a replay re-sends it.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('subscription_dead_letters', (t) => {
    t.uuid('subscription_id').notNullable().references('id').inTable('subscriptions')
    t.bigInteger('position').notNullable()
    t.text('record_id').notNullable()
    t.text('error').notNullable()
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now())
    t.primary(['subscription_id', 'position'])
  })
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTableIfExists('subscription_dead_letters')
}
