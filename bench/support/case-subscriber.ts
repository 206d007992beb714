/**
 * A department's Kafka subscriber for bench/cases.bench.ts, in its own process as a real subscriber
 * is a different system: the hub's CPU stalls then delay the hub, not the clock of the receiver.
 * Uses the hub's consumer helper with the settings `app.events.subscribe` uses. Started with
 * `<brokers> <topicPrefix> <groupId> <topic>` and an IPC channel; sends `{ ready: true }` once
 * subscribed, then `{ arrivals: [sourceEventId, epochMs][] }` (epoch = performance.timeOrigin + now,
 * comparable across processes of one machine); on 'stop' it stops and exits.
 */
import { performance } from 'node:perf_hooks'
import { createKafkaConsumer } from '../../platform/events/kafka-consumer.ts'
import type { CaseEvent } from '../../schemas/generated/types.ts'

const [brokers, topicPrefix, groupId, topic] = process.argv.slice(2)
if (!brokers || topicPrefix === undefined || !groupId || !topic || !process.send) {
  throw new Error('usage: fork(case-subscriber.ts, [brokers, topicPrefix, groupId, topic])')
}
const send = process.send.bind(process)
const seen = new Set<string>()
let pending: [string, number][] = []

const consumer = createKafkaConsumer({
  brokers: brokers.split(','),
  topicPrefix,
  groupId,
  topics: [topic],
  handler: async (event) => {
    const arrived = performance.timeOrigin + performance.now()
    const source = (event.payload as CaseEvent).sourceEventId ?? ''
    if (seen.has(source)) return
    seen.add(source)
    pending.push([source, arrived])
  },
})
// Arrivals are reported in small batches so the report itself is not per-event IPC work.
const flush = setInterval(() => {
  if (pending.length === 0) return
  send({ arrivals: pending })
  pending = []
}, 20)

process.on('message', async (message) => {
  if (message !== 'stop') return
  await consumer.stop()
  clearInterval(flush)
  if (pending.length > 0) send({ arrivals: pending })
  process.disconnect()
})

await consumer.start()
send({ ready: true })
