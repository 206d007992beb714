import { afterEach, describe, expect, test } from 'vitest'
import { useTestDatabase } from '../../test/support/test-database.ts'
import { appendEvents, markPublished, nextUnpublished, outboxLag, prunePublished } from './outbox-store.ts'

const t = useTestDatabase()

afterEach(async () => {
  await t.db('outbox').delete()
})

describe('outbox store', () => {
  test('appends in array order and reads back exactly what was appended', async () => {
    const appended = await t.db.transaction((trx) =>
      appendEvents(trx, [
        { topic: 'case-events', key: 'C-1', type: 'case.accepted', payload: ['a', { b: 1 }] },
        { topic: 'case-events', key: 'C-1', type: 'case.decided', schemaVersion: 2, payload: { ok: true } },
        {
          topic: 'grant-events',
          key: 'G-1',
          type: 'grant.revoked',
          payload: null,
          headers: { 'trace-id': 't1' },
        },
      ]),
    )
    expect(appended.map((e) => e.id)).toEqual([...appended.map((e) => e.id)].sort((a, b) => a - b))

    const stored = await nextUnpublished(t.db, 10)
    expect(stored).toEqual(appended.map((e) => ({ ...e, createdAt: expect.any(Date) })))
    // A top-level array stays a JSON array (node-pg alone would send a PostgreSQL array literal).
    expect(stored[0]?.payload).toEqual(['a', { b: 1 }])
    expect(stored[1]?.schemaVersion).toBe(2)
    expect(stored[2]?.headers).toEqual({ 'trace-id': 't1' })
  })

  test('nothing of a rolled-back transaction remains', async () => {
    await expect(
      t.db.transaction(async (trx) => {
        await appendEvents(trx, [{ topic: 'case-events', key: 'C-2', type: 'case.accepted', payload: {} }])
        throw new Error('rollback')
      }),
    ).rejects.toThrow('rollback')
    expect(await nextUnpublished(t.db, 10)).toEqual([])
  })

  test('rejects an event without topic, key or type', async () => {
    await expect(
      appendEvents(t.db, [{ topic: 'case-events', key: '', type: 'x', payload: {} }]),
    ).rejects.toThrow('topic, key and type are required')
  })

  test('the next read marks the acknowledged batch published in the same statement', async () => {
    const events = await appendEvents(
      t.db,
      ['A-1', 'A-2', 'A-3'].map((key) => ({ topic: 'case-events', key, type: 'case.accepted', payload: {} })),
    )
    const first = await nextUnpublished(t.db, 2)
    expect(first.map((e) => e.key)).toEqual(['A-1', 'A-2'])
    const next = await nextUnpublished(
      t.db,
      2,
      undefined,
      first.map((e) => e.id),
    )
    expect(next.map((e) => e.key)).toEqual(['A-3'])
    const marked = await t.db('outbox').whereNotNull('published_at').pluck('id')
    expect(marked.map(Number).sort()).toEqual([events[0]!.id, events[1]!.id].map(Number).sort())
    await t.db('outbox').delete()
  })

  test('lag counts unpublished events; marking and pruning move them out', async () => {
    expect(await outboxLag(t.db)).toEqual({ unpublished: 0, oldestAgeSeconds: 0 })
    const events = await appendEvents(
      t.db,
      ['C-1', 'C-2', 'C-3'].map((key) => ({ topic: 'case-events', key, type: 'case.accepted', payload: {} })),
    )
    await t.db('outbox').update({ created_at: t.db.raw(`now() - interval '90 seconds'`) })
    const lag = await outboxLag(t.db)
    expect(lag.unpublished).toBe(3)
    expect(lag.oldestAgeSeconds).toBeGreaterThanOrEqual(90)

    await markPublished(t.db, [events[0]!.id, events[1]!.id])
    expect((await nextUnpublished(t.db, 10)).map((e) => e.key)).toEqual(['C-3'])
    expect(await prunePublished(t.db, 1)).toBe(0) // published just now: kept
    await t
      .db('outbox')
      .whereNotNull('published_at')
      .update({ published_at: t.db.raw(`now() - interval '2 hours'`) })
    expect(await prunePublished(t.db, 1)).toBe(2)
    expect(await t.db('outbox').count<{ count: number }[]>({ count: '*' })).toEqual([{ count: 1 }])
  })
})
