import type { Knex } from 'knex'

/**
 * Web console sessions, server-side so every hub instance behind a load balancer sees the same ones.
 * The cookie holds a random id; only its SHA-256 is stored, so a copy of this table signs no one in.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('console_sessions', (t) => {
    t.text('id_hash').primary()
    t.text('subject').notNullable()
    // The principal as the console sees it (subject, department, roles, district, displayName).
    t.jsonb('principal').notNullable()
    t.text('csrf_token').notNullable()
    // How the session was made: `dev` (demo principal) or `oidc`; with OIDC, the ID token for RP-initiated logout.
    t.text('method').notNullable()
    t.text('id_token')
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now())
    t.timestamp('last_seen_at', { useTz: true }).notNullable().defaultTo(knex.fn.now())
    t.timestamp('expires_at', { useTz: true }).notNullable()
    t.index(['expires_at'], 'console_sessions_expires_at_idx')
  })
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTableIfExists('console_sessions')
}
