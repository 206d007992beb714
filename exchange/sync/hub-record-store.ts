import { createHash } from 'node:crypto'
import type { Knex } from 'knex'
import type { CanonicalRecord } from '../../adapters/adapter-contract.ts'

/** The SQL of `hub_records` (the cursors of the pulls that fill it: adapters/sync-cursor-store.ts). */

type Db = Knex | Knex.Transaction

/** Stable hash of a record's data, so a pull that brings nothing new changes (and emits) nothing. */
export function dataHash(data: unknown): string {
  return createHash('sha256').update(stableJson(data)).digest('hex')
}

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`
  if (value && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stableJson((value as Record<string, unknown>)[k])}`)
      .join(',')}}`
  return JSON.stringify(value) ?? 'null'
}

/**
 * Inserts new records and updates changed ones; returns the ids of those that were new or changed
 * (an identical re-delivery is a no-op, which is what makes pulls safe to repeat).
 */
export async function upsertRecords(
  trx: Db,
  adapter: string,
  records: readonly CanonicalRecord[],
): Promise<string[]> {
  if (records.length === 0) return []
  // The last copy of a record in one batch wins, as it would row by row.
  const unique = new Map(records.map((r) => [`${r.kind}\u0000${r.recordId}`, r]))
  const rows = [...unique.values()].map((r) => ({
    kind: r.kind,
    record_id: r.recordId,
    adapter,
    subject_id: String(r.data.subjectId ?? ''),
    data: JSON.stringify(r.data),
    data_hash: dataHash(r.data),
  }))
  const changed = (await trx('hub_records')
    .insert(rows)
    .onConflict(['kind', 'record_id'])
    .merge(['adapter', 'subject_id', 'data', 'data_hash', 'synced_at'])
    .whereRaw('hub_records.data_hash is distinct from excluded.data_hash')
    .returning('record_id')) as { record_id: string }[]
  return changed.map((r) => r.record_id)
}

/** The (adapter, kind) pairs some resource is served from as hub-held data. */
export async function hubHeldSources(db: Db): Promise<{ adapter: string; kind: string }[]> {
  return db('resource_sources')
    .where({ hub_held: true })
    .distinct('adapter', 'record_kind as kind')
    .orderBy(['adapter', 'kind'])
}
