import type { Knex } from 'knex'

/**
 * Electronic certificates (电子证照, GB/T 36901–36906) and the service-item materials they replace.
 *
 * - `certificate_types`: type code (GB/T 36904: defining authority's credit code + 3 digits), name,
 *   the issuing department and the JSON Schema every certificate's face data must satisfy.
 * - `certificates`: one row per identifier; the stored status is what the issuer set (valid,
 *   suspended, revoked); "expired" is derived from `valid_until` at read time, so no job is needed
 *   for a certificate to stop being valid.
 * - `certificate_signing_keys`: per-department ES256 keys; the private JWK is AES-256-GCM encrypted
 *   with the hub's key-encryption key. Retired keys stay for verifying older documents.
 * - `service_item_materials`: the materials (材料) a service item asks for and what can replace paper.
 * - `case_material_fetches`: materials of a case obtained by sharing (one row per case + material).
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('certificate_types', (t) => {
    t.text('code').primary()
    t.text('name').notNullable()
    t.text('issuer_department').notNullable().references('code').inTable('departments')
    t.jsonb('face_schema').notNullable()
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now())
  })

  await knex.schema.createTable('certificates', (t) => {
    t.text('id').primary()
    t.text('type_code').notNullable().references('code').inTable('certificate_types')
    t.text('issuer_department').notNullable().references('code').inTable('departments')
    t.text('holder_id_type').notNullable()
    t.text('holder_id_number').notNullable()
    t.text('holder_name').notNullable()
    t.date('issued_on').notNullable()
    t.date('valid_from').notNullable()
    t.date('valid_until')
    t.text('status').notNullable().defaultTo('valid')
    t.text('status_reason')
    t.jsonb('face_data').notNullable()
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now())
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now())
  })
  await knex.raw(`alter table certificates
    add constraint certificates_status_check check (status in ('valid', 'suspended', 'revoked')),
    add constraint certificates_holder_id_type_check check (holder_id_type in ('resident-id', 'credit-code')),
    add constraint certificates_validity_check check (valid_until is null or valid_until >= valid_from)`)
  await knex.raw(
    'create index certificates_holder_idx on certificates (holder_id_type, holder_id_number, type_code)',
  )

  await knex.schema.createTable('certificate_signing_keys', (t) => {
    t.text('kid').primary()
    t.text('department_code').notNullable().references('code').inTable('departments')
    t.jsonb('public_jwk').notNullable()
    t.text('private_jwk_sealed').notNullable()
    t.text('status').notNullable().defaultTo('active')
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now())
    t.timestamp('retired_at', { useTz: true })
  })
  await knex.raw(`alter table certificate_signing_keys
    add constraint certificate_signing_keys_status_check check (status in ('active', 'retired'))`)
  // At most one active key per department: concurrent first signatures cannot create two.
  await knex.raw(`create unique index certificate_signing_keys_active_idx
    on certificate_signing_keys (department_code) where status = 'active'`)

  await knex.schema.createTable('service_item_materials', (t) => {
    t.text('service_item_code').notNullable().references('code').inTable('service_items')
    t.text('material_code').notNullable()
    t.text('name').notNullable()
    t.boolean('required').notNullable().defaultTo(true)
    t.specificType('certificate_types', 'text[]').notNullable().defaultTo('{}')
    t.specificType('resource_codes', 'text[]').notNullable().defaultTo('{}')
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now())
    t.primary(['service_item_code', 'material_code'])
  })

  await knex.schema.createTable('case_material_fetches', (t) => {
    t.text('case_number').notNullable().references('case_number').inTable('cases')
    t.text('material_code').notNullable()
    t.text('certificate_id').notNullable().references('id').inTable('certificates')
    t.text('fetched_by').notNullable()
    t.text('department_code').notNullable()
    t.timestamp('fetched_at', { useTz: true }).notNullable().defaultTo(knex.fn.now())
    t.primary(['case_number', 'material_code'])
  })
  await knex.raw('create index case_material_fetches_fetched_at_idx on case_material_fetches (fetched_at)')
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTableIfExists('case_material_fetches')
  await knex.schema.dropTableIfExists('service_item_materials')
  await knex.schema.dropTableIfExists('certificate_signing_keys')
  await knex.schema.dropTableIfExists('certificates')
  await knex.schema.dropTableIfExists('certificate_types')
}
