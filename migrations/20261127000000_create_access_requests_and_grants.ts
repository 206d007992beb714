import type { Knex } from 'knex'

/**
 * Access requests (共享申请), their timeline, grants and the grant epoch.
 *
 * - `access_requests`: one row per request; a partial unique index allows one pending request per
 *   consumer department and resource, so two racing duplicates cannot both be filed.
 * - `access_request_events`: the timeline, one row per state change, append-only.
 * - `grants`: what a decision allows; `request_id` links the grant back to the request it answers.
 * - `grant_epochs`: a counter per consumer department, bumped in the same transaction as any change of
 *   that department's grants. Cached abilities remember the epoch they were built at and are rebuilt
 *   when it moved, so a revocation holds from the very next request on every instance.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('access_requests', (t) => {
    t.bigIncrements('id').primary()
    t.text('consumer_department').notNullable().references('code').inTable('departments')
    t.text('requested_by').notNullable()
    t.bigInteger('resource_id').notNullable().references('id').inTable('resources')
    t.text('resource_code').notNullable()
    t.text('provider_department').notNullable()
    t.integer('resource_version').notNullable()
    t.text('share_type').notNullable()
    t.jsonb('items').notNullable()
    t.text('purpose_code').notNullable()
    t.text('purpose_text').notNullable()
    t.text('legal_basis').notNullable()
    t.jsonb('service_items').notNullable()
    t.date('period_from').notNullable()
    t.date('period_to').notNullable()
    t.integer('expected_volume').notNullable()
    t.text('status').notNullable()
    t.timestamp('decision_deadline', { useTz: true })
    t.timestamp('decided_at', { useTz: true })
    t.text('decided_by')
    t.text('decision_reason')
    t.bigInteger('grant_id')
    t.timestamp('overdue_at', { useTz: true })
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now())
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now())
  })
  await knex.raw(`alter table access_requests
    add constraint access_requests_status_check
      check (status in ('pending', 'granted', 'refused', 'withdrawn')),
    add constraint access_requests_period_check check (period_to > period_from)`)
  await knex.raw(`create unique index access_requests_one_pending_idx
    on access_requests (consumer_department, resource_id) where status = 'pending'`)
  await knex.raw('create index access_requests_consumer_idx on access_requests (consumer_department, id)')
  await knex.raw('create index access_requests_provider_idx on access_requests (provider_department, id)')
  await knex.raw(`create index access_requests_deadline_idx on access_requests (decision_deadline)
    where status = 'pending'`)

  await knex.schema.createTable('access_request_events', (t) => {
    t.bigIncrements('id').primary()
    t.bigInteger('request_id').notNullable().references('id').inTable('access_requests')
    t.text('type').notNullable()
    t.text('status').notNullable()
    t.text('actor').notNullable()
    t.text('note')
    t.jsonb('details').notNullable().defaultTo('{}')
    t.timestamp('at', { useTz: true }).notNullable().defaultTo(knex.fn.now())
    t.index(['request_id', 'id'])
  })

  await knex.schema.createTable('grants', (t) => {
    t.bigIncrements('id').primary()
    t.bigInteger('request_id').references('id').inTable('access_requests')
    t.bigInteger('resource_id').notNullable().references('id').inTable('resources')
    t.text('resource_code').notNullable()
    t.text('provider_department').notNullable()
    t.text('consumer_department').notNullable().references('code').inTable('departments')
    t.jsonb('subjects').notNullable()
    t.integer('version_from').notNullable()
    t.integer('version_to')
    t.jsonb('items').notNullable()
    t.jsonb('row_conditions').notNullable()
    t.jsonb('masking').notNullable()
    t.text('purpose_code').notNullable()
    t.timestamp('valid_from', { useTz: true }).notNullable()
    t.timestamp('valid_until', { useTz: true }).notNullable()
    t.integer('rate_limit_per_minute')
    t.integer('daily_volume_cap')
    t.text('status').notNullable()
    t.timestamp('revoked_at', { useTz: true })
    t.text('revoked_by')
    t.text('revoke_reason')
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now())
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now())
  })
  await knex.raw(`alter table grants
    add constraint grants_status_check check (status in ('active', 'revoked', 'expired')),
    add constraint grants_validity_check check (valid_until > valid_from)`)
  await knex.raw(`create index grants_consumer_active_idx on grants (consumer_department)
    where status = 'active'`)
  await knex.raw('create index grants_provider_idx on grants (provider_department, id)')
  await knex.raw(`create index grants_expiry_idx on grants (valid_until) where status = 'active'`)

  await knex.schema.createTable('grant_epochs', (t) => {
    t.text('department').primary()
    t.bigInteger('epoch').notNullable()
  })
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTableIfExists('grant_epochs')
  await knex.schema.dropTableIfExists('grants')
  await knex.schema.dropTableIfExists('access_request_events')
  await knex.schema.dropTableIfExists('access_requests')
}
