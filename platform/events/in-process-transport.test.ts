import { randomUUID } from 'node:crypto'
import { describe, expect, test, vi } from 'vitest'
import type { OutboxEvent, ReceivedEvent } from './event-types.ts'
import { InProcessTransport } from './in-process-transport.ts'

let nextId = 1
function event(key: string, seq: number, topic = 'case-events'): OutboxEvent {
  return {
    id: nextId++,
    eventId: randomUUID(),
    topic,
    key,
    type: 'case.test',
    schemaVersion: 1,
    payload: { key, seq },
    headers: {},
    createdAt: new Date(),
  }
}

const seqOf = (e: ReceivedEvent) => (e.payload as { seq: number }).seq

describe('in-process transport', () => {
  test('delivers in order, retries a failing handler, and resumes a group where it left off', async () => {
    const bus = new InProcessTransport({ retry: { initialMs: 5, maxMs: 20 } })
    await bus.publish([event('A', 1), event('B', 1), event('A', 2)])

    const seen: string[] = []
    let failOnce = true
    const first = await bus.subscribe({
      groupId: 'g',
      topics: ['case-events'],
      handler: async (e) => {
        seen.push(`${e.key}${seqOf(e)}`)
        if (e.key === 'B' && failOnce) {
          failOnce = false
          throw new Error('transient')
        }
      },
    })
    await vi.waitFor(() => expect(seen).toEqual(['A1', 'B1', 'B1', 'A2']))
    await first.stop()

    await bus.publish([event('B', 2)])
    const later: ReceivedEvent[] = []
    const second = await bus.subscribe({
      groupId: 'g',
      topics: ['case-events'],
      handler: async (e) => void later.push(e),
    })
    await vi.waitFor(() => expect(later).toHaveLength(1))
    expect(later[0]).toMatchObject({ key: 'B', topic: 'case-events', partition: 0, offset: 3 })
    await bus.close()
    await second.stop()
  })

  test('a new group starts from the earliest retained event; one subscriber per group', async () => {
    const bus = new InProcessTransport({ retainPerTopic: 2 })
    await bus.publish([event('A', 1), event('A', 2), event('A', 3)])
    const seen: number[] = []
    await bus.subscribe({
      groupId: 'late',
      topics: ['case-events'],
      handler: async (e) => void seen.push(seqOf(e)),
    })
    await vi.waitFor(() => expect(seen).toEqual([2, 3]))
    await expect(
      bus.subscribe({ groupId: 'late', topics: ['case-events'], handler: async () => {} }),
    ).rejects.toThrow('already has a subscriber')
    await bus.close()
    await expect(bus.publish([event('A', 4)])).rejects.toThrow('closed')
  })

  test('a subscriber cannot alter what another one receives', async () => {
    const bus = new InProcessTransport()
    const seen: number[] = []
    for (const groupId of ['g1', 'g2']) {
      await bus.subscribe({
        groupId,
        topics: ['case-events'],
        handler: async (e) => {
          seen.push(seqOf(e))
          ;(e.payload as { seq: number }).seq = 99
        },
      })
    }
    const original = event('A', 1)
    await bus.publish([original])
    await vi.waitFor(() => expect(seen).toEqual([1, 1]))
    expect(original.payload).toEqual({ key: 'A', seq: 1 })
    await bus.close()
  })
})
