import type { Knex } from 'knex'
import type { Resource, ResourceDraft } from '../../schemas/generated/types.ts'
import { insertUnnested } from './bulk-insert.ts'
import type { VersionStatus } from './resource-lifecycle.ts'

/** The SQL of the `resource_versions` table: every version's metadata and review state. */

type Db = Knex | Knex.Transaction

export interface VersionMetadata {
  name: string
  summary: string
  format: ResourceDraft['format']
  shareType: ResourceDraft['shareType']
  shareCondition: string | null
  shareMethods: Resource['shareMethods']
  open: boolean
  openCondition: string | null
  updateCycle: ResourceDraft['updateCycle']
  relatedCodes: string[]
  recordSchema: Record<string, unknown>
  recordSchemaDerived: boolean
  sourceAdapter: string | null
  serviceItems: string[]
  extension: Record<string, unknown>
}

export interface VersionRecord extends VersionMetadata {
  version: number
  status: VersionStatus
  reviewComment: string | null
  createdBy: string
  createdAt: Date
  updatedAt: Date
  submittedAt: Date | null
  publishedAt: Date | null
}

export interface VersionRow {
  version: number
  status: VersionStatus
  name: string
  summary: string
  format_category: ResourceDraft['format']['category']
  format_type: string
  share_type: ResourceDraft['shareType']
  share_condition: string | null
  share_methods: Resource['shareMethods']
  open: boolean
  open_condition: string | null
  update_cycle: ResourceDraft['updateCycle']
  related_codes: string[]
  record_schema: Record<string, unknown>
  record_schema_derived: boolean
  source_adapter: string | null
  service_items: string[]
  extension: Record<string, unknown>
  review_comment: string | null
  created_by: string
  created_at: Date
  updated_at: Date
  submitted_at: Date | null
  published_at: Date | null
}

export function toVersionRecord(r: VersionRow): VersionRecord {
  return {
    version: r.version,
    status: r.status,
    name: r.name,
    summary: r.summary,
    format: { category: r.format_category, type: r.format_type },
    shareType: r.share_type,
    shareCondition: r.share_condition,
    shareMethods: r.share_methods,
    open: r.open,
    openCondition: r.open_condition,
    updateCycle: r.update_cycle,
    relatedCodes: r.related_codes,
    recordSchema: r.record_schema,
    recordSchemaDerived: r.record_schema_derived,
    sourceAdapter: r.source_adapter,
    serviceItems: r.service_items,
    extension: r.extension,
    reviewComment: r.review_comment,
    createdBy: r.created_by,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    submittedAt: r.submitted_at,
    publishedAt: r.published_at,
  }
}

// jsonb values are stringified by hand: node-pg would turn a top-level array into a PostgreSQL array.
function metadataColumns(m: VersionMetadata): Record<string, unknown> {
  return {
    name: m.name,
    summary: m.summary,
    format_category: m.format.category,
    format_type: m.format.type,
    share_type: m.shareType,
    share_condition: m.shareCondition,
    share_methods: JSON.stringify(m.shareMethods),
    open: m.open,
    open_condition: m.openCondition,
    update_cycle: m.updateCycle,
    related_codes: JSON.stringify(m.relatedCodes),
    record_schema: JSON.stringify(m.recordSchema),
    record_schema_derived: m.recordSchemaDerived,
    source_adapter: m.sourceAdapter,
    service_items: JSON.stringify(m.serviceItems),
    extension: JSON.stringify(m.extension),
  }
}

export async function insertVersion(
  trx: Db,
  resourceId: string,
  version: number,
  metadata: VersionMetadata,
  createdBy: string,
): Promise<void> {
  await insertVersions(trx, [{ resourceId, version, metadata }], createdBy)
}

/** Many new draft versions in one statement (bulk import). */
export async function insertVersions(
  trx: Db,
  versions: { resourceId: string; version: number; metadata: VersionMetadata }[],
  createdBy: string,
): Promise<void> {
  const rows = versions.map((v) => {
    const m = metadataColumns(v.metadata)
    return [v.resourceId, v.version, 'draft', createdBy, ...METADATA_COLUMNS.map(([name]) => m[name])]
  })
  await insertUnnested(trx, 'resource_versions', NEW_VERSION_COLUMNS, rows)
}

const METADATA_COLUMNS = [
  ['name', 'text'],
  ['summary', 'text'],
  ['format_category', 'text'],
  ['format_type', 'text'],
  ['share_type', 'text'],
  ['share_condition', 'text'],
  ['share_methods', 'jsonb'],
  ['open', 'boolean'],
  ['open_condition', 'text'],
  ['update_cycle', 'text'],
  ['related_codes', 'jsonb'],
  ['record_schema', 'jsonb'],
  ['record_schema_derived', 'boolean'],
  ['source_adapter', 'text'],
  ['service_items', 'jsonb'],
  ['extension', 'jsonb'],
] as const

const NEW_VERSION_COLUMNS = [
  ['resource_id', 'bigint'],
  ['version', 'int'],
  ['status', 'text'],
  ['created_by', 'text'],
  ...METADATA_COLUMNS,
] as const

export async function replaceVersionMetadata(
  trx: Db,
  resourceId: string,
  version: number,
  metadata: VersionMetadata,
): Promise<void> {
  await trx('resource_versions')
    .where({ resource_id: resourceId, version })
    .update({ ...metadataColumns(metadata), updated_at: trx.fn.now() })
}

export interface VersionStatusChange {
  status: VersionStatus
  reviewComment?: string | null
  submittedAt?: boolean
  publishedAt?: boolean
}

export async function setVersionStatus(
  trx: Db,
  resourceId: string,
  version: number,
  change: VersionStatusChange,
): Promise<Date> {
  const set: Record<string, unknown> = { status: change.status, updated_at: trx.fn.now() }
  if (change.reviewComment !== undefined) set.review_comment = change.reviewComment
  if (change.submittedAt) set.submitted_at = trx.fn.now()
  if (change.publishedAt) set.published_at = trx.fn.now()
  const [row] = (await trx('resource_versions')
    .where({ resource_id: resourceId, version })
    .update(set)
    .returning(['updated_at'])) as { updated_at: Date }[]
  return row!.updated_at
}

export async function findVersion(
  db: Db,
  resourceId: string,
  version: number,
): Promise<VersionRecord | undefined> {
  const row = (await db('resource_versions')
    .select('*')
    .where({ resource_id: resourceId, version })
    .first()) as VersionRow | undefined
  return row && toVersionRecord(row)
}

/** Newest first; `publishedOnly` keeps the versions every reader may see. */
export async function listVersions(
  db: Db,
  resourceId: string,
  publishedOnly: boolean,
): Promise<VersionRecord[]> {
  const query = db('resource_versions')
    .select('*')
    .where({ resource_id: resourceId })
    .orderBy('version', 'desc')
  if (publishedOnly) query.whereIn('status', ['published', 'superseded'])
  return ((await query) as VersionRow[]).map(toVersionRecord)
}

/** Many versions at once, keyed `${resourceId}:${version}`. */
export async function findVersionsOf(
  db: Db,
  pairs: [resourceId: string, version: number][],
): Promise<Map<string, VersionRecord>> {
  if (pairs.length === 0) return new Map()
  const rows = (await db('resource_versions')
    .select('*')
    .whereIn(['resource_id', 'version'], pairs)) as (VersionRow & { resource_id: string })[]
  return new Map(rows.map((r) => [`${r.resource_id}:${r.version}`, toVersionRecord(r)]))
}
