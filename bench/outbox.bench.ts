/**
 * Outbox → Kafka: (a) sustained throughput, first insert to last event consumed; (b) commit-to-
 * consume latency at a paced rate. Uses its own database (created, migrated, dropped) and the broker
 * in KAFKA_BROKERS, or starts the project's broker with scripts/kafka/kafka.sh (and stops it).
 */
import { execFile } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { cpus, loadavg } from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { promisify } from 'node:util'
import type { Knex } from 'knex'
import { createKnex } from '../platform/db/knex-factory.ts'
import { migrateLatest } from '../platform/db/migrator.ts'
import type { NewEvent } from '../platform/events/event-types.ts'
import { createKafkaConsumer } from '../platform/events/kafka-consumer.ts'
import { KafkaTransport } from '../platform/events/kafka-transport.ts'
import { OutboxRelay } from '../platform/events/outbox-relay.ts'
import { appendEvents } from '../platform/events/outbox-store.ts'
import type { BenchModule } from './run.ts'

const run = promisify(execFile)
const KAFKA_SCRIPT = path.resolve(import.meta.dirname, '../scripts/kafka/kafka.sh')
const DB_NAME = 'hub_bench_outbox'

const THROUGHPUT_EVENTS = 100_000
const THROUGHPUT_TX_SIZE = 1000
const PACED_RATE = 1000 // events per second
const PACED_SECONDS = 10
const PACED_TICK_MS = 5 // one transaction per tick, RATE * TICK / 1000 events each
const PACED_WARMUP_SECONDS = 1 // paced traffic before measuring: fetch sessions and JIT settle

function adminUrl(): string {
  return (
    process.env.BENCH_DATABASE_URL ??
    process.env.TEST_DATABASE_URL ??
    'postgres://postgres@127.0.0.1:5432/postgres'
  )
}

function dbUrl(name: string): string {
  const url = new URL(adminUrl())
  url.pathname = `/${name}`
  return url.toString()
}

async function waitUntil(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 5))
  }
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!
}

const round = (n: number) => Math.round(n * 100) / 100

/** A relay + consumer pair on a fresh topic; `received` counts events, `arrivals` their receive time. */
async function pipeline(db: Knex, brokers: string[]) {
  const prefix = `bench.${randomBytes(4).toString('hex')}.`
  const transport = new KafkaTransport({ brokers, topicPrefix: prefix })
  const relay = new OutboxRelay({ db, transport, pollIntervalMs: 250, batchSize: 1000 })
  const arrivals = new Map<string, number>()
  const state = { received: 0 }
  const consumer = createKafkaConsumer({
    brokers,
    topicPrefix: prefix,
    groupId: `bench-${randomBytes(4).toString('hex')}`,
    topics: ['case-events'],
    batchSize: 1000,
    handler: async (event) => {
      state.received += 1
      arrivals.set(event.eventId, performance.now())
    },
  })
  await consumer.start()
  relay.start()
  // Warm-up: topic created, group joined, producer connected, before anything is timed.
  await db.transaction((trx) => appendEvents(trx, [event('WARMUP', 0)]))
  await waitUntil(() => state.received >= 1, 60_000, 'the warm-up event')
  state.received = 0
  arrivals.clear()
  return {
    state,
    arrivals,
    async close() {
      await consumer.stop()
      await relay.stop()
      await transport.close()
    },
  }
}

function event(key: string, seq: number): NewEvent {
  return {
    topic: 'case-events',
    key,
    type: 'case.step-recorded',
    payload: { caseNumber: key, seq, step: '受理', handler: 'clerk-001', at: new Date().toISOString() },
  }
}

async function throughput(db: Knex, brokers: string[], report: (r: Record<string, unknown>) => void) {
  const p = await pipeline(db, brokers)
  try {
    const started = performance.now()
    for (let tx = 0; tx < THROUGHPUT_EVENTS / THROUGHPUT_TX_SIZE; tx++) {
      const events = Array.from({ length: THROUGHPUT_TX_SIZE }, (_, i) => event(`CASE-${i % 97}`, tx))
      await db.transaction((trx) => appendEvents(trx, events))
    }
    const inserted = performance.now()
    await waitUntil(() => p.state.received >= THROUGHPUT_EVENTS, 120_000, 'all events to be consumed')
    const seconds = (performance.now() - started) / 1000
    const eventsPerSecond = THROUGHPUT_EVENTS / seconds
    report({
      measurement: 'throughput',
      events: THROUGHPUT_EVENTS,
      transactionSize: THROUGHPUT_TX_SIZE,
      insertSeconds: round((inserted - started) / 1000),
      seconds: round(seconds),
      eventsPerSecond: Math.round(eventsPerSecond),
      targetEventsPerSecond: 10_000,
      meetsTarget: eventsPerSecond >= 10_000,
      // Context: these are wall-clock numbers, meaningless on a machine busy with other work.
      loadAverage1m: round(loadavg()[0] ?? 0),
      cpus: cpus().length,
    })
  } finally {
    await p.close()
  }
}

