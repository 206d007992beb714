import { describe, expect, it } from 'vitest'
import { loadConfig } from '../config/config.ts'
import { backoffDelay } from './job-runner.ts'

describe('capped exponential backoff', () => {
  it('doubles up to the cap and stays there', () => {
    expect([1, 2, 3, 4].map((n) => backoffDelay(n, 5_000, 0, 600_000))).toEqual([
      5_000, 10_000, 20_000, 40_000,
    ])
    expect(backoffDelay(8, 5_000, 0, 600_000)).toBe(600_000)
    expect(backoffDelay(30, 5_000, 0, 600_000)).toBe(600_000)
    expect(backoffDelay(8, 5_000, 0)).toBe(640_000)
  })

  it('gives access webhooks a default schedule that outlasts a receiver down for an hour', () => {
    const { attempts, backoffMs, maxBackoffMs } = loadConfig({}).accessWebhooks
    let waited = 0
    for (let n = 1; n < attempts; n++) waited += backoffDelay(n, backoffMs, 0, maxBackoffMs)
    expect(waited).toBeGreaterThan(3_600_000)
    expect(waited).toBeLessThan(3 * 3_600_000)
  })
})
