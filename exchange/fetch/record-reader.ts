import type { Knex } from 'knex'
import type { CanonicalRecord, Page } from '../../adapters/adapter-contract.ts'
import { InputError } from '../../platform/errors/app-error.ts'
import type { FetchSubject } from '../../schemas/generated/types.ts'
import {
  heldPage,
  lastCaughtUp,
  type PublishedResource,
  publishedResource,
} from './fetch-source-read-model.ts'
import { HeldRecordBatcher } from './held-record-batcher.ts'
import type { RecordSource } from './record-source.ts'
import { TtlCache } from './ttl-cache.ts'

/**
 * How long a published resource and its source stay cached per process. A change of either shows on
 * every instance after at most this long; `PUT /v1/resources/{code}/source` answers only after it.
 */
export const RESOURCE_CACHE_TTL_MS = 1_000

/**
 * Reads what a fetch returns: the published resource (cached for a second, like the catalog's
 * views), and the records of the subjects — from the hub-held copy in one indexed query, or live from
 * the department system through its adapter (which validates the answer against the canonical schema
 * and maps failures to 502/503/504).
 */
export class RecordReader {
  private readonly resources = new TtlCache<PublishedResource>(RESOURCE_CACHE_TTL_MS)
  private readonly caughtUp = new TtlCache<{ at: Date | null }>()
  private readonly held: HeldRecordBatcher

  constructor(private readonly db: Knex) {
    this.held = new HeldRecordBatcher(db)
  }

  resource(code: string): Promise<PublishedResource | undefined> {
    return this.resources.get(code, () => publishedResource(this.db, code))
  }

  /** When the hub-held copy last caught up with its source (null: never). */
  async syncedAt(source: RecordSource): Promise<Date | null> {
    const key = `${source.adapterName}\u0000${source.kind}`
    const found = await this.caughtUp.get(key, async () => ({
      at: await lastCaughtUp(this.db, source.adapterName, source.kind),
    }))
    return found?.at ?? null
  }

  /** Records by subject id. */
  async records(
    source: RecordSource,
    subjects: readonly FetchSubject[],
    ctx: { signal?: AbortSignal; requestId: string },
  ): Promise<Map<string, CanonicalRecord[]>> {
    const bySubject = new Map<string, CanonicalRecord[]>()
    if (source.hubHeld) {
      const rows = await this.held.read(
        source.kind,
        subjects.map((s) => s.id),
      )
      for (const row of rows) {
        const list = bySubject.get(row.subjectId) ?? []
        list.push({ kind: source.kind, recordId: row.recordId, data: row.data })
        bySubject.set(row.subjectId, list)
      }
      return bySubject
    }
    const adapter = source.adapter!
    const answers = await Promise.all(
      subjects.map((s) =>
        adapter.lookupBySubject!(
          source.kind,
          { idType: s.type, idNumber: s.id },
          { signal: ctx.signal, requestId: ctx.requestId },
        ),
      ),
    )
    for (const [i, s] of subjects.entries()) bySubject.set(s.id, answers[i]!)
    return bySubject
  }

  /** One page of records whose canonical fields equal `filter`. */
  async page(
    source: RecordSource,
    filter: Record<string, string>,
    page: { cursor?: string; limit: number },
    ctx: { signal?: AbortSignal; requestId: string },
  ): Promise<Page<CanonicalRecord>> {
    if (source.hubHeld) {
      const rows = await heldPage(this.db, source.kind, filter, page.cursor ?? null, page.limit)
      const items = rows.map((r) => ({ kind: source.kind, recordId: r.recordId, data: r.data }))
      return { items, nextCursor: items.length === page.limit ? items.at(-1)!.recordId : null }
    }
    const adapter = source.adapter!
    if (!adapter.query)
      throw new InputError(
        'query-not-supported',
        `The ${adapter.name} system cannot be queried; fetch by subject.`,
      )
    return adapter.query(source.kind, filter, { cursor: page.cursor ?? null, limit: page.limit }, ctx)
  }
}
