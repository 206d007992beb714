import { describe, expect, it } from 'vitest'
import type { StreamMessage } from '../../platform/events/event-types.ts'
import type { DeliveredRecord } from './delivery-target.ts'
import { withTombstones } from './kafka-tombstones.ts'

const record = (recordId: string, position: string, deleted = false): DeliveredRecord => ({
  recordId,
  position,
  items: deleted ? {} : { xm: '张*' },
  ...(deleted ? { deleted: true as const } : {}),
})
const value = (r: DeliveredRecord): StreamMessage => ({
  key: r.recordId,
  eventId: `sub:${r.position}`,
  value: JSON.stringify({ recordId: r.recordId, position: r.position, items: r.items }),
})

describe('tombstones on a subscription topic', () => {
  it('follows each deletion with a null value on the same key, and leaves other batches alone', () => {
    const records = [record('A', '7'), record('B', '8', true), record('C', '9')]
    const messages = withTombstones(records, records.map(value))
    expect(messages.map((m) => [m.key, m.eventId, m.value === null])).toEqual([
      ['A', 'sub:7', false],
      ['B', 'sub:8', false],
      ['B', 'sub:8:tombstone', true],
      ['C', 'sub:9', false],
    ])

    const plain = [record('A', '1')].map(value)
    expect(withTombstones([record('A', '1')], plain)).toBe(plain)
  })
})
