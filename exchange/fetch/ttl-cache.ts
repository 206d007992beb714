/**
 * A small per-process cache with a time to live, for facts a fetch reads on every call but that
 * change rarely (the published resource and its source; when a hub-held copy last caught up). Like
 * the catalog's view cache, another instance's change shows after at most `ttlMs`. Grants are never
 * cached here: the ability service re-checks their epoch on every call.
 */
export class TtlCache<V> {
  private readonly entries = new Map<string, { value: V; expires: number }>()
  /** Loads in flight, so the many requests that find an entry expired at once read it only once. */
  private readonly loading = new Map<string, Promise<V | undefined>>()

  constructor(
    private readonly ttlMs = 1_000,
    private readonly maxEntries = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** The cached value, or `load()`'s (cached unless undefined, so unknown keys are re-read). */
  async get(key: string, load: () => Promise<V | undefined>): Promise<V | undefined> {
    const entry = this.entries.get(key)
    if (entry && entry.expires > this.now()) return entry.value
    const inFlight = this.loading.get(key)
    if (inFlight) return inFlight
    const loaded = this.load(key, load)
    this.loading.set(key, loaded)
    try {
      return await loaded
    } finally {
      this.loading.delete(key)
    }
  }

  private async load(key: string, load: () => Promise<V | undefined>): Promise<V | undefined> {
    const value = await load()
    if (value === undefined) return undefined
    // A Map iterates in insertion order, so the first key is the oldest entry.
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!)
    this.entries.set(key, { value, expires: this.now() + this.ttlMs })
    return value
  }
}
