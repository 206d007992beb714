import { describe, expect, it } from 'vitest'
import { loadConfig } from '../config/config.ts'
import { backoffDelay } from './backoff.ts'

describe('capped exponential backoff', () => {
  it('doubles up to the cap and stays there', () => {
    const schedule = { baseMs: 5_000, capMs: 600_000 }
    expect([1, 2, 3, 4].map((n) => backoffDelay(n, schedule))).toEqual([5_000, 10_000, 20_000, 40_000])
    expect(backoffDelay(8, schedule)).toBe(600_000)
    expect(backoffDelay(30, schedule)).toBe(600_000)
    expect(backoffDelay(8, { baseMs: 5_000 })).toBe(640_000)
    // An attempt of 0 (nothing failed yet) waits the base, never half of it.
    expect(backoffDelay(0, schedule)).toBe(5_000)
  })

  it('randomises the jittered share only, and full jitter spreads over [0, delay)', () => {
    const full = { baseMs: 50, capMs: 1000, jitter: 1 }
    expect([1, 2, 3].map((a) => backoffDelay(a, full, () => 0.999))).toEqual([49, 99, 199])
    expect(backoffDelay(11, full, () => 0.999)).toBe(999)
    expect(backoffDelay(4, full, () => 0)).toBe(0)
    const quarter = { baseMs: 1000, jitter: 0.25 }
    expect(backoffDelay(1, quarter, () => 0)).toBe(750)
    expect(backoffDelay(1, quarter, () => 0.999)).toBe(999)
  })

  it('gives access webhooks a default schedule that outlasts a receiver down for an hour', () => {
    const { attempts, backoffMs, maxBackoffMs } = loadConfig({}).accessWebhooks
    let waited = 0
    for (let n = 1; n < attempts; n++) waited += backoffDelay(n, { baseMs: backoffMs, capMs: maxBackoffMs })
    expect(waited).toBeGreaterThan(3_600_000)
    expect(waited).toBeLessThan(3 * 3_600_000)
  })
})
