import type { Knex } from 'knex'

/** An issuer's certificates, newest first: the keyset order of `GET /v1/certificates`. */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(
    'create index certificates_issuer_idx on certificates (issuer_department, issued_on desc, id desc)',
  )
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('drop index if exists certificates_issuer_idx')
}
