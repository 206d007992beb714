import type { Knex } from 'knex'
import { describe, expect, it } from 'vitest'
import type { Resource } from '../../schemas/generated/types.ts'
import { CatalogVersionClock } from './catalog-version.ts'
import { ResourceViewCache } from './resource-view-cache.ts'

/** A database that answers the version query only, counting how often it was asked. */
function fakeDb() {
  const state = { version: 7, reads: 0 }
  const db = {
    raw: async () => {
      state.reads++
      return { rows: [{ version: String(state.version) }] }
    },
  } as unknown as Knex
  return { db, state }
}

describe('the catalog version clock', () => {
  it('reads the version at most once per ttl, one read shared by concurrent callers', async () => {
    const { db, state } = fakeDb()
    let now = 0
    const clock = new CatalogVersionClock(db, 1_000, () => now)
    expect(await Promise.all([clock.current(), clock.current(), clock.current()])).toEqual(['7', '7', '7'])
    expect(state.reads).toBe(1)
    state.version = 8
    now = 999
    expect(await clock.current()).toBe('7')
    now = 1_000
    expect(await clock.current()).toBe('8')
    expect(state.reads).toBe(2)
  })

  it('with ttl 0 shares one read per turn and never hands out a read sent before the caller asked', async () => {
    const { db, state } = fakeDb()
    const clock = new CatalogVersionClock(db, 0)
    expect(await Promise.all([clock.current(), clock.current()])).toEqual(['7', '7'])
    expect(state.reads).toBe(1)
    const first = clock.current()
    await new Promise((r) => setImmediate(r)) // the first read is sent
    state.version = 8 // another instance commits
    expect(await clock.current()).toBe('8')
    expect(await first).toBe('7')
    expect(state.reads).toBe(3)
  })

  it('reads again right after a write in this process', async () => {
    const { db, state } = fakeDb()
    const clock = new CatalogVersionClock(db, 60_000, () => 0)
    expect(await clock.current()).toBe('7')
    state.version = 9
    clock.invalidate()
    expect(await clock.current()).toBe('9')
  })
})

describe('the view cache', () => {
  const view = { code: '201001/000001', name: '参保缴费记录' } as Resource
  const entry = { provider: 'lf-hrss', status: 'published' as const, view }

  it('serves an entry while the catalog is at the version it was read at, and not after', async () => {
    const { db, state } = fakeDb()
    let now = 0
    const cache = new ResourceViewCache(new CatalogVersionClock(db, 1_000, () => now))
    cache.set(view.code, entry, '7')
    expect((await cache.get(view.code))?.view).toBe(view)
    state.version = 8
    now = 1_000
    expect(await cache.get(view.code)).toBeUndefined()
  })

  it('drops an entry evicted by a write', async () => {
    const { db } = fakeDb()
    const cache = new ResourceViewCache(new CatalogVersionClock(db, 60_000, () => 0))
    cache.set(view.code, entry, '7')
    cache.evict(view.code)
    expect(await cache.get(view.code)).toBeUndefined()
  })
})

describe('a view read at a newer version', () => {
  it('moves the clock on, so it is served at once', async () => {
    const { db, state } = fakeDb()
    const clock = new CatalogVersionClock(db, 60_000, () => 0)
    const cache = new ResourceViewCache(clock)
    expect(await clock.current()).toBe('7')
    const view = { code: '201001/000002' } as Resource
    cache.set(view.code, { provider: 'lf-hrss', status: 'published', view }, '8')
    expect((await cache.get(view.code))?.view).toBe(view)
    expect(state.reads).toBe(1)
  })
})
