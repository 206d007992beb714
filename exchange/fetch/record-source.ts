import type { DepartmentAdapter } from '../../adapters/adapter-contract.ts'
import type { AdapterRegistry } from '../../adapters/adapter-registry.ts'
import { UnavailableError } from '../../platform/errors/app-error.ts'
import type { PublishedResource } from './fetch-source-read-model.ts'
import { coverage, type ItemFields } from './record-item-map.ts'

/**
 * Which adapter and record kind serve a published resource. First match wins:
 * 1. a `resource_sources` row (explicit; the only way to mark a resource hub-held);
 * 2. `ADAPTER_<NAME>_RESOURCES` naming the resource code (configuration);
 * 3. the version's `sourceAdapter`, read as an adapter name or as the department code of its system;
 * 4. an adapter whose department is the resource's provider.
 * Without an explicit kind, the adapter's kind whose fields cover the most of the resource's items is
 * read (see record-item-map.ts). Nothing found ⇒ 503 `resource-not-served`.
 */

export interface RecordSource {
  /** Adapter name (also for hub-held copies, whose adapter need not be configured on this instance). */
  adapterName: string
  department: string
  /** The live adapter; absent only for hub-held data whose adapter is not configured here. */
  adapter: DepartmentAdapter | undefined
  kind: string
  /** Canonical field names of the kind (from its schema). */
  fields: readonly string[]
  hubHeld: boolean
  itemFields: ItemFields | null
}

export type KindFields = (schemaId: string) => readonly string[]

export function resolveSource(
  resource: PublishedResource,
  adapters: AdapterRegistry,
  fieldsOf: KindFields,
): RecordSource {
  const list = adapters.list()
  const explicit = resource.explicit
  if (explicit?.hubHeld) {
    // Hub-held data is read from hub_records: the department system need not be reachable.
    const adapter = list.find((a) => a.name === explicit.adapter)
    return {
      adapterName: explicit.adapter,
      department: adapter?.department ?? resource.provider,
      adapter,
      kind: explicit.recordKind,
      fields: fieldsOf(`records/${explicit.recordKind}.json`),
      hubHeld: true,
      itemFields: explicit.itemFields,
    }
  }
  const adapter =
    (explicit && list.find((a) => a.name === explicit.adapter)) ||
    (!explicit && adapters.forResource(resource.code)) ||
    (!explicit &&
      resource.sourceAdapter !== null &&
      list.find((a) => a.name === resource.sourceAdapter || a.department === resource.sourceAdapter)) ||
    (!explicit && list.find((a) => a.department === resource.provider)) ||
    undefined
  if (!adapter) throw notServed(resource.code)

  const candidates = adapter.kinds.filter(
    (k) => (explicit ? k.kind === explicit.recordKind : true) && adapter.lookupBySubject,
  )
  let best: { kind: string; fields: readonly string[]; score: number } | undefined
  for (const info of candidates) {
    const fields = fieldsOf(info.schema)
    const score = explicit ? 1 : coverage(resource.items, info.kind, fields)
    if (score > 0 && (!best || score > best.score)) best = { kind: info.kind, fields, score }
  }
  if (!best) throw notServed(resource.code)
  return {
    adapterName: adapter.name,
    department: adapter.department,
    adapter,
    kind: best.kind,
    fields: best.fields,
    hubHeld: false,
    itemFields: explicit?.itemFields ?? null,
  }
}

function notServed(code: string): UnavailableError {
  return new UnavailableError(
    'resource-not-served',
    `No configured department adapter serves resource ${code}; the data cannot be fetched now.`,
  )
}
