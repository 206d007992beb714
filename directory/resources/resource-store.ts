import type { Knex } from 'knex'
import type { ResourceCode } from '../../schemas/generated/types.ts'
import { insertUnnested } from './bulk-insert.ts'
import type { ResourceClass } from './resource-code.ts'
import type { ResourceStatus } from './resource-lifecycle.ts'
import type { ShareType } from './resource-rules.ts'

/** The SQL of the `resources` table: identity, lifecycle and the listed version's searchable copy. */

type Db = Knex | Knex.Transaction

export interface ResourceRecord {
  id: string
  code: string
  parts: Required<ResourceCode>
  provider: string
  status: ResourceStatus
  statusReason: string | null
  currentVersion: number | null
  latestVersion: number
  publishedAt: Date | null
  createdAt: Date
  updatedAt: Date
}

/** The searchable copy of the listed version (current when published, else the newest). */
export interface ListingFields {
  name: string
  summary: string
  class: ResourceClass
  shareType: ShareType
  formatCategory: string
  updateCycle: string
  searchText: string
}

export interface ResourceRow {
  id: string
  code: string
  lei: string
  xiang: string
  mu: string
  ximu: string
  seq: string
  provider_code: string
  status: ResourceStatus
  status_reason: string | null
  current_version: number | null
  latest_version: number
  published_at: Date | null
  created_at: Date
  updated_at: Date
}

export const RESOURCE_COLUMNS = [
  'id',
  'code',
  'lei',
  'xiang',
  'mu',
  'ximu',
  'seq',
  'provider_code',
  'status',
  'status_reason',
  'current_version',
  'latest_version',
  'published_at',
  'created_at',
  'updated_at',
]

/** Also used by read models that select `RESOURCE_COLUMNS` in a join. */
export function toResourceRecord(row: ResourceRow): ResourceRecord {
  return {
    id: String(row.id),
    code: row.code,
    parts: { lei: row.lei, xiang: row.xiang, mu: row.mu, ximu: row.ximu, seq: row.seq },
    provider: row.provider_code,
    status: row.status,
    statusReason: row.status_reason,
    currentVersion: row.current_version,
    latestVersion: row.latest_version,
    publishedAt: row.published_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }
}

function listingColumns(l: ListingFields): Record<string, unknown> {
  return {
    name: l.name,
    summary: l.summary,
    class: l.class,
    share_type: l.shareType,
    format_category: l.formatCategory,
    update_cycle: l.updateCycle,
    search_text: l.searchText,
  }
}

export async function findResource(db: Db, code: string): Promise<ResourceRecord | undefined> {
  const row = (await db('resources').select(RESOURCE_COLUMNS).where({ code }).first()) as
    | ResourceRow
    | undefined
  return row && toResourceRecord(row)
}

/** Locks the row until the transaction ends, so lifecycle changes of one resource apply one by one. */
export async function lockResource(trx: Db, code: string): Promise<ResourceRecord | undefined> {
  const row = (await trx('resources').select(RESOURCE_COLUMNS).where({ code }).forUpdate().first()) as
    | ResourceRow
    | undefined
  return row && toResourceRecord(row)
}

export async function insertResource(
  trx: Db,
  r: { parts: Required<ResourceCode>; provider: string; listing: ListingFields },
): Promise<ResourceRecord> {
  const [record] = await insertResources(trx, [r])
  return record!
}

export interface ResourceChanges {
  status?: ResourceStatus
  statusReason?: string | null
  currentVersion?: number
  latestVersion?: number
  publishedAt?: Date
  listing?: ListingFields
}

export async function updateResource(trx: Db, id: string, changes: ResourceChanges): Promise<ResourceRecord> {
  const set: Record<string, unknown> = { updated_at: trx.fn.now() }
  if (changes.status !== undefined) set.status = changes.status
  if (changes.statusReason !== undefined) set.status_reason = changes.statusReason
  if (changes.currentVersion !== undefined) set.current_version = changes.currentVersion
  if (changes.latestVersion !== undefined) set.latest_version = changes.latestVersion
  if (changes.publishedAt !== undefined) set.published_at = changes.publishedAt
  if (changes.listing) Object.assign(set, listingColumns(changes.listing))
  const [row] = (await trx('resources')
    .where({ id })
    .update(set)
    .returning(RESOURCE_COLUMNS)) as ResourceRow[]
  return toResourceRecord(row!)
}

/** One batch of published resources in id order, for streaming exports. */
export async function listPublished(db: Db, afterId: string, limit: number): Promise<ResourceRecord[]> {
  const rows = (await db('resources')
    .select(RESOURCE_COLUMNS)
    .where('status', 'published')
    .andWhere('id', '>', afterId)
    .orderBy('id')
    .limit(limit)) as ResourceRow[]
  return rows.map(toResourceRecord)
}

/** Many new drafts in one statement (bulk import); returned in input order. */
export async function insertResources(
  trx: Db,
  rows: { parts: Required<ResourceCode>; provider: string; listing: ListingFields }[],
): Promise<ResourceRecord[]> {
  const inserted = await insertUnnested<ResourceRow>(
    trx,
    'resources',
    NEW_RESOURCE_COLUMNS,
    rows.map(({ parts, provider, listing: l }) => [
      parts.lei,
      parts.xiang,
      parts.mu,
      parts.ximu,
      parts.seq,
      provider,
      'draft',
      1,
      l.name,
      l.summary,
      l.class,
      l.shareType,
      l.formatCategory,
      l.updateCycle,
      l.searchText,
    ]),
    RESOURCE_COLUMNS,
  )
  // RETURNING promises no order: match the rows back by their (unique) code parts.
  const byParts = new Map(inserted.map((r) => [partsKey(r), toResourceRecord(r)]))
  return rows.map((r) => byParts.get(partsKey(r.parts))!)
}

const partsKey = (p: Pick<ResourceRow, 'lei' | 'xiang' | 'mu' | 'ximu' | 'seq'>) =>
  `${p.lei}:${p.xiang}:${p.mu}:${p.ximu}:${p.seq}`

const NEW_RESOURCE_COLUMNS = [
  ['lei', 'text'],
  ['xiang', 'text'],
  ['mu', 'text'],
  ['ximu', 'text'],
  ['seq', 'text'],
  ['provider_code', 'text'],
  ['status', 'text'],
  ['latest_version', 'int'],
  ['name', 'text'],
  ['summary', 'text'],
  ['class', 'text'],
  ['share_type', 'text'],
  ['format_category', 'text'],
  ['update_cycle', 'text'],
  ['search_text', 'text'],
] as const

/** New search texts for many resources in one statement. */
export async function setSearchTexts(trx: Db, rows: { id: string; searchText: string }[]): Promise<void> {
  if (rows.length === 0) return
  await trx.raw(
    `update resources r set search_text = u.search_text
     from unnest(?::bigint[], ?::text[]) as u(id, search_text)
     where r.id = u.id`,
    [rows.map((r) => r.id), rows.map((r) => r.searchText)] as never,
  )
}

/** Which of these rendered codes exist already. */
export async function existingCodes(db: Db, codes: string[]): Promise<Set<string>> {
  if (codes.length === 0) return new Set()
  const rows = (await db('resources').select('code').whereIn('code', codes)) as { code: string }[]
  return new Set(rows.map((r) => r.code))
}
