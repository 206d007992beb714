/**
 * A department's receiving side for bench/cases.bench.ts — its Kafka subscriber and its webhook
 * receiver — in its own process, as a real department system is a different system: the hub's CPU
 * stalls then delay the hub, not the receiver's clock or work. Uses the hub's consumer helper with
 * the settings `app.events.subscribe` uses. Started with `<brokers> <topicPrefix> <groupId> <topic>`
 * and an IPC channel; sends `{ ready: true, webhookPort }` once subscribed and listening, then
 * `{ arrivals: [path, eventId, epochMs][] }` (path 'kafka' or 'webhook'; epoch =
 * performance.timeOrigin + now, comparable across processes of one machine); on 'stop' it stops
 * and exits.
 */
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { performance } from 'node:perf_hooks'
import { createKafkaConsumer } from '../../platform/events/kafka-consumer.ts'
import type { CaseEvent } from '../../schemas/generated/types.ts'

const [brokers, topicPrefix, groupId, topic] = process.argv.slice(2)
if (!brokers || topicPrefix === undefined || !groupId || !topic || !process.send) {
  throw new Error('usage: fork(case-subscriber.ts, [brokers, topicPrefix, groupId, topic])')
}
const send = process.send.bind(process)
const seen = { kafka: new Set<string>(), webhook: new Set<string>() }
let pending: ['kafka' | 'webhook', string, number][] = []
const arrived = (path: 'kafka' | 'webhook', id: string, at: number) => {
  if (seen[path].has(id)) return
  seen[path].add(id)
  pending.push([path, id, at])
}

const consumer = createKafkaConsumer({
  brokers: brokers.split(','),
  topicPrefix,
  groupId,
  topics: [topic],
  handler: async (event) => {
    const at = performance.timeOrigin + performance.now()
    arrived('kafka', (event.payload as CaseEvent).sourceEventId ?? '', at)
  },
})
// Arrivals are reported in small batches so the report itself is not per-event IPC work.
const flush = setInterval(() => {
  if (pending.length === 0) return
  send({ arrivals: pending })
  pending = []
}, 20)

// The department's webhook endpoint: the body's eventId is the source event's id.
const receiver = createServer((req, res) => {
  let raw = ''
  req.on('data', (chunk) => {
    raw += chunk
  })
  req.on('end', () => {
    const at = performance.timeOrigin + performance.now()
    arrived('webhook', (JSON.parse(raw) as { eventId: string }).eventId, at)
    res.writeHead(204).end()
  })
})
await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve))

process.on('message', async (message) => {
  if (message !== 'stop') return
  await consumer.stop()
  await new Promise((resolve) => receiver.close(resolve))
  clearInterval(flush)
  if (pending.length > 0) send({ arrivals: pending })
  process.disconnect()
})

await consumer.start()
send({ ready: true, webhookPort: (receiver.address() as AddressInfo).port })
