import type { Knex } from 'knex'

/**
 * Dead letters of live subscriptions (exchange/subscriptions/dead-letters.ts):
 *
 * - `subscription_dead_letters.deleted`: the set-aside delivery was a deletion (a live source no
 *   longer lists the record), which a replay sends again as such — there is nothing to re-read.
 * - `subscription_live_records.dead_letter`: the last delivery of this record (at `position`, with
 *   `hash`) was set aside, so the target does not hold it. The hash stays, so an unchanged record is
 *   not re-sent (and refused again) on every pass; a replay forgets the row so the next pass re-sends
 *   it, and reconciliation does not count it as held.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('subscription_dead_letters', (t) => {
    t.boolean('deleted').notNullable().defaultTo(false)
  })
  await knex.schema.alterTable('subscription_live_records', (t) => {
    t.boolean('dead_letter').notNullable().defaultTo(false)
  })
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('subscription_live_records', (t) => {
    t.dropColumn('dead_letter')
  })
  await knex.schema.alterTable('subscription_dead_letters', (t) => {
    t.dropColumn('deleted')
  })
}
