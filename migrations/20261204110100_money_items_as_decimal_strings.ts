import type { Knex } from 'knex'

/**
 * Money items (data type Y) are decimal strings in derived record schemas (`"7300.00"`), as fetches
 * return them (directory/resources/resource-record-schema.ts). Versions whose record schema was
 * derived from the items get the same property as a new derivation would give them.
 */
const MONEY_PATTERN = '^-?[0-9]+\\.[0-9]{2}$'

/** Each derived version's money properties, replaced in one statement per direction. */
function rewrite(knex: Knex, property: string, bindings: string[]) {
  return knex.raw(
    `update resource_versions v
        set record_schema = jsonb_set(v.record_schema, '{properties}', (v.record_schema->'properties') || m.money)
       from (select resource_id, version, jsonb_object_agg(code, ${property}) as money
               from resource_items where data_type = 'Y' group by resource_id, version) m
      where m.resource_id = v.resource_id and m.version = v.version and v.record_schema_derived`,
    bindings,
  )
}

export async function up(knex: Knex): Promise<void> {
  await rewrite(
    knex,
    `jsonb_build_object('type', jsonb_build_array('string', 'null'), 'description', name, 'pattern', ?::text)`,
    [MONEY_PATTERN],
  )
}

export async function down(knex: Knex): Promise<void> {
  await rewrite(
    knex,
    `jsonb_build_object('type', jsonb_build_array('number', 'null'), 'description', name)`,
    [],
  )
}
