import type { Knex } from 'knex'

/**
 * File exchange (文件交换): snapshots of a `file` subscription as NDJSON and CSV with a signed
 * manifest. The files are kept in the database (bytea) so every hub instance can serve them.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('subscription_files', (t) => {
    t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'))
    t.uuid('subscription_id').notNullable().references('id').inTable('subscriptions')
    t.bigInteger('position').notNullable()
    t.integer('records').notNullable()
    t.binary('ndjson').notNullable()
    t.binary('csv').notNullable()
    t.jsonb('manifest').notNullable()
    // Compact JWS (ES256) over the manifest JSON, with the hub's audit signing key.
    t.text('signature').notNullable()
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now())
    t.index(['subscription_id', 'created_at'])
  })
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTableIfExists('subscription_files')
}
