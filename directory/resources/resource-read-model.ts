import type { Knex } from 'knex'
import type { Resource, ResourceItem, ResourceVersionList } from '../../schemas/generated/types.ts'
import { CATALOG_VERSION_SQL } from './catalog-version.ts'
import { classOf } from './resource-code.ts'
import { findItems, type ItemRow, toItem } from './resource-item-store.ts'
import {
  RESOURCE_COLUMNS,
  type ResourceRecord,
  type ResourceRow,
  toResourceRecord,
} from './resource-store.ts'
import {
  findVersion,
  listVersions,
  toVersionRecord,
  type VersionRecord,
  type VersionRow,
} from './resource-version-store.ts'

/** Cross-table reads of one resource: a version with its items and provider, and the history. */

type Db = Knex | Knex.Transaction

/**
 * The provider's current name. A writer that stores it in a resource's search text reads it with
 * `forShare` inside its transaction: a concurrent rename then waits for that writer's commit (and its
 * refresh of the search texts sees the new resource), or the writer waits for the rename and reads
 * the new name — either way no resource keeps a name the department no longer has.
 */
export async function providerName(
  db: Db,
  provider: string,
  { forShare = false }: { forShare?: boolean } = {},
): Promise<string | undefined> {
  const query = db('departments').select('name').where({ code: provider }).first()
  const row = (await (forShare ? query.forShare() : query)) as { name: string } | undefined
  return row?.name
}

/** The full view of `version` of the resource; undefined when that version does not exist. */
export async function resourceView(
  db: Db,
  record: ResourceRecord,
  version: number,
): Promise<Resource | undefined> {
  // One after another: inside a transaction all three share one connection.
  const v = await findVersion(db, record.id, version)
  const items = await findItems(db, record.id, version)
  const name = await providerName(db, record.provider)
  if (!v) return undefined
  return assembleView(record, v, items, name ?? record.provider)
}

/** The view of a resource version from its parts (also used by the batched export). */
export function assembleView(
  record: ResourceRecord,
  v: VersionRecord,
  items: ResourceItem[],
  providerName: string,
): Resource {
  return {
    code: record.code,
    codeParts: record.parts,
    class: classOf(record.parts),
    name: v.name,
    summary: v.summary,
    provider: record.provider,
    providerName,
    format: v.format,
    items,
    shareType: v.shareType,
    shareCondition: v.shareCondition,
    shareMethods: v.shareMethods,
    open: v.open,
    openCondition: v.openCondition,
    updateCycle: v.updateCycle,
    relatedCodes: v.relatedCodes,
    recordSchema: v.recordSchema,
    recordSchemaDerived: v.recordSchemaDerived,
    sourceAdapter: v.sourceAdapter,
    serviceItems: v.serviceItems,
    extension: v.extension,
    status: record.status,
    statusReason: record.statusReason,
    version: v.version,
    versionStatus: v.status,
    currentVersion: record.currentVersion,
    latestVersion: record.latestVersion,
    publishedAt: v.publishedAt?.toISOString() ?? null,
    requestable: record.status === 'published' && v.status === 'published' && v.shareType !== 'not-shared',
    reviewComment: v.reviewComment,
    createdAt: record.createdAt.toISOString(),
    updatedAt: v.updatedAt.toISOString(),
  }
}

export async function versionHistory(
  db: Db,
  record: ResourceRecord,
  publishedOnly: boolean,
): Promise<ResourceVersionList> {
  const versions = await listVersions(db, record.id, publishedOnly)
  return {
    items: versions.map((v) => ({
      version: v.version,
      status: v.status,
      name: v.name,
      createdBy: v.createdBy,
      createdAt: v.createdAt.toISOString(),
      submittedAt: v.submittedAt?.toISOString() ?? null,
      publishedAt: v.publishedAt?.toISOString() ?? null,
      reviewComment: v.reviewComment,
    })),
  }
}

/** The searchable parts of the listed versions of a provider's resources, a batch in id order. */
export async function listedTextsOf(
  db: Db,
  provider: string,
  afterId: string,
  limit: number,
): Promise<{ id: string; code: string; name: string; summary: string; item_names: string[] }[]> {
  const { rows } = (await db.raw(
    `select r.id, r.code, v.name, v.summary,
       array(select i.name from resource_items i
             where i.resource_id = v.resource_id and i.version = v.version order by i.position) as item_names
     from resources r
     join resource_versions v on v.resource_id = r.id and v.version = coalesce(r.current_version, r.latest_version)
     where r.provider_code = ? and r.id > ?
     order by r.id
     limit ?`,
    [provider, afterId, limit],
  )) as { rows: { id: string; code: string; name: string; summary: string; item_names: string[] }[] }
  return rows
}

/**
 * The listed view (current version, or the draft before the first publication) of a resource in
 * ONE round trip: the read every consumer makes, so it must stay cheap. The catalog version is read
 * in the same statement, so a cache keyed by it holds exactly this view.
 */
export async function listedView(
  db: Db,
  code: string,
): Promise<{ record: ResourceRecord; view: Resource; catalogVersion: string } | undefined> {
  const { rows } = (await db.raw(
    `select ${RESOURCE_COLUMNS.map((c) => `r.${c}`).join(', ')}, row_to_json(v) as v, d.name as provider_name,
       ${CATALOG_VERSION_SQL} as catalog_version,
       coalesce((select json_agg(i order by i.position) from resource_items i
                 where i.resource_id = v.resource_id and i.version = v.version), '[]'::json) as items
     from resources r
     join resource_versions v on v.resource_id = r.id and v.version = coalesce(r.current_version, r.latest_version)
     join departments d on d.code = r.provider_code
     where r.code = ?`,
    [code],
  )) as {
    rows: (ResourceRow & {
      v: VersionRow
      provider_name: string
      items: ItemRow[]
      catalog_version: string
    })[]
  }
  const row = rows[0]
  if (!row) return undefined
  const record = toResourceRecord(row)
  // row_to_json renders timestamps as text.
  const v = row.v
  const version = toVersionRecord({
    ...v,
    created_at: new Date(v.created_at),
    updated_at: new Date(v.updated_at),
    submitted_at: v.submitted_at === null ? null : new Date(v.submitted_at),
    published_at: v.published_at === null ? null : new Date(v.published_at),
  })
  return {
    record,
    view: assembleView(record, version, row.items.map(toItem), row.provider_name),
    catalogVersion: String(row.catalog_version),
  }
}
