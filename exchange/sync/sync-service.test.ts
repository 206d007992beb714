import { describe, expect, it } from 'vitest'
import { useTestApp } from '../../test/support/test-app.ts'
import { SyncService } from './sync-service.ts'

// Pulls from the real 人社 simulator (its contribution change log) into hub_records.
const hub = useTestApp({ simulators: true })
const KIND = 'social-insurance-contribution'

const count = async (table: string, where: Record<string, unknown> = {}) =>
  Number((await hub.database.db(table).where(where).count({ n: '*' }).first())?.n)

describe('SyncService.pull', () => {
  it('stores each changed record once, emits record.changed with it, and resumes from its cursor', async () => {
    const sync = new SyncService({ db: hub.app.db, adapters: hub.app.adapters, batchSize: 40, maxBatches: 2 })
    const first = await sync.pull('hrss', KIND)
    expect(first).toMatchObject({ batches: 2, received: 80, caughtUp: false })
    expect(await count('hub_records', { kind: KIND })).toBe(first.changed)
    expect(await count('outbox', { type: 'record.changed' })).toBe(first.changed)
    const event = await hub.database.db('outbox').where({ type: 'record.changed' }).first()
    expect(event).toMatchObject({ topic: 'record-events' })
    expect(event.payload).toMatchObject({ kind: KIND, adapter: 'hrss' })
    expect(event.key).toBe(`${KIND}:${event.payload.recordId}`)

    const next = await sync.pull('hrss', KIND)
    expect(next.received).toBe(80)
    expect(await count('hub_records', { kind: KIND })).toBe(first.changed + next.changed)
  })

  it('is idempotent: pulling the same changes again rewrites and announces nothing', async () => {
    const sync = new SyncService({ db: hub.app.db, adapters: hub.app.adapters, batchSize: 40, maxBatches: 2 })
    const records = await count('hub_records')
    const events = await count('outbox')
    const again = await sync.pull('hrss', KIND, { fromScratch: true })
    expect(again.received).toBe(80)
    expect(again.changed).toBe(0)
    expect(await count('hub_records')).toBe(records)
    expect(await count('outbox')).toBe(events)
  })

  it('refuses an adapter that cannot list changes', async () => {
    const sync = new SyncService({ db: hub.app.db, adapters: hub.app.adapters })
    await expect(sync.pull('real-estate', 'property-right')).rejects.toMatchObject({
      code: 'sync-not-supported',
    })
  })

  it('keeps hub-held resources of configured adapters in sync and reports their lag', async () => {
    await hub.database.db('resource_sources').insert([
      { resource_code: '203001/00001', adapter: 'hrss', record_kind: KIND, hub_held: true },
      { resource_code: '203009/00001', adapter: 'no-such-adapter', record_kind: KIND, hub_held: true },
    ])
    expect(await hub.app.hubSync.targets()).toEqual([{ adapter: 'hrss', kind: KIND }])
    await hub.database
      .db('hub_sync_cursors')
      .where({ adapter: 'hrss', kind: KIND })
      .update({ caught_up_at: hub.database.db.raw("now() - interval '120 seconds'") })
    const metrics = await hub.app.inject({ method: 'GET', url: '/metrics' })
    const line = metrics.body.split('\n').find((l) => l.startsWith('hub_sync_lag_seconds{adapter="hrss"}'))
    expect(Number(line?.split(' ')[1])).toBeGreaterThanOrEqual(120)
  })
})
