/**
 * Case exchange: (a) batch ingest throughput (CaseService.ingestBatch, 500 changes per batch, the
 * work behind POST /v1/cases/changes/batch minus HTTP, including the routed copy for one granted
 * department); (b) commit → subscriber latency at a paced 500 events/s (a batch of 5 every 10 ms):
 * outbox → relay → `case-events.<dept>` on Kafka, and → webhook queue → BullMQ → signed POST to the
 * department's receiver, measured after a 2 s warm-up at the same rate (the relay's first cycles and
 * the first publishes to new topics are a one-time cost). The department's side — Kafka subscriber and webhook receiver — runs in its
 * own process (`support/case-subscriber.ts`), as a department's system is another system; the hub and
 * the paced ingest share this one. Times are `performance.timeOrigin + now()`, comparable across the
 * two processes.
 * Also reports the hub process's event-loop delay over the paced run, the usual cause of a long tail.
 * Uses its own database and the broker in KAFKA_BROKERS, or starts the project's broker.
 */
import { execFile, fork } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import path from 'node:path'
import { monitorEventLoopDelay, performance } from 'node:perf_hooks'
import { promisify } from 'node:util'
import { createLocalJWKSet } from 'jose'
import { departmentTopic } from '../exchange/cases/case-distributor.ts'
import { startCaseBackground } from '../exchange/cases/case-feature.ts'
import {
  accepted,
  basicInfo,
  grantCaseData,
  seedCaseWorld,
  step,
} from '../exchange/cases/case-test-support.ts'
import { buildApp } from '../hub/build-app.ts'
import { createTokenVerifier } from '../platform/auth/token-verifier.ts'
import { loadConfig } from '../platform/config/config.ts'
import { createKnex } from '../platform/db/knex-factory.ts'
import { migrateLatest } from '../platform/db/migrator.ts'
import { detachedContext } from '../policies/request-context.ts'
import type { CaseChange, Principal } from '../schemas/generated/types.ts'
import type { BenchModule } from './run.ts'
import {
  BENCH_DATABASE_ADMIN_URL,
  BENCH_REDIS_URL,
  benchDatabaseUrl,
  percentile,
} from './support/bench-services.ts'

const run = promisify(execFile)
const KAFKA_SCRIPT = path.resolve(import.meta.dirname, '../scripts/kafka/kafka.sh')
const SUBSCRIBER = path.resolve(import.meta.dirname, 'support/case-subscriber.ts')
const DB_NAME = 'hub_bench_cases'
const BATCHES = 20
const BATCH_SIZE = 500
const RATE = 500
const SECONDS = 10
const WARMUP_SECONDS = 2
const TICK_MS = 10
const SYSTEM: Principal = { subject: 'bench-hrss', department: 'lf-hrss', roles: ['service'], district: null }
const round = (n: number) => Math.round(n * 100) / 100
/** A clock that means the same in every process of the machine (sub-millisecond resolution). */
const now = () => performance.timeOrigin + performance.now()

type SubscriberMessage =
  | { ready: true; webhookPort: number }
  | { arrivals: ['kafka' | 'webhook', string, number][] }

/** Forks the department's receiving side; arrivals land in `arrivals[path]` as they are reported. */
async function startSubscriber(
  brokerList: string,
  topicPrefix: string,
  groupId: string,
  topic: string,
  arrivals: Record<'kafka' | 'webhook', Map<string, number>>,
): Promise<{ webhookPort: number; stop(): Promise<void> }> {
  const child = fork(SUBSCRIBER, [brokerList, topicPrefix, groupId, topic], { stdio: 'inherit' })
  const exited = new Promise<void>((r) => child.once('exit', () => r()))
  const webhookPort = await new Promise<number>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`case subscriber exited (${code}) before it was ready`)))
    child.on('message', (message: SubscriberMessage) => {
      if ('ready' in message) resolve(message.webhookPort)
      else
        for (const [path, id, at] of message.arrivals) if (!arrivals[path].has(id)) arrivals[path].set(id, at)
    })
  })
  return {
    webhookPort,
    async stop() {
      if (child.connected) child.send('stop')
      await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))])
      child.kill()
    },
  }
}

