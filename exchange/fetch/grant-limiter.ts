import type { Redis } from 'ioredis'
import { RateLimitedError } from '../../platform/errors/app-error.ts'

/**
 * A grant's own limits (set by the provider when deciding): calls per minute and records per day,
 * counted per grant across every caller and — with Redis — every instance. Fixed windows: a minute
 * and a Beijing-time calendar day, matching how volume caps are written in sharing agreements.
 */

export interface GrantLimits {
  id: string
  rateLimitPerMinute: number | null
  dailyVolumeCap: number | null
}

export interface CounterStore {
  /** Adds `by` to `key` (created with `ttlMs`) and returns the new value. */
  add(key: string, by: number, ttlMs: number): Promise<number>
}

export class MemoryCounters implements CounterStore {
  private readonly counts = new Map<string, { value: number; expiresAt: number }>()

  async add(key: string, by: number, ttlMs: number): Promise<number> {
    const now = Date.now()
    const entry = this.counts.get(key)
    if (!entry || entry.expiresAt <= now) {
      // Sweep expired windows now and then so the map stays as small as the live windows.
      if (this.counts.size > 10_000)
        for (const [k, e] of this.counts) if (e.expiresAt <= now) this.counts.delete(k)
      this.counts.set(key, { value: by, expiresAt: now + ttlMs })
      return by
    }
    entry.value += by
    return entry.value
  }
}

export class RedisCounters implements CounterStore {
  /** `prefix` keeps hubs (and test apps) sharing one Redis apart, as grant ids repeat across databases. */
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  async add(key: string, by: number, ttlMs: number): Promise<number> {
    const k = `${this.prefix}:${key}`
    const results = await this.redis.multi().incrby(k, by).pexpire(k, ttlMs, 'NX').exec()
    return Number(results?.[0]?.[1] ?? 0)
  }
}

const MINUTE = 60_000
const DAY = 86_400_000
const BEIJING = 8 * 3_600_000

export class GrantLimiter {
  constructor(
    private readonly counters: CounterStore,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts one fetch call under the grant (before the source is read); 429 beyond the per-minute rate. */
  async takeCall(grant: GrantLimits): Promise<void> {
    const now = this.now()
    if (grant.rateLimitPerMinute !== null) {
      const window = Math.floor(now / MINUTE)
      const calls = await this.counters.add(`hub-grant-rate:${grant.id}:${window}`, 1, 2 * MINUTE)
      if (calls > grant.rateLimitPerMinute) {
        const retryAfter = Math.max(1, Math.ceil(((window + 1) * MINUTE - now) / 1000))
        throw new RateLimitedError(
          'grant-rate-limited',
          `The grant allows ${grant.rateLimitPerMinute} fetches per minute; retry in ${retryAfter} s.`,
          { headers: { 'retry-after': String(retryAfter) } },
        )
      }
    }
  }

  /** Counts records about to be returned under the grant; 429 (and nothing counted) beyond the daily cap. */
  async takeVolume(grant: GrantLimits, records: number): Promise<void> {
    const now = this.now()
    if (grant.dailyVolumeCap !== null && records > 0) {
      const day = Math.floor((now + BEIJING) / DAY)
      const key = `hub-grant-volume:${grant.id}:${day}`
      const used = await this.counters.add(key, records, 2 * DAY)
      if (used > grant.dailyVolumeCap) {
        // Give the refused share back: a call that returned nothing must not use up the cap.
        await this.counters.add(key, -records, 2 * DAY)
        const retryAfter = Math.ceil(((day + 1) * DAY - BEIJING - now) / 1000)
        throw new RateLimitedError(
          'grant-volume-exceeded',
          `The grant allows ${grant.dailyVolumeCap} records per day; ${used - records} were fetched today.`,
          { headers: { 'retry-after': String(retryAfter) } },
        )
      }
    }
  }
}
