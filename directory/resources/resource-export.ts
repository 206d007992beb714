import type { Knex } from 'knex'
import type { Resource } from '../../schemas/generated/types.ts'
import { findItemsOf } from './resource-item-store.ts'
import { assembleView } from './resource-read-model.ts'
import { listPublished } from './resource-store.ts'
import { findVersionsOf } from './resource-version-store.ts'

/**
 * The published catalog, streamed: resources are read in id-ordered batches (four queries per
 * batch, whatever its size), so memory stays flat for a catalog of any size.
 */

const BATCH = 500

export async function* publishedResources(db: Knex): AsyncGenerator<Resource> {
  let after = '0'
  for (;;) {
    const records = await listPublished(db, after, BATCH)
    if (records.length === 0) return
    const pairs = records.map((r) => [r.id, r.currentVersion!] as [string, number])
    const versions = await findVersionsOf(db, pairs)
    const items = await findItemsOf(db, pairs)
    const providers = new Map(
      (
        (await db('departments')
          .select('code', 'name')
          .whereIn('code', [...new Set(records.map((r) => r.provider))])) as { code: string; name: string }[]
      ).map((d) => [d.code, d.name]),
    )
    for (const record of records) {
      const key = `${record.id}:${record.currentVersion}`
      const version = versions.get(key)
      if (!version) continue
      yield assembleView(
        record,
        version,
        items.get(key) ?? [],
        providers.get(record.provider) ?? record.provider,
      )
    }
    after = records.at(-1)!.id
  }
}

/** `{"exportedAt": …, "resources": [ … ]}` in our own schema (resource.json), chunk by chunk. */
export async function* catalogJson(
  resources: AsyncIterable<Resource>,
  now = new Date(),
): AsyncGenerator<string> {
  yield `{"exportedAt":${JSON.stringify(now.toISOString())},"resources":[`
  let first = true
  for await (const resource of resources) {
    yield (first ? '' : ',') + JSON.stringify(resource)
    first = false
  }
  yield ']}'
}
