/** Most keys in one batched look-up (far below PostgreSQL's 65,535 bind parameters). */
const MAX_KEYS = 1_000

interface Waiting<V> {
  resolve: (value: V | undefined) => void
  reject: (error: unknown) => void
}

/**
 * Coalesces the point look-ups of one event-loop turn into one query: `get()` queues its key, and on
 * the next `setImmediate` every queued key is read with one `loadMany` (e.g. `where id = any(?)`).
 * A caller only ever joins a read that has not been sent yet, so the read it gets executed after it
 * asked and sees every commit made before — as fresh as a query of its own, for one round trip per
 * turn instead of one per caller.
 */
export class TurnBatcher<K, V> {
  private unsent = new Map<K, Waiting<V>[]>()
  private scheduled = false

  constructor(private readonly loadMany: (keys: K[]) => Promise<Map<K, V>>) {}

  get(key: K): Promise<V | undefined> {
    return new Promise((resolve, reject) => {
      const waiting = this.unsent.get(key)
      if (waiting) waiting.push({ resolve, reject })
      else this.unsent.set(key, [{ resolve, reject }])
      if (!this.scheduled) {
        this.scheduled = true
        setImmediate(() => this.sendAll())
      }
    })
  }

  private sendAll(): void {
    const batch = this.unsent
    this.unsent = new Map()
    this.scheduled = false
    const keys = [...batch.keys()]
    for (let i = 0; i < keys.length; i += MAX_KEYS) void this.send(keys.slice(i, i + MAX_KEYS), batch)
  }

  private async send(keys: K[], batch: Map<K, Waiting<V>[]>): Promise<void> {
    try {
      const found = await this.loadMany(keys)
      for (const key of keys) for (const w of batch.get(key)!) w.resolve(found.get(key))
    } catch (error) {
      for (const key of keys) for (const w of batch.get(key)!) w.reject(error)
    }
  }
}
