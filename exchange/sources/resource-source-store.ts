import type { Knex } from 'knex'
import type { ItemFields } from '../fetch/record-item-map.ts'

/** `resource_sources`: the explicit answer to "which adapter and record kind serve this resource". */

type Db = Knex | Knex.Transaction

export interface SourceRow {
  resource_code: string
  adapter: string
  record_kind: string
  hub_held: boolean
  item_fields: ItemFields | null
  updated_at: Date
}

export interface SourceSetting {
  resourceCode: string
  adapter: string
  recordKind: string
  hubHeld: boolean
  itemFields: ItemFields | null
}

/** Inserts or replaces the whole setting of a resource. */
export async function upsertSource(db: Db, setting: SourceSetting): Promise<SourceRow> {
  const values = {
    adapter: setting.adapter,
    record_kind: setting.recordKind,
    hub_held: setting.hubHeld,
    // jsonb through pg: an object must be serialised, or pg sends it as a text array literal.
    item_fields: setting.itemFields === null ? null : JSON.stringify(setting.itemFields),
    updated_at: db.fn.now(),
  }
  const [row] = (await db('resource_sources')
    .insert({ resource_code: setting.resourceCode, ...values })
    .onConflict('resource_code')
    .merge(values)
    .returning('*')) as SourceRow[]
  return row!
}
