import { describe, expect, it } from 'vitest'
import type { OutboxEvent } from '../../platform/events/event-types.ts'
import type { DeliveredRecord } from './delivery-target.ts'
import { SUBSCRIPTION_TOMBSTONE_TYPE, withTombstones } from './kafka-tombstones.ts'

const record = (recordId: string, position: string, deleted = false): DeliveredRecord => ({
  recordId,
  position,
  items: deleted ? {} : { xm: '张*' },
  ...(deleted ? { deleted: true as const } : {}),
})
const value = (r: DeliveredRecord): OutboxEvent => ({
  id: Number(r.position),
  eventId: `sub:${r.position}`,
  topic: 'records.lf-approval.x',
  key: r.recordId,
  type: 'subscription.record',
  schemaVersion: 1,
  payload: { recordId: r.recordId, position: r.position, items: r.items },
  headers: {},
  createdAt: new Date(0),
})

describe('tombstones on a subscription topic', () => {
  it('follows each deletion with a null value on the same key, and leaves other batches alone', () => {
    const records = [record('A', '7'), record('B', '8', true), record('C', '9')]
    const events = withTombstones(records, records.map(value))
    expect(events.map((e) => [e.key, e.eventId, e.tombstone ?? false])).toEqual([
      ['A', 'sub:7', false],
      ['B', 'sub:8', false],
      ['B', 'sub:8:tombstone', true],
      ['C', 'sub:9', false],
    ])
    expect(events[2]).toMatchObject({
      type: SUBSCRIPTION_TOMBSTONE_TYPE,
      payload: null,
      topic: events[1]!.topic,
    })

    const plain = [record('A', '1')].map(value)
    expect(withTombstones([record('A', '1')], plain)).toBe(plain)
  })
})
