import { describe, expect, it } from 'vitest'
import type { StreamMessage } from '../../platform/events/event-types.ts'
import { KafkaTarget, SUBSCRIPTION_RECORD_TYPE } from './kafka-target.ts'

describe('a subscription batch to Kafka', () => {
  it('carries each record as the subscription.record JSON, keyed by record id, with its event id', async () => {
    const sent: { topic: string; type: string; messages: readonly StreamMessage[] }[] = []
    const target = new KafkaTarget({
      publishStream: async (topic, type, messages) => void sent.push({ topic, type, messages }),
    })
    const subscription = {
      id: 'a1b2c3d4-0000-4000-8000-000000000001',
      resource_code: '203001/00043',
      topic: 'records.x',
    }
    const items = {
      gmsfhm: '141002********1234',
      xm: '张*',
      jfjs: '5000.00',
      note: 'a "quoted"\nline \u2028',
    }
    await target.deliver({
      subscription: subscription as never,
      grantId: 'g-1',
      position: '9',
      records: [
        { recordId: 'JF-"1"', position: '7', items },
        { recordId: 'JF-2', position: '8', items: {}, objectionId: 'obj-1' },
        { recordId: 'JF-3', position: '9', items: {}, deleted: true },
      ],
    })
    expect(sent).toHaveLength(1)
    expect(sent[0]).toMatchObject({ topic: 'records.x', type: SUBSCRIPTION_RECORD_TYPE })
    const common = { subscriptionId: subscription.id, resourceCode: '203001/00043', grantId: 'g-1' }
    // The same text a consumer would get from JSON.stringify of the payload, field order included.
    expect(sent[0]!.messages).toEqual([
      {
        key: 'JF-"1"',
        eventId: `${subscription.id}:7`,
        value: JSON.stringify({ ...common, recordId: 'JF-"1"', position: '7', items }),
      },
      {
        key: 'JF-2',
        eventId: `${subscription.id}:8`,
        value: JSON.stringify({
          ...common,
          recordId: 'JF-2',
          position: '8',
          items: {},
          disputed: true,
          objectionId: 'obj-1',
        }),
      },
      {
        key: 'JF-3',
        eventId: `${subscription.id}:9`,
        value: JSON.stringify({ ...common, recordId: 'JF-3', position: '9', items: {}, deleted: true }),
      },
      // The deletion is followed by a tombstone on its key, so log compaction drops the key.
      { key: 'JF-3', eventId: `${subscription.id}:9:tombstone`, value: null },
    ])
  })
})
