import type { Knex } from 'knex'

/**
 * The audit chain may hash with SM3 (ADR 0010): each record names its hash (`hash_alg`, SHA-256 for
 * every record written before), and `audit_record_hash()` — which verification runs inside
 * PostgreSQL — hashes each record its way, SM3 through pgcrypto's `digest(…, 'sm3')`.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw('create extension if not exists pgcrypto')
  await knex.raw(`alter table audit_records add column hash_alg text not null default 'sha256'`)
  await knex.raw(`alter table audit_records
    add constraint audit_records_hash_alg_check check (hash_alg in ('sha256', 'sm3'))`)
  await knex.raw(`
    create or replace function audit_record_hash(r audit_records) returns text
    language sql stable parallel safe as $$
      select case r.hash_alg
        when 'sm3' then encode(digest(convert_to(audit_record_canonical(r), 'UTF8'), 'sm3'), 'hex')
        else encode(sha256(convert_to(audit_record_canonical(r), 'UTF8')), 'hex')
      end
    $$
  `)
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`
    create or replace function audit_record_hash(r audit_records) returns text
    language sql stable parallel safe as $$
      select encode(sha256(convert_to(audit_record_canonical(r), 'UTF8')), 'hex')
    $$
  `)
  await knex.raw('alter table audit_records drop column hash_alg')
}
