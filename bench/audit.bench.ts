/**
 * Audit trail: (a) `record()` throughput and latency with 50 concurrent callers, each awaiting its
 * record before the next (as a request handler does); (b) `verifyChain` speed over 200,000 records
 * (target ≥ 200,000 records/s); (c) p95 of an auditor's search by subject (newest 100) over
 * AUDIT_BENCH_QUERY_ROWS records (default 1,000,000; the target is 10 million, p95 ≤ 50 ms —
 * set it to 10000000 for the full run, which takes several minutes to load). Uses its own database
 * `hub_bench_audit`, created, migrated and dropped.
 */
import { performance } from 'node:perf_hooks'
import type { Knex } from 'knex'
import { AuditReadModel } from '../audit/audit-read-model.ts'
import { verifyChain } from '../audit/audit-verify.ts'
import { type AuditEntry, AuditWriter } from '../audit/audit-writer.ts'
import { createKnex } from '../platform/db/knex-factory.ts'
import { migrateLatest } from '../platform/db/migrator.ts'
import type { BenchModule } from './run.ts'
import { BENCH_DATABASE_ADMIN_URL, benchDatabaseUrl, percentile } from './support/bench-services.ts'

const DB_NAME = 'hub_bench_audit'
const CALLERS = 50
const RECORD_SECONDS = 10
const VERIFY_ROWS = 200_000
const KEY = Buffer.from('bench-audit-subject-key-0123456789abcdef')
const QUERY_ROWS = Number(process.env.AUDIT_BENCH_QUERY_ROWS ?? 1_000_000)
const SUBJECTS = 100_000
const QUERIES = 300

const round = (n: number) => Math.round(n * 100) / 100

function entry(n: number): AuditEntry {
  return {
    principal: `clerk-${n % 40}`,
    department: 'lf-hall',
    roles: ['clerk'],
    action: 'exchange.fetch',
    resourceType: 'resource',
    resourceId: 'HRSS-001',
    subjectId: `1410001990010${String(n % 100_000).padStart(5, '0')}`,
    items: ['name', 'insured_months', 'employer'],
    purpose: 'housing fund withdrawal',
    caseNumber: `C-2026-${n}`,
    grantId: 'g-0001',
    outcome: 'allowed',
    requestId: `req-${n}`,
    clientAddress: '10.1.2.3',
    details: { adapter: 'hrss', latencyMs: n % 300 },
  }
}

async function withDatabase(fn: (db: Knex) => Promise<void>): Promise<void> {
  const admin = createKnex({ connectionString: BENCH_DATABASE_ADMIN_URL, poolMax: 1 })
  await admin.raw(`drop database if exists ${DB_NAME} with (force)`)
  await admin.raw(`create database ${DB_NAME}`)
  const db = createKnex({ connectionString: benchDatabaseUrl(DB_NAME), poolMax: 10 })
  try {
    await migrateLatest(db)
    await fn(db)
  } finally {
    await db.destroy()
    await admin.raw(`drop database if exists ${DB_NAME} with (force)`)
    await admin.destroy()
  }
}

async function recordThroughput(db: Knex, report: (r: Record<string, unknown>) => void): Promise<void> {
  const writer = new AuditWriter({ db, subjectKey: KEY })
  const latencies: number[] = []
  let n = 0
  const deadline = performance.now() + RECORD_SECONDS * 1000
  const started = performance.now()
  await Promise.all(
    Array.from({ length: CALLERS }, async () => {
      while (performance.now() < deadline) {
        const t0 = performance.now()
        await writer.record(entry(n++))
        latencies.push(performance.now() - t0)
      }
    }),
  )
  const seconds = (performance.now() - started) / 1000
  await writer.close()
  latencies.sort((a, b) => a - b)
  report({
    measure: 'record',
    callers: CALLERS,
    records: writer.stats.records,
    recordsPerSecond: Math.round(writer.stats.records / seconds),
    transactions: writer.stats.flushes,
    meanBatch: round(writer.stats.records / writer.stats.flushes),
    p50Ms: round(percentile(latencies, 50)),
    p95Ms: round(percentile(latencies, 95)),
    p99Ms: round(percentile(latencies, 99)),
  })
}

