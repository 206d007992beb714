import type { Knex } from 'knex'
import type { ResourceItem } from '../../schemas/generated/types.ts'
import { insertUnnested } from './bulk-insert.ts'

/** The SQL of the `resource_items` table: the information items of each version, in order. */

type Db = Knex | Knex.Transaction

export interface ItemRow {
  position: number
  code: string
  name: string
  data_type: ResourceItem['dataType']
  length: number
  personal: boolean
  sensitivity: number
  share_type: ResourceItem['shareType']
  share_condition: string | null
  open: boolean
  open_condition: string | null
}

export async function insertItems(
  trx: Db,
  resourceId: string,
  version: number,
  items: ResourceItem[],
): Promise<void> {
  await insertItemsOf(trx, [{ resourceId, version, items }])
}

/** The items of many versions in one statement (bulk import). */
export async function insertItemsOf(
  trx: Db,
  versions: { resourceId: string; version: number; items: ResourceItem[] }[],
): Promise<void> {
  const rows = versions.flatMap(({ resourceId, version, items }) =>
    items.map((item, position) => [
      resourceId,
      version,
      position,
      item.code,
      item.name.trim(),
      item.dataType,
      item.length,
      item.personal,
      item.sensitivity,
      item.shareType,
      item.shareCondition ?? null,
      item.open,
      item.openCondition ?? null,
    ]),
  )
  await insertUnnested(trx, 'resource_items', ITEM_COLUMNS, rows)
}

const ITEM_COLUMNS = [
  ['resource_id', 'bigint'],
  ['version', 'int'],
  ['position', 'int'],
  ['code', 'text'],
  ['name', 'text'],
  ['data_type', 'text'],
  ['length', 'int'],
  ['personal', 'boolean'],
  ['sensitivity', 'smallint'],
  ['share_type', 'text'],
  ['share_condition', 'text'],
  ['open', 'boolean'],
  ['open_condition', 'text'],
] as const

export async function deleteItems(trx: Db, resourceId: string, version: number): Promise<void> {
  await trx('resource_items').where({ resource_id: resourceId, version }).delete()
}

export async function findItems(db: Db, resourceId: string, version: number): Promise<ResourceItem[]> {
  const rows = (await db('resource_items')
    .select('*')
    .where({ resource_id: resourceId, version })
    .orderBy('position')) as ItemRow[]
  return rows.map(toItem)
}

/** The items of many versions at once, keyed `${resourceId}:${version}`, each in order. */
export async function findItemsOf(
  db: Db,
  pairs: [resourceId: string, version: number][],
): Promise<Map<string, ResourceItem[]>> {
  const byVersion = new Map<string, ResourceItem[]>()
  if (pairs.length === 0) return byVersion
  const rows = (await db('resource_items')
    .select('*')
    .whereIn(['resource_id', 'version'], pairs)
    .orderBy(['resource_id', 'version', 'position'])) as (ItemRow & {
    resource_id: string
    version: number
  })[]
  for (const row of rows) {
    const key = `${row.resource_id}:${row.version}`
    const list = byVersion.get(key) ?? []
    list.push(toItem(row))
    byVersion.set(key, list)
  }
  return byVersion
}

export function toItem(r: ItemRow): ResourceItem {
  return {
    name: r.name,
    code: r.code,
    dataType: r.data_type,
    length: r.length,
    personal: r.personal,
    sensitivity: r.sensitivity,
    shareType: r.share_type,
    shareCondition: r.share_condition,
    open: r.open,
    openCondition: r.open_condition,
  }
}