async function latency(db: Knex, brokers: string[], report: (r: Record<string, unknown>) => void) {
  const p = await pipeline(db, brokers)
  const committedAt = new Map<string, number>()
  const perTick = (PACED_RATE * PACED_TICK_MS) / 1000
  const ticks = (PACED_SECONDS * 1000) / PACED_TICK_MS
  try {
    const warmupTicks = (PACED_WARMUP_SECONDS * 1000) / PACED_TICK_MS
    const start = performance.now()
    let measuredFrom = start
    for (let tick = -warmupTicks; tick < ticks; tick++) {
      if (tick === 0) measuredFrom = performance.now()
      // Paced against the clock, not by sleeping a fixed time, so slow commits do not lower the rate.
      const due = start + (tick + warmupTicks) * PACED_TICK_MS
      const wait = due - performance.now()
      if (wait > 0) await new Promise((r) => setTimeout(r, wait))
      const events = Array.from({ length: perTick }, (_, i) =>
        event(`CASE-${(tick * perTick + i) % 97}`, tick),
      )
      const stored = await db.transaction((trx) => appendEvents(trx, events))
      const now = performance.now()
      if (tick >= 0) for (const e of stored) committedAt.set(e.eventId, now)
    }
    const actualRate = committedAt.size / ((performance.now() - measuredFrom) / 1000)
    const total = committedAt.size + warmupTicks * perTick
    await waitUntil(() => p.state.received >= total, 60_000, 'the paced events to be consumed')
    const latencies = [...committedAt]
      .map(([id, at]) => (p.arrivals.get(id) ?? Number.NaN) - at)
      .sort((a, b) => a - b)
    const p99 = percentile(latencies, 99)
    report({
      measurement: 'commit-to-consume latency',
      events: committedAt.size,
      targetRatePerSecond: PACED_RATE,
      actualRatePerSecond: Math.round(actualRate),
      eventsPerTransaction: perTick,
      warmupSeconds: PACED_WARMUP_SECONDS,
      p50Ms: round(percentile(latencies, 50)),
      p90Ms: round(percentile(latencies, 90)),
      p99Ms: round(p99),
      maxMs: round(latencies[latencies.length - 1] ?? Number.NaN),
      targetP99Ms: 50,
      meetsTarget: p99 <= 50,
      // Context: these are wall-clock numbers, meaningless on a machine busy with other work.
      loadAverage1m: round(loadavg()[0] ?? 0),
      cpus: cpus().length,
    })
  } finally {
    await p.close()
  }
}

const bench: BenchModule = {
  name: 'outbox-kafka',
  async run(report) {
    let brokers = process.env.KAFKA_BROKERS ?? ''
    let startedKafka = false
    if (!brokers) {
      // Stop the broker afterwards only if this run started it: someone else may be using it.
      const running = await run('bash', [KAFKA_SCRIPT, 'status']).then(
        () => true,
        () => false,
      )
      const { stdout } = await run('bash', [KAFKA_SCRIPT, 'start'], { timeout: 180_000 })
      brokers = stdout.trim().split('\n').pop() ?? ''
      startedKafka = !running
    }
    const admin = createKnex({ connectionString: adminUrl(), poolMax: 1 })
    await admin.raw(`drop database if exists ${DB_NAME} with (force)`)
    await admin.raw(`create database ${DB_NAME}`)
    const db = createKnex({ connectionString: dbUrl(DB_NAME), poolMax: 10 })
    try {
      await migrateLatest(db)
      await throughput(db, brokers.split(','), report)
      await latency(db, brokers.split(','), report)
    } finally {
      await db.destroy()
      await admin.raw(`drop database if exists ${DB_NAME} with (force)`)
      await admin.destroy()
      if (startedKafka) await run('bash', [KAFKA_SCRIPT, 'stop'], { timeout: 60_000 })
    }
  },
}

export default bench
