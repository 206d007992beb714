import type { Knex } from 'knex'
import type { ResourceFacts } from '../../policies/directory-rules.ts'
import type { SourceRow } from './resource-source-store.ts'

/** A resource of the directory (any status) with its explicit source, if one is stored. */
export interface ResourceWithSource extends ResourceFacts {
  code: string
  source: SourceRow | null
}

/** resources ⟕ resource_sources, one row by code. */
export async function resourceWithSource(
  db: Knex | Knex.Transaction,
  code: string,
): Promise<ResourceWithSource | undefined> {
  const row = (await db('resources as r')
    .leftJoin('resource_sources as s', 's.resource_code', 'r.code')
    .where('r.code', code)
    .first(
      'r.code',
      'r.provider_code',
      'r.status',
      's.resource_code',
      's.adapter',
      's.record_kind',
      's.hub_held',
      's.item_fields',
      's.updated_at',
    )) as
    | (Partial<SourceRow> & { code: string; provider_code: string; status: ResourceFacts['status'] })
    | undefined
  if (!row) return undefined
  return {
    code: row.code,
    provider: row.provider_code,
    status: row.status,
    source: row.resource_code
      ? {
          resource_code: row.resource_code,
          adapter: row.adapter!,
          record_kind: row.record_kind!,
          hub_held: row.hub_held === true,
          item_fields: row.item_fields ?? null,
          updated_at: row.updated_at!,
        }
      : null,
  }
}
