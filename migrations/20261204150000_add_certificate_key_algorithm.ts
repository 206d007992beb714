import type { Knex } from 'knex'

/**
 * Certificate signing keys name their algorithm (`ES256` or `SM2-SM3`, ADR 0010); an issuer may
 * hold one active key per algorithm while it moves from one to the other.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`alter table certificate_signing_keys add column alg text not null default 'ES256'`)
  await knex.raw(`alter table certificate_signing_keys
    add constraint certificate_signing_keys_alg_check check (alg in ('ES256', 'SM2-SM3'))`)
  await knex.raw('drop index certificate_signing_keys_active_idx')
  await knex.raw(`create unique index certificate_signing_keys_active_idx
    on certificate_signing_keys (department_code, alg) where status = 'active'`)
}

export async function down(knex: Knex): Promise<void> {
  // One active key per department again: SM2 keys cannot be represented without the column.
  await knex.raw(
    `update certificate_signing_keys set status = 'retired' where alg <> 'ES256' and status = 'active'`,
  )
  await knex.raw('drop index certificate_signing_keys_active_idx')
  await knex.raw(`create unique index certificate_signing_keys_active_idx
    on certificate_signing_keys (department_code) where status = 'active'`)
  await knex.raw('alter table certificate_signing_keys drop column alg')
}
