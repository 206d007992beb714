import type { Knex } from 'knex'

/**
 * Data objections (数据异议与校核, exchange/objections/): a consumer or clerk reports that shared data
 * is wrong, the provider checks and answers within working days, the reviewer decides escalations.
 *
 * - `objections`: one row per objection, its target (a resource, a record received by a fetch, or a
 *   certificate fetched for a case) and where it stands.
 * - `objection_attachments`: evidence, stored in PostgreSQL with a hard size cap.
 * - `objection_changes`: the append-only timeline, one row per step.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('objections', (t) => {
    t.bigIncrements('id').primary()
    t.text('target_type').notNullable()
    t.text('resource_code')
    t.text('source_adapter')
    t.text('record_kind')
    t.text('record_id')
    t.text('certificate_id')
    t.text('fetch_request_id')
    t.text('case_number')
    t.text('subject_masked')
    t.text('provider_department').notNullable().references('code').inTable('departments')
    t.text('objector_department').notNullable().references('code').inTable('departments')
    t.text('raised_by').notNullable()
    t.specificType('items', 'text[]').notNullable().defaultTo('{}')
    t.text('description').notNullable()
    t.jsonb('observed_values').notNullable().defaultTo('{}')
    t.text('evidence')
    t.text('share_type').notNullable()
    t.text('status').notNullable()
    t.timestamp('answer_deadline', { useTz: true }).notNullable()
    t.timestamp('first_answered_at', { useTz: true })
    t.timestamp('answered_at', { useTz: true })
    t.text('answered_by')
    t.text('answer_reason')
    t.jsonb('correction')
    t.boolean('overdue').notNullable().defaultTo(false)
    t.timestamp('escalated_at', { useTz: true })
    t.text('ruling')
    t.text('ruled_by')
    t.timestamp('ruled_at', { useTz: true })
    t.timestamp('closed_at', { useTz: true })
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now())
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now())
  })
  await knex.raw(`
    alter table objections
      add constraint objections_target_check check (
        (target_type = 'resource' and resource_code is not null) or
        (target_type = 'record' and resource_code is not null and record_id is not null and fetch_request_id is not null) or
        (target_type = 'certificate' and certificate_id is not null and case_number is not null)),
      add constraint objections_status_check check (
        status in ('open', 'corrected', 'rejected', 'escalated', 'upheld', 'closed', 'dismissed'))
  `)
  // The fetch path asks "is this record disputed?" on every answer: a small partial index.
  await knex.raw(`
    create index objections_disputed_records_idx on objections (resource_code, record_id)
      where target_type = 'record' and status in ('open', 'rejected', 'escalated', 'upheld')`)
  await knex.raw(`
    create index objections_disputed_certificates_idx on objections (certificate_id)
      where target_type = 'certificate' and status in ('open', 'rejected', 'escalated', 'upheld')`)
  await knex.raw('create index objections_provider_idx on objections (provider_department, id)')
  await knex.raw('create index objections_objector_idx on objections (objector_department, id)')
  await knex.raw(
    `create index objections_deadline_idx on objections (answer_deadline) where status in ('open', 'upheld')`,
  )

  await knex.schema.createTable('objection_attachments', (t) => {
    t.bigIncrements('id').primary()
    t.bigInteger('objection_id').notNullable().references('id').inTable('objections')
    t.text('file_name').notNullable()
    t.text('media_type').notNullable()
    t.specificType('content', 'bytea').notNullable()
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now())
  })
  // The service caps attachments far below this; the check holds even for a writer that forgets.
  await knex.raw(
    'alter table objection_attachments add constraint objection_attachments_size_check check (octet_length(content) <= 2097152)',
  )
  await knex.raw('create index objection_attachments_objection_idx on objection_attachments (objection_id)')

  await knex.schema.createTable('objection_changes', (t) => {
    t.bigIncrements('id').primary()
    t.bigInteger('objection_id').notNullable().references('id').inTable('objections')
    t.text('type').notNullable()
    t.text('status').notNullable()
    t.text('actor').notNullable()
    t.text('note')
    t.jsonb('details').notNullable().defaultTo('{}')
    t.timestamp('at', { useTz: true }).notNullable().defaultTo(knex.fn.now())
  })
  await knex.raw('create index objection_changes_objection_idx on objection_changes (objection_id, id)')
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTableIfExists('objection_changes')
  await knex.schema.dropTableIfExists('objection_attachments')
  await knex.schema.dropTableIfExists('objections')
}
