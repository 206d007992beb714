import { describe, expect, it } from 'vitest'
import { TtlCache } from './ttl-cache.ts'

describe('TtlCache', () => {
  it('loads a missing or expired key once however many callers ask at the same time', async () => {
    let clock = 0
    const cache = new TtlCache<number>(1_000, 10, () => clock)
    let loads = 0
    const load = async () => {
      loads += 1
      await new Promise((resolve) => setImmediate(resolve))
      return loads
    }
    expect(await Promise.all([cache.get('k', load), cache.get('k', load), cache.get('k', load)])).toEqual([
      1, 1, 1,
    ])
    clock = 999
    expect(await cache.get('k', load)).toBe(1)
    clock = 1_000
    expect(await Promise.all([cache.get('k', load), cache.get('k', load)])).toEqual([2, 2])
    expect(loads).toBe(2)
  })

  it('does not keep an unknown key or a failed load, so the next call reads again', async () => {
    const cache = new TtlCache<string>()
    await expect(cache.get('k', async () => Promise.reject(new Error('down')))).rejects.toThrow('down')
    expect(await cache.get('k', async () => undefined)).toBeUndefined()
    expect(await cache.get('k', async () => 'found')).toBe('found')
  })
})
