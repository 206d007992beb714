/**
 * Subscriptions (issue 17): snapshot delivery of hub-held records to a department's Kafka topic and
 * to its own PostgreSQL table (records/s, target ≥ 50,000/s to Kafka), and change → consumer lag at
 * 1,000 changes/s (p99, target ≤ 1 s) measured from the commit of the change to its arrival at a
 * Kafka consumer of the department's topic. The grant passes 3 of 7 items (two masked) and every
 * district, so every record scanned is delivered. Uses its own databases (`hub_bench_subscriptions`
 * and `hub_bench_subscriptions_fe` as the front-end database) and the broker in KAFKA_BROKERS
 * (default 127.0.0.1:19092). BENCH_SUBSCRIPTION_RECORDS sets the snapshot size (default 100,000).
 */
import { randomBytes } from 'node:crypto'
import { createLocalJWKSet } from 'jose'
import { seedDemoData } from '../demo/demo-seed.ts'
import {
  PRINCIPALS,
  publishResource,
  requestBody,
  type Who,
} from '../directory/requests/access-test-support.ts'
import {
  holdContributions,
  subscriptionDraft,
  TEST_KEK,
} from '../exchange/subscriptions/subscription-test-support.ts'
import { buildApp } from '../hub/build-app.ts'
import { createDevIssuerFromKey, generateDevKey } from '../platform/auth/dev-issuer.ts'
import { createTokenVerifier } from '../platform/auth/token-verifier.ts'
import { loadConfig } from '../platform/config/config.ts'
import { createKnex } from '../platform/db/knex-factory.ts'
import { migrateLatest } from '../platform/db/migrator.ts'
import type { TestApp } from '../test/support/test-app.ts'
import type { BenchModule } from './run.ts'
import {
  BENCH_DATABASE_ADMIN_URL,
  BENCH_REDIS_URL,
  benchDatabaseUrl,
  percentile,
} from './support/bench-services.ts'

const DB = 'hub_bench_subscriptions'
const FRONT_END = 'hub_bench_subscriptions_fe'
const RECORDS = Number(process.env.BENCH_SUBSCRIPTION_RECORDS ?? 100_000)
const RATE = 1_000
const LAG_SECONDS = 10
const TICK_MS = 50
const round = (n: number) => Math.round(n * 1000) / 1000