async function fill(db: Knex, total: number): Promise<void> {
  const writer = new AuditWriter({ db, subjectKey: KEY })
  const { rows } = await db.raw('select last_id from audit_chain_head')
  let n = Number(rows[0].last_id)
  // Many callers in flight, so the writer flushes full batches.
  await Promise.all(
    Array.from({ length: 2_000 }, async () => {
      while (n < total) await writer.record(entry(n++))
    }),
  )
  await writer.close()
}

async function verifySpeed(db: Knex, report: (r: Record<string, unknown>) => void): Promise<void> {
  await fill(db, VERIFY_ROWS)
  await verifyChain(db, { toId: 10_000 }) // warm-up: JIT, connections
  // The first pass over freshly written rows also pays PostgreSQL's one-time hint-bit writes; a
  // verification in service walks records committed long before, as the second pass does.
  for (const pass of ['first pass after writing', 'steady state'] as const) {
    // Records verified in service were committed long before: autovacuum has set their visibility
    // and refreshed the planner's statistics by then, which the steady-state pass reproduces.
    if (pass === 'steady state') await db.raw('vacuum analyze audit_records')
    const started = performance.now()
    const result = await verifyChain(db)
    const seconds = (performance.now() - started) / 1000
    report({
      measure: 'verify',
      pass,
      ok: result.ok,
      records: result.checked,
      seconds: round(seconds),
      recordsPerSecond: Math.round(result.checked / seconds),
      target: 200_000,
    })
  }
}

/**
 * Bulk-loads rows in SQL (the search does not care about the chain, and loading 10 million through
 * the writer would take most of an hour): realistic spread over subjects, principals and the month.
 */
async function load(db: Knex, rows: number): Promise<void> {
  const { rows: head } = await db.raw('select last_id from audit_chain_head')
  const base = Number(head[0].last_id) + 1_000_000
  const step = 500_000
  for (let from = 0; from < rows; from += step) {
    const to = Math.min(rows, from + step) - 1
    await db.raw(
      `insert into audit_records (id, occurred_at, principal, department, roles, action, resource_type,
         resource_id, subject_hash, subject_masked, items, purpose, case_number, grant_id, outcome,
         request_id, client_address, prev_hash, hash)
       select ? + g, date_trunc('month', now()) + (g % 2000000) * interval '1 second',
         'clerk-' || (g % 400), 'lf-hall', '{clerk}', 'exchange.fetch', 'resource', 'HRSS-001',
         encode(sha256(convert_to('s' || (g % ?), 'UTF8')), 'hex'), '141000********001X',
         '{name,insured_months}', 'bench', 'C-' || g, 'g-1', 'allowed', 'req-' || g, '10.0.0.1',
         repeat('0', 64), repeat('0', 64)
       from generate_series(cast(? as int8), cast(? as int8)) as g`,
      [base, SUBJECTS, from, to],
    )
  }
  await db.raw('analyze audit_records')
}

async function subjectQuery(db: Knex, report: (r: Record<string, unknown>) => void): Promise<void> {
  const started = performance.now()
  await load(db, QUERY_ROWS)
  const loadSeconds = (performance.now() - started) / 1000
  const readModel = new AuditReadModel(db)
  const { rows } = await db.raw(
    `select encode(sha256(convert_to('s' || g, 'UTF8')), 'hex') as h from generate_series(1, ?) g`,
    [QUERIES],
  )
  const latencies: number[] = []
  for (const { h } of rows as { h: string }[]) {
    const t0 = performance.now()
    await readModel.search({ subjectHash: h }, { limit: 100 })
    latencies.push(performance.now() - t0)
  }
  latencies.sort((a, b) => a - b)
  report({
    measure: 'subject-query',
    records: QUERY_ROWS,
    loadSeconds: round(loadSeconds),
    queries: QUERIES,
    p50Ms: round(percentile(latencies, 50)),
    p95Ms: round(percentile(latencies, 95)),
    target: '10M records, p95 <= 50 ms',
  })
}

const bench: BenchModule = {
  name: 'audit',
  async run(report) {
    await withDatabase(async (db) => {
      await recordThroughput(db, report)
      await verifySpeed(db, report)
      await subjectQuery(db, report)
    })
  },
}
export default bench
