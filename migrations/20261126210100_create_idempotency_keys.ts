import type { Knex } from 'knex'

/**
 * Remembered answers of creating POSTs sent with an `Idempotency-Key` header, so a client that lost
 * the response can retry without creating twice. Keyed per caller: two callers may pick the same
 * key. `request_hash` covers operation and body, so reusing a key for a different request is caught.
 * A row is inserted in the same transaction as the change it answers for, so it exists if and only
 * if the change committed.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('idempotency_keys', (t) => {
    t.text('subject').notNullable()
    t.text('key').notNullable()
    t.text('request_hash').notNullable()
    t.integer('status').nullable()
    t.jsonb('response').nullable()
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now())
    t.primary(['subject', 'key'])
  })
  // Lets a future pruning job drop old keys without a full scan (no pruning exists yet).
  await knex.schema.alterTable('idempotency_keys', (t) => {
    t.index(['created_at'], 'idempotency_keys_created_at_idx')
  })
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTableIfExists('idempotency_keys')
}
