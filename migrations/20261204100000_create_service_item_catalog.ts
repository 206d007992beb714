import type { Knex } from 'knex'

/**
 * The 事项 catalog (directory/service-items) takes over `service_items` and `service_item_materials`
 * (expand only: every existing column and row stays valid).
 *
 * - `service_items` gains the GB/T 39554.1 fields: implementation code, type, the implementing body's
 *   credit code and division, legal basis, one-visit flag, version, status and origin (`local`, or
 *   `province` for items kept in step with the provincial platform), plus the search text.
 * - `service_item_materials` gains the number of paper copies.
 * - `service_item_versions` keeps every version of an item as it was (item and materials), so a case
 *   accepted under version 1 can still be read against version 1 after an update.
 * - `cases.service_item_version` is the version a case was accepted under (null before versioning).
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('service_items', (t) => {
    t.text('implementation_code')
    t.text('item_type').notNullable().defaultTo('public-service')
    t.text('implementing_credit_code')
    t.text('division_code')
    t.text('legal_basis').notNullable().defaultTo('')
    t.boolean('one_visit').notNullable().defaultTo(false)
    t.integer('version').notNullable().defaultTo(1)
    t.text('status').notNullable().defaultTo('active')
    t.text('status_reason')
    t.text('origin').notNullable().defaultTo('local')
    t.text('search_text').notNullable().defaultTo('')
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now())
  })
  await knex.raw(`alter table service_items
    add constraint service_items_status_check check (status in ('active', 'retired')),
    add constraint service_items_origin_check check (origin in ('local', 'province')),
    add constraint service_items_item_type_check check (item_type in (
      'administrative-licensing', 'administrative-confirmation', 'administrative-payment',
      'administrative-reward', 'administrative-adjudication', 'other-administrative-power',
      'public-service'))`)
  await knex.raw(`update service_items set search_text = lower(code || ' ' || name)`)
  await knex.raw('create extension if not exists pg_trgm')
  await knex.raw(
    'create index service_items_search_text_trgm on service_items using gin (search_text gin_trgm_ops)',
  )
  await knex.raw('create index service_items_department_idx on service_items (department_code, code)')

  await knex.schema.alterTable('service_item_materials', (t) => {
    t.integer('paper_copies').notNullable().defaultTo(1)
  })

  await knex.schema.createTable('service_item_versions', (t) => {
    t.text('service_item_code').notNullable().references('code').inTable('service_items')
    t.integer('version').notNullable()
    t.jsonb('snapshot').notNullable()
    t.text('changed_by').notNullable()
    t.text('change').notNullable()
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now())
    t.primary(['service_item_code', 'version'])
  })
  // Items that existed before: their current state is their version 1.
  await knex.raw(`insert into service_item_versions (service_item_code, version, snapshot, changed_by, change)
    select s.code, 1, json_build_object(
      'code', s.code, 'implementationCode', null, 'name', s.name, 'type', s.item_type,
      'department', s.department_code, 'implementingCreditCode', null, 'divisionCode', null,
      'legalBasis', s.legal_basis, 'promisedWorkingDays', s.promised_working_days, 'oneVisit', s.one_visit,
      'version', 1, 'status', s.status, 'statusReason', null, 'origin', s.origin,
      'updatedAt', to_char(s.updated_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
      'materials', coalesce((select json_agg(json_build_object(
          'serviceItemCode', m.service_item_code, 'materialCode', m.material_code, 'name', m.name,
          'required', m.required, 'paperCopies', m.paper_copies,
          'certificateTypes', to_json(m.certificate_types), 'resourceCodes', to_json(m.resource_codes))
          order by m.material_code)
        from service_item_materials m where m.service_item_code = s.code), '[]'::json)),
      'migration', 'created'
    from service_items s`)

  await knex.schema.alterTable('cases', (t) => {
    t.integer('service_item_version')
  })
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('cases', (t) => {
    t.dropColumn('service_item_version')
  })
  await knex.schema.dropTableIfExists('service_item_versions')
  await knex.schema.alterTable('service_item_materials', (t) => {
    t.dropColumn('paper_copies')
  })
  await knex.raw('drop index if exists service_items_search_text_trgm')
  await knex.raw('drop index if exists service_items_department_idx')
  await knex.raw(`alter table service_items
    drop constraint service_items_status_check,
    drop constraint service_items_origin_check,
    drop constraint service_items_item_type_check`)
  await knex.schema.alterTable('service_items', (t) => {
    for (const c of [
      'implementation_code',
      'item_type',
      'implementing_credit_code',
      'division_code',
      'legal_basis',
      'one_visit',
      'version',
      'status',
      'status_reason',
      'origin',
      'search_text',
      'updated_at',
    ])
      t.dropColumn(c)
  })
}
