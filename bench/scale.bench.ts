/**
 * Scale: audited fetches and case ingest through HAProxy in front of 1, 2 and 3 real hub processes
 * (`hub/cli/start.ts`, services mode) on the same PostgreSQL, Kafka and Redis; then the outbox
 * relay's takeover time after its hub is SIGKILLed. On a shared 2-core machine the point is not a
 * speed-up: adding an instance must not lower throughput or break anything, and the numbers show
 * where the shared engines saturate (docs/capacity.md). Needs haproxy and a Kafka broker
 * (`KAFKA_BROKERS`, default 127.0.0.1:19092). Database `hub_bench_scale` is created and dropped.
 */
import { randomBytes } from 'node:crypto'
import { grantCaseData, seedCaseWorld } from '../exchange/cases/case-test-support.ts'
import { createDevIssuerFromKey, generateDevKey } from '../platform/auth/dev-issuer.ts'
import { createKnex } from '../platform/db/knex-factory.ts'
import { migrateLatest } from '../platform/db/migrator.ts'
import { fetchLoad, ingestCases, relayLockHolder, seedFetchWorld } from '../test/support/cluster-workload.ts'
import { HubCluster } from '../test/support/hub-cluster.ts'
import type { BenchModule } from './run.ts'
import {
  BENCH_DATABASE_ADMIN_URL,
  BENCH_REDIS_URL,
  benchDatabaseUrl,
  percentile,
} from './support/bench-services.ts'

const DB_NAME = 'hub_bench_scale'
const ISSUER = 'urn:bench'
const AUDIENCE = 'data-exchange-hub'
const CONNECTIONS = 50
const DURATION_MS = 8_000
const CASES = 50
const PER_CASE = 10

const bench: BenchModule = {
  name: 'scale',
  async run(report) {
    const admin = createKnex({ connectionString: BENCH_DATABASE_ADMIN_URL, poolMax: 1 })
    await admin.raw(`drop database if exists ${DB_NAME} with (force)`)
    await admin.raw(`create database ${DB_NAME}`)
    const db = createKnex({ connectionString: benchDatabaseUrl(DB_NAME), poolMax: 4 })
    const run = randomBytes(4).toString('hex')
    const issuer = await createDevIssuerFromKey(await generateDevKey('bench'), ISSUER, AUDIENCE)
    const cluster = new HubCluster({
      instances: 3,
      env: {
        DATABASE_URL: benchDatabaseUrl(DB_NAME),
        KAFKA_BROKERS: process.env.KAFKA_BROKERS ?? '127.0.0.1:19092',
        REDIS_URL: BENCH_REDIS_URL,
        AUTH_JWKS: JSON.stringify(issuer.jwks),
        AUTH_ISSUER: ISSUER,
        AUTH_AUDIENCE: AUDIENCE,
        AUDIT_SUBJECT_KEY: 'bench-audit-subject-key-0123456789abcdef',
        HUB_SEED_DEMO: 'false',
        LOG_LEVEL: 'warn',
        JOBS_QUEUE_PREFIX: `hub-bench-scale-${run}`,
        KAFKA_TOPIC_PREFIX: `bench${run}.`,
        RATE_LIMIT_PER_MINUTE: '10000000',
      },
    })
    try {
      await migrateLatest(db)
      await seedCaseWorld(db)
      await grantCaseData(db, 'lf-approval')
      await cluster.start()
      const world = await seedFetchWorld(db, cluster.lbUrl, issuer)
      const service = await issuer.issue({
        subject: 'bench-hrss-system',
        department: 'lf-hrss',
        roles: ['service'],
        district: null,
      })
      for (const instances of [1, 2, 3]) {
        await cluster.balance(instances)
        // Warm-up: token caches, prepared statements, JIT on every hub.
        let warm = true
        setTimeout(() => (warm = false), 1_500)
        await fetchLoad(cluster.lbUrl, world, CONNECTIONS, () => !warm)

        const auditBefore = Number((await db('audit_chain_head').first('last_id'))?.last_id ?? 0)
        let loading = true
        const started = performance.now()
        setTimeout(() => (loading = false), DURATION_MS)
        const tally = await fetchLoad(cluster.lbUrl, world, CONNECTIONS, () => !loading)
        const seconds = (performance.now() - started) / 1000
        const auditAfter = Number((await db('audit_chain_head').first('last_id'))?.last_id ?? 0)
        const sorted = [...tally.latencies].sort((a, b) => a - b)
        report({
          case: 'audited fetch',
          instances,
          connections: CONNECTIONS,
          requestsPerSecond: Math.round(tally.ok.length / seconds),
          auditRecordsPerSecond: Math.round((auditAfter - auditBefore) / seconds),
          p50Ms: +percentile(sorted, 50).toFixed(1),
          p99Ms: +percentile(sorted, 99).toFixed(1),
          non200: tally.latencies.length - tally.ok.length,
        })

        const caseNumbers = Array.from(
          { length: CASES },
          (_, i) => `LF-BS-${run}-${instances}-${String(i).padStart(4, '0')}`,
        )
        const ingestStarted = performance.now()
        const ingested = await ingestCases(cluster.lbUrl, service, caseNumbers, PER_CASE)
        const ingestSeconds = (performance.now() - ingestStarted) / 1000
        report({
          case: 'case ingest',
          instances,
          concurrentCases: CASES,
          changesPerSecond: Math.round(ingested.acknowledged / ingestSeconds),
          retries: ingested.retries,
        })
      }

      // Relay takeover: SIGKILL the hub holding the relay lock; time until another hub holds it.
      const holder = await relayLockHolder(db)
      const relayHub = holder && (await cluster.owningPort(holder.clientPort))
      if (!holder || !relayHub) throw new Error('no hub holds the outbox relay lock')
      const killedAt = performance.now()
      await cluster.kill(relayHub.index)
      for (;;) {
        const next = await relayLockHolder(db)
        if (next && next.pid !== holder.pid) break
        if (performance.now() - killedAt > 30_000) throw new Error('no relay took over within 30 s')
        await new Promise((r) => setTimeout(r, 20))
      }
      report({ case: 'relay takeover after SIGKILL', takeoverMs: Math.round(performance.now() - killedAt) })
    } finally {
      await cluster.stop()
      await db.destroy()
      await admin.raw(`drop database if exists ${DB_NAME} with (force)`)
      await admin.destroy()
    }
  },
}

export default bench
