/**
 * Exchange: an authorized fetch of hub-held records over HTTP — jose auth (cached), schema
 * validation, per-principal rate limit, CASL ability, grant limits, masking and a durable audit
 * record — at 50 connections (target ≥ 5,000 req/s, p99 ≤ 25 ms), against the naive baseline in the
 * same run: a bare fastify route doing one indexed SELECT and one INSERT committed per request on
 * the same database. Each server runs in its own process (this file, started with `serve-hub` or
 * `serve-baseline`) so the load generator does not share its event loop. Database
 * `hub_bench_exchange` is created, migrated and dropped.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { once } from 'node:events'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import autocannon from 'autocannon'
import Fastify from 'fastify'
import { demoWorld } from '../adapters/simulator-kit/demo-population.ts'
import { seedDemoData } from '../demo/demo-seed.ts'
import { contributionDraft, holdRecords } from '../exchange/fetch/fetch-test-support.ts'
import { createKnex } from '../platform/db/knex-factory.ts'
import { migrateLatest } from '../platform/db/migrator.ts'
import { HUB_NODE_FLAGS } from '../platform/server/node-flags.ts'
import type { Principal } from '../schemas/generated/types.ts'
import type { BenchModule } from './run.ts'
import { buildBenchHub } from './support/bench-hub.ts'
import { BENCH_DATABASE_ADMIN_URL, benchDatabaseUrl } from './support/bench-services.ts'

const DB_NAME = 'hub_bench_exchange'
const CONNECTIONS = 50
const DURATION_S = 8
const PEOPLE = 200
const KIND = 'social-insurance-contribution'
const people = () => demoWorld({ people: PEOPLE }).people

async function serveHub(): Promise<void> {
  const { app, issuer } = await buildBenchHub(DB_NAME, {
    JOBS_QUEUE_PREFIX: `hub-bench-exchange-${process.pid}`,
  })
  const token = (roles: Principal['roles'], department: string, subject: string) =>
    issuer.issue({ subject, department, roles, district: null })
  const steward = { authorization: `Bearer ${await token(['steward'], 'lf-hrss', 'steward')}` }
  const reviewer = { authorization: `Bearer ${await token(['reviewer'], 'lf-bigdata', 'reviewer')}` }
  const consumer = await token(['consumer'], 'lf-approval', 'bench-consumer')
  const must = async (res: { statusCode: number; body: string; json(): unknown }, ok: number) => {
    if (res.statusCode !== ok) throw new Error(`bench setup: ${res.statusCode} ${res.body}`)
    return res.json() as Record<string, string>
  }
  const { code } = await must(
    await app.inject({
      method: 'POST',
      url: '/v1/resources',
      headers: steward,
      payload: contributionDraft('90001'),
    }),
    201,
  )
  const path = `/v1/resources/${encodeURIComponent(code!)}`
  await must(await app.inject({ method: 'POST', url: `${path}/submit`, headers: steward }), 200)
  await must(await app.inject({ method: 'POST', url: `${path}/publish`, headers: reviewer }), 200)
  const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10)
  const later = new Date(Date.now() + 8 * 3_600_000 + 90 * 86_400_000).toISOString().slice(0, 10)
  const { id } = await must(
    await app.inject({
      method: 'POST',
      url: '/v1/access-requests',
      headers: { authorization: `Bearer ${consumer}` },
      payload: {
        resourceCode: code,
        items: ['gmsfhm', 'xm', 'jfny', 'xzlx'],
        purpose: { code: 'administrative-basis', text: '核验参保缴费情况' },
        legalBasis: '《社会保险法》第八十一条',
        serviceItems: ['SX-141000-SB-001'],
        period: { from: today, to: later },
        expectedVolume: 100_000_000,
      },
    }),
    201,
  )
  await must(
    await app.inject({
      method: 'POST',
      url: `/v1/access-requests/${id}/decision`,
      headers: steward,
      payload: { outcome: 'approve', reason: 'bench', masking: { gmsfhm: 'resident-id', xm: 'name' } },
    }),
    200,
  )
  await holdRecords(app.db, code!, people())
  await app.listen({ host: '127.0.0.1', port: 0 })
  console.log(`READY ${(app.server.address() as { port: number }).port} ${consumer} ${code}`)
}

async function serveBaseline(): Promise<void> {
  const db = createKnex({ connectionString: benchDatabaseUrl(DB_NAME), poolMax: 10 })
  await db.raw(
    'create table if not exists bench_baseline_log (id bigserial primary key, subject_id text, at timestamptz default now())',
  )
  const app = Fastify()
  app.post<{ Body: { subjects: { id: string }[] } }>('/baseline', async (request) => {
    const subjectId = request.body.subjects[0]!.id
    const rows = await db('hub_records')
      .where({ kind: KIND, subject_id: subjectId })
      .select('record_id', 'data')
    await db('bench_baseline_log').insert({ subject_id: subjectId })
    return { rows }
  })
  await app.listen({ host: '127.0.0.1', port: 0 })
  console.log(`READY ${(app.server.address() as { port: number }).port}`)
}

async function start(kind: 'serve-hub' | 'serve-baseline') {
  const prof = process.env.BENCH_CPU_PROF ? ['--cpu-prof', '--cpu-prof-dir', process.env.BENCH_CPU_PROF] : []
  const child = spawn(
    process.execPath,
    [...prof, ...HUB_NODE_FLAGS, '--import', 'tsx', fileURLToPath(import.meta.url), kind],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  )
  for await (const line of createInterface({ input: child.stdout! })) {
    if (line.startsWith('READY ')) return { child, fields: line.split(' ').slice(1) }
  }
  throw new Error(`${kind} exited before it was ready`)
}

async function load(url: string, headers: Record<string, string>, bodies: string[]) {
  const requests = bodies.map((body) => ({ method: 'POST' as const, body }))
  const options = {
    url,
    connections: CONNECTIONS,
    headers: { 'content-type': 'application/json', ...headers },
    requests,
  }
  await autocannon({ ...options, duration: 2 }) // warm-up
  const r = await autocannon({ ...options, duration: DURATION_S })
  return {
    connections: CONNECTIONS,
    requests: r.requests.total,
    perSecond: Math.round(r.requests.average),
    p50Ms: r.latency.p50,
    p99Ms: r.latency.p99,
    non2xx: r.non2xx,
    errors: r.errors,
  }
}

async function stop(child: ChildProcess) {
  child.kill('SIGTERM')
  await once(child, 'exit')
}

const bench: BenchModule = {
  name: 'exchange',
  async run(report) {
    const admin = createKnex({ connectionString: BENCH_DATABASE_ADMIN_URL, poolMax: 1 })
    await admin.raw(`drop database if exists ${DB_NAME} with (force)`)
    await admin.raw(`create database ${DB_NAME}`)
    const db = createKnex({ connectionString: benchDatabaseUrl(DB_NAME), poolMax: 2 })
    try {
      await migrateLatest(db)
      await seedDemoData(db)
      const ids = people()
        .slice(0, 50)
        .map((p) => p.residentId)
      const hub = await start('serve-hub')
      const [port, token, code] = hub.fields as [string, string, string]
      const bodies = ids.map((id) =>
        JSON.stringify({
          resourceCode: code,
          subjects: [{ type: 'resident-id', id }],
          purpose: { code: 'administrative-basis', text: '核验参保缴费情况' },
        }),
      )
      const hubResult = await load(
        `http://127.0.0.1:${port}/v1/exchange/fetch`,
        { authorization: `Bearer ${token}` },
        bodies,
      )
      await stop(hub.child)
      const base = await start('serve-baseline')
      const baseResult = await load(`http://127.0.0.1:${base.fields[0]}/baseline`, {}, bodies)
      await stop(base.child)
      report({ measure: 'hub-held-fetch', ...hubResult, target: { perSecond: 5_000, p99Ms: 25 } })
      report({ measure: 'baseline-select-insert', ...baseResult })
      report({
        measure: 'hub-vs-baseline',
        ratio: Math.round((hubResult.perSecond / baseResult.perSecond) * 100) / 100,
        target: 1,
      })
    } finally {
      await db.destroy()
      await admin.raw(`drop database if exists ${DB_NAME} with (force)`)
      await admin.destroy()
    }
  },
}
export default bench

const self = process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]
// An orderly exit on SIGTERM, so `--cpu-prof` (BENCH_CPU_PROF=<dir>) can write its profile.
if (self) process.once('SIGTERM', () => process.exit(0))
if (self && process.argv[2] === 'serve-hub') await serveHub()
if (self && process.argv[2] === 'serve-baseline') await serveBaseline()