/** Ten changes per case, the same shape as the e2e proof. */
function changesOf(caseNumber: string, serial: number): CaseChange[] {
  const changes: CaseChange[] = [accepted(caseNumber, basicInfo({}, serial))]
  for (let s = 2; s <= 9; s++) changes.push(step(caseNumber, s, s === 9 ? 'complete' : 'review'))
  changes.push({
    caseNumber,
    sequence: 10,
    result: { outcome: 'approved', completedAt: '2026-11-22T00:00:00Z' },
  })
  return changes
}

async function brokers(): Promise<{ list: string; started: boolean }> {
  if (process.env.KAFKA_BROKERS) return { list: process.env.KAFKA_BROKERS, started: false }
  const running = await run('bash', [KAFKA_SCRIPT, 'status']).then(
    () => true,
    () => false,
  )
  const { stdout } = await run('bash', [KAFKA_SCRIPT, 'start'], { timeout: 180_000 })
  return { list: stdout.trim().split('\n').pop() ?? '', started: !running }
}

export default {
  name: 'cases',
  async run(report) {
    const kafka = await brokers()
    const admin = createKnex({ connectionString: BENCH_DATABASE_ADMIN_URL, poolMax: 1 })
    await admin.raw(`drop database if exists ${DB_NAME} with (force)`)
    await admin.raw(`create database ${DB_NAME}`)
    const setup = createKnex({ connectionString: benchDatabaseUrl(DB_NAME), poolMax: 2 })
    await migrateLatest(setup)
    await seedCaseWorld(setup)
    await grantCaseData(setup, 'lf-approval')
    const tag = randomBytes(4).toString('hex')
    const config = loadConfig({
      HUB_MODE: 'services',
      DATABASE_URL: benchDatabaseUrl(DB_NAME),
      KAFKA_BROKERS: kafka.list,
      REDIS_URL: BENCH_REDIS_URL,
      AUTH_JWKS: JSON.stringify({ keys: [] }),
      AUTH_ISSUER: 'urn:bench',
      AUTH_AUDIENCE: 'bench',
      LOG_LEVEL: 'silent',
      AUDIT_SUBJECT_KEY: 'bench-audit-subject-key-0123456789abcdef',
      KAFKA_TOPIC_PREFIX: `bench${tag}.`,
      JOBS_QUEUE_PREFIX: `bench-${tag}`,
    })
    const verifier = createTokenVerifier(createLocalJWKSet({ keys: [] }), {
      issuer: 'urn:bench',
      audience: 'bench',
      cacheSize: 100,
    })
    const app = await buildApp({ config, verifier, adapterEnv: {} })
    try {
      await app.ready()
      const service = app.caseExchange.service
      // The department system pushing, outside any HTTP request.
      const system = detachedContext(SYSTEM)

      // (a) Batch ingest.
      const started = performance.now()
      for (let b = 0; b < BATCHES; b++) {
        const changes: CaseChange[] = []
        for (let c = 0; c < BATCH_SIZE / 10; c++) changes.push(...changesOf(`LF-BB-${b}-${c}`, c))
        await service.ingestBatch(system, changes)
      }
      const seconds = (performance.now() - started) / 1000
      report({
        measure: 'batch-ingest',
        events: BATCHES * BATCH_SIZE,
        batchSize: BATCH_SIZE,
        seconds: round(seconds),
        eventsPerSecond: Math.round((BATCHES * BATCH_SIZE) / seconds),
        targetEventsPerSecond: 2000,
      })
      // The batch events are not part of the latency run.
      await app.db('outbox').update({ published_at: app.db.fn.now() })

      // (b) Paced latency through the router, to Kafka and to a webhook.
      const kafkaArrivals = new Map<string, number>()
      const webhookArrivals = new Map<string, number>()
      const subscriber = await startSubscriber(
        kafka.list,
        config.outbox.topicPrefix,
        `bench${tag}.subscriber`,
        departmentTopic('lf-approval'),
        { kafka: kafkaArrivals, webhook: webhookArrivals },
      )
      await app.db('case_webhooks').insert({
        department: 'lf-approval',
        url: `http://127.0.0.1:${subscriber.webhookPort}/h`,
        created_by: 'bench',
      })
      app.events.relay.start()
      await startCaseBackground(app)
      await app.jobs.startWorkers()
      const perTick = (RATE * TICK_MS) / 1000
      /** Paces `seconds` of changes of fresh cases (`prefix`) at RATE; each committed event's time lands in `commits`. */
      const pace = async (prefix: string, seconds: number, commits: Map<string, number>) => {
        const total = RATE * seconds
        const queues = Array.from({ length: total / 10 }, (_, i) => changesOf(`${prefix}-${i}`, i))
        let sent = 0
        // One small batch per tick, as a department system pushing in real time would; a tick's cases
        // come round again only after SLOTS ticks, and wait for that slot's previous batch.
        const SLOTS = queues.length / perTick
        const inFlight: Promise<void>[] = []
        const t0 = performance.now()
        for (let tick = 0; sent < total; tick++) {
          const slot = tick % SLOTS
          const batch = Array.from({ length: perTick }, (_, k) => queues[slot * perTick + k]!.shift()!)
          sent += batch.length
          inFlight[slot] = (inFlight[slot] ?? Promise.resolve()).then(async () => {
            const results = await service.ingestBatch(system, batch)
            const at = now()
            for (const { receipt } of results) commits.set(receipt.eventId, at)
          })
          const next = t0 + (tick + 1) * TICK_MS
          await new Promise((r) => setTimeout(r, Math.max(0, next - performance.now())))
        }
        await Promise.all(inFlight)
        const achievedRate = Math.round(total / ((performance.now() - t0) / 1000))
        const arrived = () =>
          [...commits.keys()].every((id) => kafkaArrivals.has(id) && webhookArrivals.has(id))
        const deadline = Date.now() + 60_000
        while (!arrived() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50))
        return { total, achievedRate }
      }
      // Warm-up, not measured: the relay's first cycles, the first publishes to the (new) topics
      // and the webhook workers' first drains cost a few hundred ms once, which a running hub
      // has long paid.
      await pace('LF-BW', WARMUP_SECONDS, new Map())
      const commits = new Map<string, number>()
      const loopDelay = monitorEventLoopDelay({ resolution: 5 })
      loopDelay.enable()
      const { total, achievedRate } = await pace('LF-BL', SECONDS, commits)
      loopDelay.disable()
      await subscriber.stop()
      report({
        measure: 'hub-event-loop-delay',
        p50Ms: round(loopDelay.percentile(50) / 1e6),
        p99Ms: round(loopDelay.percentile(99) / 1e6),
        maxMs: round(loopDelay.max / 1e6),
      })
      for (const [path, arrivals, target] of [
        ['kafka', kafkaArrivals, 100],
        ['webhook', webhookArrivals, 500],
      ] as const) {
        const latencies = [...commits].flatMap(([id, at]) => {
          const arrived = arrivals.get(id)
          return arrived === undefined ? [] : [arrived - at]
        })
        latencies.sort((a, b) => a - b)
        report({
          measure: `commit-to-subscriber-${path}`,
          ratePerSecond: RATE,
          achievedIngestPerSecond: achievedRate,
          events: total,
          received: latencies.length,
          p50Ms: round(percentile(latencies, 50)),
          p99Ms: round(percentile(latencies, 99)),
          maxMs: round(latencies.at(-1) ?? Number.NaN),
          targetP99Ms: target,
        })
      }
    } finally {
      await app.close()
      await setup.destroy()
      await admin.raw(`drop database if exists ${DB_NAME} with (force)`)
      await admin.destroy()
      if (kafka.started) await run('bash', [KAFKA_SCRIPT, 'stop'], { timeout: 60_000 })
    }
  },
} satisfies BenchModule
