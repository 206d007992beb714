import type { Knex } from 'knex'

/**
 * The information-resource directory (政务信息资源目录).
 *
 * - `resources`: one row per resource: its code (stored as the 1272号 parts; the rendered form is a
 *   generated column), provider, lifecycle status, which version is current (published) and which is
 *   the newest, and a denormalised copy of the listed version's searchable fields. Search and facets
 *   read only this table (plus departments), so a catalog of 10⁵ entries stays one index scan away.
 * - `resource_versions`: every version's metadata; a published change is always a new version.
 * - `resource_items`: the information items (信息项) of each version.
 *
 * pg_trgm ships with PostgreSQL contrib (also in the embedded binaries); its GIN index makes
 * `ILIKE '%关键词%'` fast for CJK and Latin substrings of three or more characters.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw('create extension if not exists pg_trgm')

  await knex.schema.createTable('resources', (t) => {
    t.bigIncrements('id').primary()
    t.text('lei').notNullable()
    t.text('xiang').notNullable()
    t.text('mu').notNullable()
    t.text('ximu').notNullable().defaultTo('')
    t.text('seq').notNullable()
    t.text('provider_code').notNullable().references('code').inTable('departments')
    t.text('status').notNullable()
    t.text('status_reason')
    t.integer('current_version')
    t.integer('latest_version').notNullable()
    t.text('name').notNullable()
    t.text('summary').notNullable()
    t.text('class').notNullable()
    t.text('share_type').notNullable()
    t.text('format_category').notNullable()
    t.text('update_cycle').notNullable()
    t.timestamp('published_at', { useTz: true })
    t.text('search_text').notNullable()
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now())
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now())
    t.unique(['lei', 'xiang', 'mu', 'ximu', 'seq'], { indexName: 'resources_code_parts_key' })
  })
  await knex.raw(`alter table resources
    add column code text generated always as (lei || xiang || mu || ximu || '/' || seq) stored,
    add constraint resources_code_key unique (code),
    add constraint resources_code_parts_check check (
      lei ~ '^[1-3]$' and xiang ~ '^[0-9]{2}$' and mu ~ '^[0-9]{3}$' and ximu ~ '^[0-9]{0,12}$'
      and seq ~ '^[0-9]{1,12}$'),
    add constraint resources_status_check
      check (status in ('draft', 'submitted', 'published', 'deprecated', 'withdrawn')),
    add constraint resources_share_type_check
      check (share_type in ('unconditional', 'conditional', 'not-shared'))`)
  await knex.raw('create index resources_search_text_trgm on resources using gin (search_text gin_trgm_ops)')
  await knex.raw('create index resources_provider_idx on resources (provider_code)')
  await knex.raw('create index resources_status_idx on resources (status)')
  await knex.raw('create index resources_name_idx on resources (name, id)')
  await knex.raw('create index resources_published_idx on resources (published_at desc nulls last, id)')

  await knex.schema.createTable('resource_versions', (t) => {
    t.bigInteger('resource_id').notNullable().references('id').inTable('resources').onDelete('CASCADE')
    t.integer('version').notNullable()
    t.text('status').notNullable()
    t.text('name').notNullable()
    t.text('summary').notNullable()
    t.text('format_category').notNullable()
    t.text('format_type').notNullable()
    t.text('share_type').notNullable()
    t.text('share_condition')
    t.jsonb('share_methods').notNullable()
    t.boolean('open').notNullable()
    t.text('open_condition')
    t.text('update_cycle').notNullable()
    t.jsonb('related_codes').notNullable()
    t.jsonb('record_schema').notNullable()
    t.boolean('record_schema_derived').notNullable()
    t.text('source_adapter')
    t.jsonb('service_items').notNullable()
    t.jsonb('extension').notNullable()
    t.text('review_comment')
    t.text('created_by').notNullable()
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now())
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now())
    t.timestamp('submitted_at', { useTz: true })
    t.timestamp('published_at', { useTz: true })
    t.primary(['resource_id', 'version'])
  })
  await knex.raw(`alter table resource_versions add constraint resource_versions_status_check
    check (status in ('draft', 'submitted', 'published', 'superseded'))`)
  // At most one version of a resource is being worked on or reviewed at a time.
  await knex.raw(`create unique index resource_versions_one_open_idx on resource_versions (resource_id)
    where status in ('draft', 'submitted')`)

  await knex.schema.createTable('resource_items', (t) => {
    t.bigInteger('resource_id').notNullable()
    t.integer('version').notNullable()
    t.integer('position').notNullable()
    t.text('code').notNullable()
    t.text('name').notNullable()
    t.text('data_type').notNullable()
    t.integer('length').notNullable()
    t.boolean('personal').notNullable()
    t.smallint('sensitivity').notNullable()
    t.text('share_type').notNullable()
    t.text('share_condition')
    t.boolean('open').notNullable()
    t.text('open_condition')
    t.primary(['resource_id', 'version', 'position'])
    t.unique(['resource_id', 'version', 'code'])
    t.foreign(['resource_id', 'version'])
      .references(['resource_id', 'version'])
      .inTable('resource_versions')
      .onDelete('CASCADE')
  })
  await knex.raw(`alter table resource_items add constraint resource_items_data_type_check
    check (data_type in ('C', 'N', 'Y', 'D', 'T', 'L', 'M', 'G', 'B', 'I', 'F'))`)
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTableIfExists('resource_items')
  await knex.schema.dropTableIfExists('resource_versions')
  await knex.schema.dropTableIfExists('resources')
  // pg_trgm stays: other features may index with it, and dropping an extension is not ours to decide.
}
