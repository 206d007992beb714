import type { ResourceVisibility } from '../../policies/directory-decisions.ts'
import type { ResourceList } from '../../schemas/generated/types.ts'
import type { ResourceSearchQuery } from './resource-search-model.ts'

/**
 * First pages of catalog searches (items, total and facets), keyed by what decides the answer: the
 * caller's visibility (what its ability may read) and the query. Each entry holds the catalog version its statement read; it is
 * served only while the catalog is still at that version, so it is exactly what the database
 * would answer. Popular searches repeat often and the catalog changes rarely; counting every match
 * for the total and the facets is the expensive part of a search.
 */
export class ResourceSearchCache {
  private readonly entries = new Map<string, { version: string; list: ResourceList }>()

  constructor(private readonly maxEntries = 500) {}

  /** The cache key of a first page; undefined for later pages, which are not cached. */
  static keyOf(visible: Pick<ResourceVisibility, 'key'>, q: ResourceSearchQuery): string | undefined {
    if (q.cursor !== undefined) return undefined
    return JSON.stringify([
      visible.key,
      q.q ?? null,
      q.class ?? null,
      q.provider ?? null,
      q.shareType ?? null,
      q.format ?? null,
      q.updateCycle ?? null,
      q.division ?? null,
      q.status ?? null,
      q.sort ?? null,
      q.limit,
    ])
  }

  get(key: string, version: string): ResourceList | undefined {
    const entry = this.entries.get(key)
    return entry?.version === version ? entry.list : undefined
  }

  set(key: string, version: string, list: ResourceList): void {
    this.entries.delete(key)
    // A Map iterates in insertion order, so the first key is the oldest entry.
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!)
    this.entries.set(key, { version, list })
  }
}
