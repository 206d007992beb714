import { execFile } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import { mkdtemp, rm, symlink } from 'node:fs/promises'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { Registry } from 'prom-client'
import { afterAll, beforeAll, expect, test, vi } from 'vitest'
import { useTestDatabase } from '../../test/support/test-database.ts'
import type { NewEvent, ReceivedEvent } from './event-types.ts'
import { createDeduplicator, createKafkaConsumer, type KafkaEventConsumer } from './kafka-consumer.ts'
import { KafkaTransport } from './kafka-transport.ts'
import { OutboxRelay } from './outbox-relay.ts'
import { appendEvents } from './outbox-store.ts'

/**
 * Kafka goes away while the hub keeps committing events, then comes back: every committed event
 * must still arrive, in order per key, and the outbox must drain. Runs its own broker (not the
 * shared one) so stopping it disturbs no other test.
 */

const run = promisify(execFile)
const REPO = path.resolve(import.meta.dirname, '../..')
const KAFKA_SCRIPT = path.join(REPO, 'scripts/kafka/kafka.sh')
const t = useTestDatabase()

let home: string
let env: NodeJS.ProcessEnv
let brokers: string[]

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })
}

async function kafka(command: 'start' | 'stop'): Promise<string> {
  const { stdout } = await run('bash', [KAFKA_SCRIPT, command], { env, timeout: 120_000 })
  return stdout.trim().split('\n').pop() ?? ''
}

beforeAll(async () => {
  home = await mkdtemp(path.join(tmpdir(), 'hub-kafka-outage-'))
  // Reuse the jars the shared broker already resolved (kafka.sh keeps them in <home>/lib and only
  // re-resolves when their stamp no longer matches pom.xml).
  const sharedLib = path.join(process.env.KAFKA_SHARED_HOME_DIR ?? path.join(REPO, '.kafka'), 'lib')
  if (existsSync(path.join(sharedLib, '.stamp'))) await symlink(sharedLib, path.join(home, 'lib'))
  env = {
    ...process.env,
    KAFKA_HOME_DIR: home,
    KAFKA_PORT: String(await freePort()),
    KAFKA_CONTROLLER_PORT: String(await freePort()),
    KAFKA_NUM_PARTITIONS: '3',
  }
  brokers = [await kafka('start')]
})

afterAll(async () => {
  await kafka('stop').catch(() => {})
  await rm(home, { recursive: true, force: true })
})

test('events committed during a Kafka outage are delivered after it, in order per key', {
  timeout: 90_000,
}, async () => {
  const prefix = `outage.${randomBytes(4).toString('hex')}.`
  const registry = new Registry()
  // A short delivery timeout so the outage surfaces as rejected batches (the retry path) and not
  // only as messages parked in librdkafka's queue.
  const transport = new KafkaTransport({
    brokers,
    topicPrefix: prefix,
    deliveryTimeoutMs: 3000,
    connectTimeoutMs: 2000,
  })
  const relay = new OutboxRelay({
    db: t.db,
    transport,
    registry,
    pollIntervalMs: 100,
    batchSize: 20,
    backoff: { initialMs: 100, maxMs: 1000 },
  })
  const dedup = createDeduplicator()
  const received: ReceivedEvent[] = []
  const consumer: KafkaEventConsumer = createKafkaConsumer({
    brokers,
    topicPrefix: prefix,
    groupId: `outage-${randomBytes(4).toString('hex')}`,
    topics: ['case-events'],
    handler: dedup.wrap(async (event) => {
      received.push(event)
    }),
  })
  await consumer.start()
  relay.start()

  const keys = ['CASE-1', 'CASE-2', 'CASE-3', 'CASE-4', 'CASE-5']
  const seq = new Map(keys.map((k) => [k, 0]))
  const committed: string[] = []
  const writeTx = async (tx: number) => {
    const events: NewEvent[] = Array.from({ length: 10 }, (_, i) => {
      const key = keys[(i + tx) % keys.length]!
      seq.set(key, seq.get(key)! + 1)
      return { topic: 'case-events', key, type: 'case.step-recorded', payload: { seq: seq.get(key)!, tx } }
    })
    const stored = await t.db.transaction((trx) => appendEvents(trx, events))
    committed.push(...stored.map((e) => e.eventId))
  }

  try {
    // Before: the pipeline works (and the topic and the consumer's assignment exist).
    for (let tx = 0; tx < 5; tx++) await writeTx(tx)
    await vi.waitFor(() => expect(received.length).toBe(committed.length), { timeout: 20_000, interval: 100 })

    // During: Kafka down; the hub keeps committing.
    await kafka('stop')
    for (let tx = 5; tx < 15; tx++) {
      await writeTx(tx)
      await new Promise((r) => setTimeout(r, 400))
    }
    await vi.waitFor(
      async () =>
        expect(await registry.getSingleMetricAsString('hub_outbox_publish_failures_total')).toMatch(
          /hub_outbox_publish_failures_total [1-9]/,
        ),
      { timeout: 10_000 },
    )
    expect((await relay.lag()).unpublished).toBeGreaterThan(0)

    // After: Kafka back; more commits; everything arrives.
    await kafka('start')
    for (let tx = 15; tx < 20; tx++) await writeTx(tx)
    await vi.waitFor(() => expect(received.length).toBe(committed.length), { timeout: 45_000, interval: 200 })
    await vi.waitFor(async () => expect((await relay.lag()).unpublished).toBe(0), { timeout: 5000 })
  } finally {
    await consumer.stop()
    await relay.stop()
    await transport.close()
  }

  expect(received.map((e) => e.eventId).sort()).toEqual([...committed].sort())
  for (const key of keys) {
    const seqs = received.filter((e) => e.key === key).map((e) => (e.payload as { seq: number }).seq)
    expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => i + 1))
  }
  const unpublished = await t
    .db('outbox')
    .whereNull('published_at')
    .count<{ count: number }[]>({ count: '*' })
  expect(Number(unpublished[0]?.count)).toBe(0)
})
