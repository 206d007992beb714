import type { ResourceFacts } from '../../policies/directory-rules.ts'
import type { Resource } from '../../schemas/generated/types.ts'
import type { CatalogVersionClock } from './catalog-version.ts'

/**
 * An in-process cache of the current views of published entries, which every government principal
 * reads and which change rarely: a hit costs no database round trip. Each entry holds the catalog
 * version its statement read and is served while the catalog is still at that version, as known to
 * `clock` (re-read at most once a second, one query for all entries). Writes in this process evict
 * at once; another instance's change shows after at most the clock's ttl (1 s by default), which a
 * catalog tolerates. Drafts are never cached: their readers are few and they change.
 */

export interface CachedView extends ResourceFacts {
  view: Resource
}

export class ResourceViewCache {
  private readonly entries = new Map<string, CachedView & { version: string }>()

  constructor(
    private readonly clock: CatalogVersionClock,
    private readonly maxEntries = 10_000,
  ) {}

  async get(code: string): Promise<CachedView | undefined> {
    const entry = this.entries.get(code)
    if (!entry) return undefined
    if (entry.version !== (await this.clock.current())) {
      this.entries.delete(code)
      return undefined
    }
    return entry
  }

  /** Stores the view read at `version` (read in the same statement as the view). */
  set(code: string, value: CachedView, version: string): void {
    // A newer version moves the clock on at once, so this entry is served from the next read on.
    this.clock.observe(version)
    this.entries.delete(code)
    // A Map iterates in insertion order, so the first key is the oldest entry.
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!)
    this.entries.set(code, { ...value, version })
  }

  /** After a write in this process: drops the entry and makes the next read check the version. */
  evict(code: string): void {
    this.entries.delete(code)
    this.clock.invalidate()
  }
}
