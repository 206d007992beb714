import type { ResourceFacts } from '../../policies/resource-policy.ts'
import type { Resource } from '../../schemas/generated/types.ts'

/**
 * A small in-process cache of the current views of published entries, which every government
 * principal reads and which change rarely: a hot entry then costs no database round trip. Writes in
 * this process evict at once; another instance's change shows after at most `ttlMs` (1 s by
 * default), which a catalog tolerates. Drafts are never cached: their readers are few and they change.
 */

export interface CachedView extends ResourceFacts {
  view: Resource
}

export class ResourceViewCache {
  private readonly entries = new Map<string, CachedView & { expires: number }>()

  constructor(
    private readonly ttlMs = 1_000,
    private readonly maxEntries = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  get(code: string): CachedView | undefined {
    const entry = this.entries.get(code)
    if (!entry) return undefined
    if (entry.expires <= this.now()) {
      this.entries.delete(code)
      return undefined
    }
    return entry
  }

  set(code: string, value: CachedView): void {
    // A Map iterates in insertion order, so the first key is the oldest entry.
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!)
    this.entries.set(code, { ...value, expires: this.now() + this.ttlMs })
  }

  evict(code: string): void {
    this.entries.delete(code)
  }
}