export default {
  name: 'subscriptions',
  async run(report) {
    const brokers = process.env.KAFKA_BROKERS ?? '127.0.0.1:19092'
    const admin = createKnex({ connectionString: BENCH_DATABASE_ADMIN_URL, poolMax: 1 })
    for (const name of [DB, FRONT_END]) {
      await admin.raw(`drop database if exists ${name} with (force)`)
      await admin.raw(`create database ${name}`)
    }
    const setup = createKnex({ connectionString: benchDatabaseUrl(DB), poolMax: 2 })
    await migrateLatest(setup)
    await seedDemoData(setup)
    const issuer = await createDevIssuerFromKey(await generateDevKey('bench'), 'urn:bench', 'bench')
    const tag = randomBytes(4).toString('hex')
    const config = loadConfig({
      HUB_MODE: 'services',
      DATABASE_URL: benchDatabaseUrl(DB),
      KAFKA_BROKERS: brokers,
      REDIS_URL: BENCH_REDIS_URL,
      AUTH_JWKS: JSON.stringify(issuer.jwks),
      AUTH_ISSUER: 'urn:bench',
      AUTH_AUDIENCE: 'bench',
      RATE_LIMIT_PER_MINUTE: '10000000',
      LOG_LEVEL: 'silent',
      AUDIT_SUBJECT_KEY: 'bench-audit-subject-key-0123456789abcdef',
      KAFKA_TOPIC_PREFIX: `bench${tag}.`,
      JOBS_QUEUE_PREFIX: `bench-${tag}`,
      CERT_KEY_ENCRYPTION_KEY: TEST_KEK,
    })
    const verifier = createTokenVerifier(createLocalJWKSet(issuer.jwks), {
      issuer: 'urn:bench',
      audience: 'bench',
      cacheSize: 100,
    })
    const app = await buildApp({ config, verifier, adapterEnv: {} })
    try {
      await app.ready()
      const tokens = {} as Record<Who, string>
      for (const [who, p] of Object.entries(PRINCIPALS))
        tokens[who as Who] = await issuer.issue({ ...p, roles: [...p.roles], district: null })
      const hub = { app, database: { db: setup, url: benchDatabaseUrl(DB) } } as unknown as TestApp
      const code = await publishResource(hub, tokens, subscriptionDraft('90017', ['api', 'subscription']))
      await setup('resource_sources').insert({
        resource_code: code,
        adapter: 'hrss',
        record_kind: 'social-insurance-contribution',
        hub_held: true,
      })
      const as = (who: Who) => ({ authorization: `Bearer ${tokens[who]}` })
      const filed = await app.inject({
        method: 'POST',
        url: '/v1/access-requests',
        headers: as('consumer'),
        payload: requestBody(code, { items: ['gmsfhm', 'xm', 'jfjs'], expectedVolume: 100_000_000 }),
      })
      const decided = await app.inject({
        method: 'POST',
        url: `/v1/access-requests/${filed.json().id}/decision`,
        headers: as('steward'),
        payload: {
          outcome: 'approve',
          reason: '同意',
          items: ['gmsfhm', 'xm', 'jfjs'],
          masking: { gmsfhm: 'resident-id', xm: 'name' },
        },
      })
      const grantId = decided.json().grantId as string
      await holdContributions(setup, RECORDS)
      await setup.raw('analyze hub_records')

      const subscribe = async (payload: object) => {
        const res = await app.inject({
          method: 'POST',
          url: '/v1/subscriptions',
          headers: as('consumer'),
          payload: { resourceCode: code, grantId, ...payload },
        })
        if (res.statusCode !== 201) throw new Error(`subscribe: ${res.statusCode} ${res.body}`)
        return res.json().id as string
      }
      const runner = app.subscriptions.runner

      // (a) Snapshot to Kafka, then (paused Kafka) to the front-end table.
      const topic = `records.lf-approval.bench${tag}`
      const kafkaSub = await subscribe({ target: 'kafka', topic })
      let started = performance.now()
      await runner.drain()
      let seconds = (performance.now() - started) / 1000
      report({
        measure: 'snapshot-kafka',
        records: RECORDS,
        seconds: round(seconds),
        recordsPerSecond: Math.round(RECORDS / seconds),
        targetRecordsPerSecond: 50_000,
      })
      await app.inject({
        method: 'POST',
        url: `/v1/subscriptions/${kafkaSub}/pause`,
        headers: as('consumer'),
      })
      const tableSub = await subscribe({
        target: 'table',
        table: { connection: benchDatabaseUrl(FRONT_END), schema: 'qzk', name: 'jfxx' },
      })
      started = performance.now()
      await runner.drain()
      seconds = (performance.now() - started) / 1000
      report({
        measure: 'snapshot-table',
        records: RECORDS,
        seconds: round(seconds),
        recordsPerSecond: Math.round(RECORDS / seconds),
      })
      await app.inject({
        method: 'POST',
        url: `/v1/subscriptions/${tableSub}/pause`,
        headers: as('consumer'),
      })
      // BENCH_SUBSCRIPTION_SNAPSHOT_ONLY=1: only the snapshot measures (back-to-back comparisons).
      if (process.env.BENCH_SUBSCRIPTION_SNAPSHOT_ONLY) return
      await app.inject({
        method: 'POST',
        url: `/v1/subscriptions/${kafkaSub}/resume`,
        headers: as('consumer'),
      })

      // (b) Change → consumer lag at RATE changes/s: the change carries its commit time in `jfjs`.
      const lags: number[] = []
      let snapshotRead = 0
      const consumer = await app.events.subscribe({
        groupId: `bench${tag}.lag`,
        topics: [topic],
        handler: async (event) => {
          const items = (event.payload as { items: { jfjs: string } }).items
          const sent = Number.parseFloat(items.jfjs)
          if (sent > 1e12) lags.push(Date.now() - sent)
          else snapshotRead += 1
        },
      })
      // Let the consumer read the snapshot first, so only changes are timed (a fixed 5 s was not
      // always enough: the first changes then queued behind the snapshot's tail).
      const readBy = Date.now() + 120_000
      while (snapshotRead < RECORDS && Date.now() < readBy) await new Promise((r) => setTimeout(r, 100))
      runner.start()
      const perTick = (RATE * TICK_MS) / 1000
      const ticks = (LAG_SECONDS * 1000) / TICK_MS
      const t0 = Date.now()
      for (let t = 0; t < ticks; t++) {
        const from = (t * perTick) % RECORDS
        const ids = Array.from({ length: perTick }, (_, i) => `JF-${String(from + i).padStart(7, '0')}`)
        await setup('hub_records')
          .whereIn('record_id', ids)
          .update({
            data: setup.raw(`jsonb_set(data, '{contributionBase}', to_jsonb(?::text))`, [`${Date.now()}`]),
            data_hash: setup.raw('md5(random()::text)'),
            synced_at: setup.fn.now(),
          })
        const wait = t0 + (t + 1) * TICK_MS - Date.now()
        if (wait > 0) await new Promise((r) => setTimeout(r, wait))
      }
      const sent = ticks * perTick
      const deadline = Date.now() + 30_000
      while (lags.length < sent && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100))
      await runner.stop()
      await consumer.stop()
      lags.sort((a, b) => a - b)
      report({
        measure: 'change-to-consumer-lag',
        changesPerSecond: Math.round(sent / LAG_SECONDS),
        changes: sent,
        received: lags.length,
        p50Ms: percentile(lags, 50),
        p99Ms: percentile(lags, 99),
        maxMs: lags.at(-1),
        targetP99Ms: 1000,
      })

      // (c) What answering "who received this person's record" costs per delivered record: a row of
      // the delivery log (the chosen design) against one audit record per subject (the alternative).
      const N = 20_000
      const subjects = Array.from({ length: N }, (_, i) => `1410021980010${String(i).padStart(5, '0')}`)
      // audit_records is partitioned by month: its size is that of its partitions.
      const size = async (table: string) =>
        Number(
          (
            await setup.raw(
              `select pg_total_relation_size(?::regclass) + coalesce((select sum(pg_total_relation_size(inhrelid))
                 from pg_inherits where inhparent = ?::regclass), 0) as b`,
              [table, table],
            )
          ).rows[0].b,
        )
      const logBefore = await size('subscription_deliveries')
      started = performance.now()
      for (let i = 0; i < N; i += 5000)
        await setup('subscription_deliveries').insert(
          subjects.slice(i, i + 5000).map((subject, j) => ({
            subscription_id: kafkaSub,
            position: String(10_000_000_000 + i + j),
            subject_hash: app.audit.writer.subjectHash(subject),
            record_id: `COST-${i + j}`,
          })),
        )
      const logSeconds = (performance.now() - started) / 1000
      const logBytes = (await size('subscription_deliveries')) - logBefore
      const auditBefore = await size('audit_records')
      started = performance.now()
      await Promise.all(
        subjects.map((subjectId) =>
          app.audit.writer.record({
            principal: `subscription:${kafkaSub}`,
            department: 'lf-approval',
            roles: ['service'],
            action: 'exchange.subscription.deliver',
            resourceType: 'resource',
            resourceId: code,
            subjectId,
            items: ['gmsfhm', 'xm', 'jfjs'],
            grantId,
            outcome: 'allowed',
            details: { subscription: kafkaSub },
          }),
        ),
      )
      const auditSeconds = (performance.now() - started) / 1000
      const auditBytes = (await size('audit_records')) - auditBefore
      report({
        measure: 'who-received-cost',
        records: N,
        deliveryLogRowsPerSecond: Math.round(N / logSeconds),
        deliveryLogBytesPerRecord: Math.round(logBytes / N),
        perSubjectAuditRecordsPerSecond: Math.round(N / auditSeconds),
        perSubjectAuditBytesPerRecord: Math.round(auditBytes / N),
      })
    } finally {
      await app.close()
      await setup.destroy()
      for (const name of [DB, FRONT_END]) await admin.raw(`drop database if exists ${name} with (force)`)
      await admin.destroy()
    }
  },
} satisfies BenchModule
