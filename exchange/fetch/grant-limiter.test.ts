import { describe, expect, it } from 'vitest'
import { GrantLimiter, MemoryCounters } from './grant-limiter.ts'

describe('GrantLimiter', () => {
  it('allows the per-minute rate, refuses beyond it with Retry-After, and opens a new window each minute', async () => {
    let now = Date.UTC(2026, 10, 26, 10, 0, 10)
    const limiter = new GrantLimiter(new MemoryCounters(), () => now)
    const grant = { id: 'g1', rateLimitPerMinute: 2, dailyVolumeCap: null }
    await limiter.takeCall(grant)
    await limiter.takeCall(grant)
    await expect(limiter.takeCall(grant)).rejects.toMatchObject({
      status: 429,
      code: 'grant-rate-limited',
      headers: { 'retry-after': '50' },
    })
    now += 50_000
    await expect(limiter.takeCall(grant)).resolves.toBeUndefined()
  })

  it('caps records per Beijing day and does not count a refused batch', async () => {
    // 23:59 in Beijing: the day ends a minute later.
    let now = Date.UTC(2026, 10, 26, 15, 59, 0)
    const limiter = new GrantLimiter(new MemoryCounters(), () => now)
    const grant = { id: 'g2', rateLimitPerMinute: null, dailyVolumeCap: 3 }
    await limiter.takeVolume(grant, 2)
    await expect(limiter.takeVolume(grant, 2)).rejects.toMatchObject({
      code: 'grant-volume-exceeded',
      headers: { 'retry-after': '60' },
    })
    await limiter.takeVolume(grant, 1)
    await expect(limiter.takeVolume(grant, 1)).rejects.toMatchObject({ code: 'grant-volume-exceeded' })
    now += 60_000
    await expect(limiter.takeVolume(grant, 3)).resolves.toBeUndefined()
  })

  it('keeps grants apart', async () => {
    const limiter = new GrantLimiter(new MemoryCounters())
    await limiter.takeCall({ id: 'a', rateLimitPerMinute: 1, dailyVolumeCap: null })
    await expect(
      limiter.takeCall({ id: 'b', rateLimitPerMinute: 1, dailyVolumeCap: null }),
    ).resolves.toBeUndefined()
  })
})
