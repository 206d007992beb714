import { randomBytes } from 'node:crypto'
import { Registry } from 'prom-client'
import { afterEach, describe, expect, inject, test, vi } from 'vitest'
import { useTestDatabase } from '../../test/support/test-database.ts'
import type { NewEvent, ReceivedEvent } from './event-types.ts'
import { InProcessTransport } from './in-process-transport.ts'
import { createKafkaConsumer, type KafkaEventConsumer } from './kafka-consumer.ts'
import { KafkaTransport } from './kafka-transport.ts'
import { OutboxRelay } from './outbox-relay.ts'
import { appendEvents } from './outbox-store.ts'

const t = useTestDatabase()
const cleanup: (() => Promise<void>)[] = []

afterEach(async () => {
  for (const step of cleanup.reverse()) await step()
  cleanup.length = 0
  await t.db('outbox').delete()
})

function caseEvent(key: string, seq: number, tx: number): NewEvent {
  return { topic: 'case-events', key, type: 'case.step-recorded', payload: { key, seq, tx } }
}

describe('outbox relay to Kafka', () => {
  test('a consumer receives exactly the committed events, in order per key', async () => {
    const brokers = [inject('kafkaBrokers')]
    const prefix = `test.${randomBytes(4).toString('hex')}.`
    const registry = new Registry()
    const transport = new KafkaTransport({ brokers, topicPrefix: prefix })
    const relay = new OutboxRelay({ db: t.db, transport, registry, pollIntervalMs: 100, batchSize: 7 })
    const received: ReceivedEvent[] = []
    const consumer: KafkaEventConsumer = createKafkaConsumer({
      brokers,
      topicPrefix: prefix,
      groupId: `relay-test-${randomBytes(4).toString('hex')}`,
      topics: ['case-events'],
      handler: async (event) => {
        received.push(event)
      },
    })
    cleanup.push(
      () => transport.close(),
      () => relay.stop(),
      () => consumer.stop(),
    )
    await consumer.start()
    relay.start()

    const keys = ['CASE-A', 'CASE-B', 'CASE-C', 'CASE-D']
    const committed: string[] = []
    const seq = new Map(keys.map((k) => [k, 0]))
    for (let tx = 0; tx < 8; tx++) {
      // Keys interleaved within and across transactions, so order per key is actually at stake.
      const events = Array.from({ length: 10 }, (_, i) => {
        const key = keys[(i + tx) % keys.length]!
        seq.set(key, seq.get(key)! + 1)
        return caseEvent(key, seq.get(key)!, tx)
      })
      if (tx === 3 || tx === 6) {
        await expect(
          t.db.transaction(async (trx) => {
            await appendEvents(trx, events)
            throw new Error('business rule failed')
          }),
        ).rejects.toThrow('business rule failed')
      } else {
        const stored = await t.db.transaction((trx) => appendEvents(trx, events))
        committed.push(...stored.map((e) => e.eventId))
      }
    }

    await vi.waitFor(() => expect(received.length).toBeGreaterThanOrEqual(committed.length), {
      timeout: 20_000,
    })
    await new Promise((r) => setTimeout(r, 300)) // anything extra would show up now
    expect(received.map((e) => e.eventId).sort()).toEqual([...committed].sort())
    expect(received.some((e) => [3, 6].includes((e.payload as { tx: number }).tx))).toBe(false)
    for (const key of keys) {
      const seqs = received.filter((e) => e.key === key).map((e) => (e.payload as { seq: number }).seq)
      expect(seqs).toEqual([...seqs].sort((a, b) => a - b))
    }
    expect(received[0]).toMatchObject({ type: 'case.step-recorded', schemaVersion: 1, topic: 'case-events' })

    await vi.waitFor(async () => expect((await relay.lag()).unpublished).toBe(0), { timeout: 5000 })
    // the mark commits a moment before the relay counts it
    await vi.waitFor(async () => {
      const metrics = await registry.metrics()
      expect(metrics).toContain('hub_outbox_unpublished_events 0')
      expect(metrics).toContain(`hub_outbox_published_events_total ${committed.length}`)
    })
  })
})

describe('outbox relay leadership', () => {
  test('only one relay per database publishes; a standby takes over when it stops', async () => {
    const a = new OutboxRelay({
      db: t.db,
      transport: new InProcessTransport(),
      pollIntervalMs: 50,
      batchSize: 10,
    })
    const b = new OutboxRelay({
      db: t.db,
      transport: new InProcessTransport(),
      pollIntervalMs: 50,
      batchSize: 10,
      lockRetryMs: 100,
    })
    cleanup.push(
      () => a.stop(),
      () => b.stop(),
    )
    a.start()
    await vi.waitFor(() => expect(a.active).toBe(true))
    b.start()
    await new Promise((r) => setTimeout(r, 300))
    expect(b.active).toBe(false)

    await a.stop()
    await vi.waitFor(() => expect(b.active).toBe(true), { timeout: 2000 })
    await t.db.transaction((trx) => appendEvents(trx, [caseEvent('CASE-X', 1, 0)]))
    await vi.waitFor(async () => expect((await b.lag()).unpublished).toBe(0), { timeout: 2000 })
  })

  test('wakes on NOTIFY instead of waiting for the poll interval', async () => {
    const transport = new InProcessTransport()
    const relay = new OutboxRelay({ db: t.db, transport, pollIntervalMs: 60_000, batchSize: 10 })
    const got: number[] = []
    const consumer = await transport.subscribe({
      groupId: 'g',
      topics: ['case-events'],
      handler: async () => {
        got.push(Date.now())
      },
    })
    cleanup.push(
      () => relay.stop(),
      () => consumer.stop(),
    )
    relay.start()
    await vi.waitFor(() => expect(relay.active).toBe(true))
    await new Promise((r) => setTimeout(r, 100)) // the relay is now idle for a minute
    const committedAt = Date.now()
    await t.db.transaction((trx) => appendEvents(trx, [caseEvent('CASE-Y', 1, 0)]))
    await vi.waitFor(() => expect(got).toHaveLength(1), { timeout: 2000 })
    expect(got[0]! - committedAt).toBeLessThan(1000)
  })
})
