import type { Knex } from 'knex'

/**
 * Case data (办件): the hub is its system of record.
 *
 * - `service_items`: the government service items (事项) cases may refer to; unknown codes are refused.
 * - `cases`: the current state of each case — basic info, status, result — and the counters the
 *   statistics read. The applicant's ID is stored in plain text (the hub must answer "this person's
 *   cases") and never logged; responses mask it per caller.
 * - `case_changes`: every accepted change in (case number, sequence) order. It is the timeline, the
 *   idempotency record (payload hash + the first answer) and the position source for webhook replay.
 *   `province_forwarded_at` drives the provincial backlog metric.
 * - `case_webhooks` / `case_webhook_deliveries`: subscriptions and their per-subscription queue,
 *   delivered in position order.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('service_items', (t) => {
    t.text('code').primary()
    t.text('name').notNullable()
    t.text('department_code').references('code').inTable('departments')
    t.integer('promised_working_days')
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now())
  })

  await knex.schema.createTable('cases', (t) => {
    t.text('case_number').primary()
    t.text('service_item_code').notNullable().references('code').inTable('service_items')
    t.text('service_item_name').notNullable()
    t.text('department_code').notNullable().references('code').inTable('departments')
    t.text('division_code').notNullable()
    t.text('applicant_kind').notNullable()
    t.text('applicant_name').notNullable()
    t.text('applicant_id_type').notNullable()
    t.text('applicant_id_number').notNullable()
    t.text('channel').notNullable()
    t.jsonb('basic').notNullable()
    t.text('status').notNullable()
    t.timestamp('accepted_at', { useTz: true }).notNullable()
    t.timestamp('promised_at', { useTz: true })
    t.timestamp('completed_at', { useTz: true })
    t.text('outcome')
    t.jsonb('result')
    t.integer('visits').notNullable().defaultTo(1)
    t.integer('materials_shared').notNullable().defaultTo(0)
    t.integer('materials_paper').notNullable().defaultTo(0)
    t.integer('last_sequence').notNullable()
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now())
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now())
  })
  await knex.raw(`alter table cases
    add constraint cases_status_check check (status in ('accepted', 'in-review', 'decided', 'completed')),
    add constraint cases_applicant_id_type_check check (applicant_id_type in ('resident-id', 'credit-code'))`)
  await knex.raw('create index cases_department_idx on cases (department_code, accepted_at, case_number)')
  await knex.raw('create index cases_applicant_idx on cases (applicant_id_type, applicant_id_number)')
  await knex.raw(`create index cases_open_promised_idx on cases (promised_at) where status <> 'completed'`)

  await knex.schema.createTable('case_changes', (t) => {
    t.bigIncrements('position').primary()
    t.text('case_number').notNullable().references('case_number').inTable('cases')
    t.integer('sequence').notNullable()
    t.text('kind').notNullable()
    t.jsonb('payload').notNullable()
    t.text('payload_hash').notNullable()
    t.jsonb('receipt').notNullable()
    t.uuid('event_id').notNullable().unique()
    t.text('recorded_by').notNullable()
    t.timestamp('recorded_at', { useTz: true }).notNullable().defaultTo(knex.fn.now())
    t.timestamp('province_forwarded_at', { useTz: true })
    t.unique(['case_number', 'sequence'])
  })
  await knex.raw(`alter table case_changes
    add constraint case_changes_kind_check check (kind in ('basic', 'step', 'result'))`)
  await knex.raw(`create index case_changes_province_backlog_idx on case_changes (position)
    where province_forwarded_at is null`)

  await knex.schema.createTable('case_webhooks', (t) => {
    t.bigIncrements('id').primary()
    t.text('department').notNullable().references('code').inTable('departments')
    t.text('url').notNullable()
    t.text('status').notNullable().defaultTo('active')
    t.text('created_by').notNullable()
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now())
  })
  await knex.raw(`alter table case_webhooks
    add constraint case_webhooks_status_check check (status in ('active', 'deleted'))`)

  await knex.schema.createTable('case_webhook_deliveries', (t) => {
    t.bigIncrements('id').primary()
    t.bigInteger('webhook_id').notNullable().references('id').inTable('case_webhooks')
    t.uuid('event_id').notNullable()
    t.text('case_number').notNullable()
    t.jsonb('body').notNullable()
    t.text('status').notNullable().defaultTo('pending')
    t.integer('attempts').notNullable().defaultTo(0)
    t.text('last_error')
    t.timestamp('delivered_at', { useTz: true })
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now())
    t.unique(['webhook_id', 'event_id'])
  })
  await knex.raw(`alter table case_webhook_deliveries
    add constraint case_webhook_deliveries_status_check check (status in ('pending', 'delivered', 'dead'))`)
  await knex.raw(`create index case_webhook_deliveries_pending_idx on case_webhook_deliveries (webhook_id, id)
    where status = 'pending'`)
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTableIfExists('case_webhook_deliveries')
  await knex.schema.dropTableIfExists('case_webhooks')
  await knex.schema.dropTableIfExists('case_changes')
  await knex.schema.dropTableIfExists('cases')
  await knex.schema.dropTableIfExists('service_items')
}
