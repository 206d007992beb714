import type { Knex } from 'knex'
import type { ServiceItem } from '../../schemas/generated/types.ts'

/** The SQL of `service_item_versions`: every version of an item as it was, materials included. */

type Db = Knex | Knex.Transaction

export interface NewVersion {
  snapshot: ServiceItem
  changedBy: string
  change: string
}

export async function insertVersions(trx: Db, versions: readonly NewVersion[]): Promise<void> {
  if (versions.length === 0) return
  await trx('service_item_versions').insert(
    versions.map((v) => ({
      service_item_code: v.snapshot.code,
      version: v.snapshot.version,
      snapshot: JSON.stringify(v.snapshot),
      changed_by: v.changedBy,
      change: v.change,
    })),
  )
}

export async function findVersion(db: Db, code: string, version: number): Promise<ServiceItem | undefined> {
  const row = (await db('service_item_versions')
    .where({ service_item_code: code, version })
    .first('snapshot')) as { snapshot: ServiceItem } | undefined
  return row?.snapshot
}
