import type { Knex } from 'knex'

/**
 * When a failed case-webhook delivery may be tried again. The retry budget and its backoff are kept
 * per delivery (not per drain job, of which every new event starts another), so a receiver that is
 * down gets one try per case per backoff step, and `CASE_WEBHOOK_ATTEMPTS` is the number of tries.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('case_webhook_deliveries', (t) => {
    t.timestamp('next_attempt_at', { useTz: true }).nullable()
  })
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('case_webhook_deliveries', (t) => {
    t.dropColumn('next_attempt_at')
  })
}
