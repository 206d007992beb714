import type { Knex } from 'knex'

/**
 * `subscription_deliveries` without its foreign key to `subscriptions`: the log is written only by the
 * batch that holds its subscription row FOR UPDATE (subscription-deliverer.ts), and subscriptions are
 * never deleted, so the key cannot dangle — while its check, one look-up per row, was about a third of
 * the cost of the per-batch log insert, the longest part of a snapshot batch (docs/benchmarks.md).
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('subscription_deliveries', (t) => {
    t.dropForeign(['subscription_id'])
  })
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('subscription_deliveries', (t) => {
    t.foreign('subscription_id').references('id').inTable('subscriptions')
  })
}
