import { randomBytes, randomUUID } from 'node:crypto'
import { afterEach, beforeAll, describe, expect, inject, test, vi } from 'vitest'
import type { OutboxEvent, ReceivedEvent } from './event-types.ts'
import { createDeduplicator, createKafkaConsumer, type KafkaEventConsumer } from './kafka-consumer.ts'
import { KafkaTransport } from './kafka-transport.ts'

let brokers: string[]
let transport: KafkaTransport
const prefix = `test.${randomBytes(4).toString('hex')}.`
const running: KafkaEventConsumer[] = []

beforeAll(() => {
  brokers = [inject('kafkaBrokers')]
  transport = new KafkaTransport({ brokers, topicPrefix: prefix })
  return () => transport.close()
})

afterEach(async () => {
  await Promise.all(running.splice(0).map((c) => c.stop()))
})

/** Publishes `names` as events of one key (so one partition, in this order) to a fresh topic. */
async function publishSequence(topic: string, names: string[]): Promise<void> {
  const events: OutboxEvent[] = names.map((name, i) => ({
    id: i + 1,
    eventId: randomUUID(),
    topic,
    key: 'CASE-1',
    type: 'case.test',
    schemaVersion: 1,
    payload: { name },
    headers: {},
    createdAt: new Date(),
  }))
  await transport.publish(events)
}

function consumer(
  groupId: string,
  topic: string,
  handler: (e: ReceivedEvent) => Promise<void>,
): KafkaEventConsumer {
  const c = createKafkaConsumer({
    brokers,
    topicPrefix: prefix,
    groupId,
    topics: [topic],
    handler,
    retry: { initialMs: 50, maxMs: 200 },
  })
  running.push(c)
  return c
}

const nameOf = (e: ReceivedEvent) => (e.payload as { name: string }).name

describe('kafka consumer', () => {
  test('retries a failing handler in place, then continues in order', async () => {
    const topic = `retry-${randomBytes(3).toString('hex')}`
    await publishSequence(topic, ['e1', 'e2', 'e3'])
    const seen: string[] = []
    let failuresLeft = 2
    await consumer(`g-${topic}`, topic, async (event) => {
      seen.push(nameOf(event))
      if (nameOf(event) === 'e2' && failuresLeft-- > 0) throw new Error('downstream unavailable')
    }).start()

    await vi.waitFor(() => expect(seen).toContain('e3'), { timeout: 15_000 })
    expect(seen).toEqual(['e1', 'e2', 'e2', 'e2', 'e3'])
  })

  test('an offset is committed only after success: after a crash the group re-receives the message', async () => {
    const topic = `crash-${randomBytes(3).toString('hex')}`
    const group = `g-${topic}`
    await publishSequence(topic, ['e1', 'e2', 'e3'])
    const first: string[] = []
    const crashed = consumer(group, topic, async (event) => {
      first.push(nameOf(event))
      if (nameOf(event) === 'e2') throw new Error('handler keeps failing')
    })
    await crashed.start()
    await vi.waitFor(() => expect(first.filter((n) => n === 'e2').length).toBeGreaterThanOrEqual(2), {
      timeout: 15_000,
    })
    await crashed.stop() // gives up on e2 without committing it
    expect(first).not.toContain('e3')

    const second: string[] = []
    await consumer(group, topic, async (event) => {
      second.push(nameOf(event))
    }).start()
    await vi.waitFor(() => expect(second).toContain('e3'), { timeout: 20_000 })
    // e1 was committed after its success; e2 never was, so it comes again, then e3.
    expect(second).toEqual(['e2', 'e3'])
  })
})

describe('deduplicator', () => {
  test('skips handled ids, remembers only after success, and forgets the oldest beyond capacity', async () => {
    const dedup = createDeduplicator(2)
    const handled: string[] = []
    let fail = true
    const handler = dedup.wrap(async (e) => {
      if (fail) throw new Error('boom')
      handled.push(e.eventId)
    })
    const event = (eventId: string) =>
      ({
        eventId,
        type: 't',
        schemaVersion: 1,
        key: 'k',
        payload: null,
        topic: 't',
        partition: 0,
        offset: 0,
      }) as const

    await expect(handler(event('a'))).rejects.toThrow('boom')
    fail = false
    await handler(event('a'))
    await handler(event('a'))
    await handler(event('b'))
    await handler(event('c')) // evicts 'a'
    await handler(event('a'))
    expect(handled).toEqual(['a', 'b', 'c', 'a'])
  })
})
