/**
 * Peer benchmark (issue 21): the same catalog and access-checked work on the hub and on an Eclipse
 * Dataspace Components (EDC 0.15.1) control plane, one after the other on this machine, in one run.
 * Both are loaded with the same generated Linfen catalog (PEERS_BENCH_RESOURCES, default 100,000;
 * bench/directory.bench.ts `generate`): hub resources through the importer, EDC assets with the 1272
 * core metadata as properties (bench/peers/edc-catalog.ts); share types become EDC policy and
 * contract definitions. Workloads, each with autocannon (PEERS_BENCH_CONNECTIONS, default 50;
 * PEERS_BENCH_SECONDS, default 8, after PEERS_BENCH_WARMUP_SECONDS, default 10, of warm-up):
 *
 * - catalog query, two property filters (shareType, updateCycle), pages of 20: the hub's search
 *   without a keyword vs EDC's management API asset query; the hub's search with a keyword has no
 *   EDC counterpart (the asset query has no full-text operator);
 * - single resource read over 1,000 resources in turn: hub GET /v1/resources/{code} vs EDC
 *   management API GET /v3/assets/{id};
 * - access-checked path: the hub's audited fetch (token, grant, purpose, masking, hash-chained
 *   audit record durable before the answer, records returned) vs EDC's DSP dataset request (mock
 *   identity, contract definitions resolved and their access policies evaluated, offers returned;
 *   no data, no audit record, no masking). See docs/benchmarks.md.
 *
 * Every process this starts (the hub child, the EDC JVM through bench/peers/edc/edc.sh) is stopped
 * and both databases (`hub_bench_peers`, `edc_bench_peers`) are dropped, on success or failure; on
 * Ctrl-C (SIGINT/SIGTERM) EDC is stopped at once and the databases are left for the next run to drop.
 */

import { type ChildProcess, execFile, execFileSync, spawn } from 'node:child_process'
import { once } from 'node:events'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { createInterface } from 'node:readline'
import { promisify } from 'node:util'
import autocannon from 'autocannon'
import { demoWorld } from '../adapters/simulator-kit/demo-population.ts'
import { seedDemoData } from '../demo/demo-seed.ts'
import { ResourceImporter } from '../directory/resources/resource-import.ts'
import { contributionDraft, holdRecords } from '../exchange/fetch/fetch-test-support.ts'
import { createKnex } from '../platform/db/knex-factory.ts'
import { migrateLatest } from '../platform/db/migrator.ts'
import { HUB_NODE_FLAGS } from '../platform/server/node-flags.ts'
import { detachedContext } from '../policies/request-context.ts'
import type { Principal, ResourceDraft } from '../schemas/generated/types.ts'
import { generate } from './directory.bench.ts'
import { assetId, EDC_NS, edcAssetRow } from './peers/edc-catalog.ts'
import {
  formatPeerTable,
  type LoadResult,
  type ProcessRow,
  ratio,
  type WorkloadRow,
} from './peers/peer-table.ts'
import type { BenchModule } from './run.ts'
import { buildBenchHub } from './support/bench-hub.ts'
import { BENCH_DATABASE_ADMIN_URL, benchDatabaseUrl } from './support/bench-services.ts'

const HUB_DB = 'hub_bench_peers'
const EDC_DB = 'edc_bench_peers'
const RESOURCES = Number(process.env.PEERS_BENCH_RESOURCES ?? 100_000)
const CONNECTIONS = Number(process.env.PEERS_BENCH_CONNECTIONS ?? 50)
const SECONDS = Number(process.env.PEERS_BENCH_SECONDS ?? 8)
/** Warm-up before each workload: long enough for the JVM's JIT compilers, the same for both peers. */
const WARMUP_SECONDS = Number(process.env.PEERS_BENCH_WARMUP_SECONDS ?? 10)
const READ_CODES = Math.min(1_000, RESOURCES)
const PAGES = 5
const PAGE_SIZE = 20
const PEOPLE = 200
const EDC_SH = path.join(import.meta.dirname, 'peers', 'edc', 'edc.sh')
const EDC_API_KEY = 'bench-key'
const EDC_PORT_BASE = Number(process.env.EDC_PORT_BASE ?? 29191)
const EDC_MANAGEMENT = `http://127.0.0.1:${EDC_PORT_BASE + 2}/management`
const EDC_PROTOCOL = `http://127.0.0.1:${EDC_PORT_BASE + 3}/protocol`
const PURPOSE = { code: 'administrative-basis', text: '核验参保缴费情况' }
const FILTERS = { shareType: 'conditional', updateCycle: 'monthly' } as const
/** A word in the names of 1/30 of the catalog, 1/60 together with the two filters. */
const KEYWORD = '医疗保险'
const run = promisify(execFile)

const drafts = (): ResourceDraft[] => Array.from({ length: RESOURCES }, (_, n) => generate(n))
/** Resources spread over the catalog, for the read workloads (the same ones on both peers). */
const spread = (list: ResourceDraft[], keep: (d: ResourceDraft) => boolean = () => true) =>
  Array.from({ length: READ_CODES }, (_, i) => list[(i * 97) % list.length]!).filter(keep)

// ---------------------------------------------------------------------------------------- load ---

interface Request {
  method?: 'GET' | 'POST'
  path: string
  body?: string
}

async function load(base: string, headers: Record<string, string>, requests: Request[]): Promise<LoadResult> {
  let next = 0
  const options: autocannon.Options = {
    url: base,
    connections: CONNECTIONS,
    timeout: 60,
    headers,
    requests: [
      {
        setupRequest: (req) => {
          const r = requests[next++ % requests.length]!
          return { ...req, method: r.method ?? 'GET', path: r.path, body: r.body }
        },
      },
    ],
  }
  await autocannon({ ...options, duration: WARMUP_SECONDS })
  const r = await autocannon({ ...options, duration: SECONDS })
  const serial: number[] = []
  for (const one of requests.slice(0, 5)) {
    const t0 = performance.now()
    const res = await fetch(base + one.path, { method: one.method ?? 'GET', headers, body: one.body })
    await res.arrayBuffer()
    serial.push(performance.now() - t0)
  }
  serial.sort((a, b) => a - b)
  return {
    perSecond: Math.round(r.requests.average),
    p50Ms: r.latency.p50,
    p99Ms: r.latency.p99,
    failed: r.non2xx + r.errors,
    serialMs: Math.round(serial[serial.length >> 1]! * 10) / 10,
  }
}

async function rss(pid: number): Promise<{ rssMiB: number; peakRssMiB: number }> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8')
  const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? 0)
  return { rssMiB: Math.round(kb('VmRSS') / 1024), peakRssMiB: Math.round(kb('VmHWM') / 1024) }
}

// ----------------------------------------------------------------------------------------- hub ---

async function importHubCatalog(list: ResourceDraft[]): Promise<void> {
  const db = createKnex({ connectionString: benchDatabaseUrl(HUB_DB), poolMax: 5 })
  try {
    await migrateLatest(db)
    await seedDemoData(db)
    const importer = new ResourceImporter(db)
    const byProvider = new Map<string, ResourceDraft[]>()
    for (const d of list) {
      const own = byProvider.get(d.provider) ?? []
      own.push(d)
      byProvider.set(d.provider, own)
    }
    for (const [provider, own] of byProvider) {
      const steward: Principal = {
        subject: 'bench',
        department: provider,
        roles: ['steward'],
        district: null,
      }
      for (let i = 0; i < own.length; i += 500)
        await importer.importDrafts(detachedContext(steward), own.slice(i, i + 500))
    }
    // Bench set-up, as in directory.bench.ts: only published entries are in everyone's catalog.
    await db.raw(
      `update resource_versions set status = 'published', published_at = now() - (resource_id % 1000) * interval '1 hour'`,
    )
    await db.raw(`update resources r set status = 'published', current_version = 1, published_at = v.published_at
                  from resource_versions v where v.resource_id = r.id`)
    for (const table of ['resources', 'resource_versions', 'resource_items'])
      await db.raw(`vacuum analyze ${table}`)
  } finally {
    await db.destroy()
  }
}

/**
 * The child process: the real hub on the bench database. It listens first (start-up is measured to
 * that point), then registers, publishes and grants the fetched resource (as exchange.bench.ts does)
 * and prints `READY <port> <consumer token> <fetch resource code> <start-up ms>`.
 */
async function serveHub(): Promise<void> {
  const { app, issuer } = await buildBenchHub(HUB_DB, { JOBS_QUEUE_PREFIX: `hub-bench-peers-${process.pid}` })
  await app.listen({ host: '127.0.0.1', port: 0 })
  const startupMs = Math.round(performance.now())
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
  const url = `/v1/resources/${encodeURIComponent(code!)}`
  await must(await app.inject({ method: 'POST', url: `${url}/submit`, headers: steward }), 200)
  await must(await app.inject({ method: 'POST', url: `${url}/publish`, headers: reviewer }), 200)
  const day = (offset: number) =>
    new Date(Date.now() + 8 * 3_600_000 + offset * 86_400_000).toISOString().slice(0, 10)
  const { id } = await must(
    await app.inject({
      method: 'POST',
      url: '/v1/access-requests',
      headers: { authorization: `Bearer ${consumer}` },
      payload: {
        resourceCode: code,
        items: ['gmsfhm', 'xm', 'jfny', 'xzlx'],
        purpose: PURPOSE,
        legalBasis: '《社会保险法》第八十一条',
        serviceItems: ['SX-141000-SB-001'],
        period: { from: day(0), to: day(90) },
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
  await holdRecords(app.db, code!, demoWorld({ people: PEOPLE }).people)
  console.log(`READY ${(app.server.address() as { port: number }).port} ${consumer} ${code} ${startupMs}`)
}

async function startHub(): Promise<{ child: ChildProcess; fields: string[] }> {
  const child = spawn(process.execPath, [...HUB_NODE_FLAGS, '--import', 'tsx', import.meta.filename], {
    env: { ...process.env, PEERS_BENCH_SERVE: HUB_DB },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  for await (const line of createInterface({ input: child.stdout! })) {
    if (line.startsWith('READY ')) return { child, fields: line.split(' ').slice(1) }
  }
  throw new Error('the hub process exited before it was ready')
}

/** Up to PAGES consecutive pages of a hub search, and the number of matches the first one reports. */
async function hubPages(
  base: string,
  headers: Record<string, string>,
  query: string,
): Promise<{ pages: Request[]; total: number }> {
  const pages: Request[] = []
  let cursor: string | undefined
  let total = 0
  for (let i = 0; i < PAGES; i++) {
    const p = `/v1/resources?${query}&limit=${PAGE_SIZE}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`
    pages.push({ path: p })
    const res = await fetch(base + p, { headers })
    if (!res.ok) throw new Error(`hub search ${p}: ${res.status} ${await res.text()}`)
    const body = (await res.json()) as { nextCursor?: string | null; total: number }
    if (i === 0) total = body.total
    cursor = body.nextCursor ?? undefined
    if (!cursor) break
  }
  return { pages, total }
}

async function measureHub(list: ResourceDraft[]) {
  const launched = performance.now()
  const hub = await startHub()
  try {
    const [port, token, code, startupMs] = hub.fields as [string, string, string, string]
    const readyMs = Math.round(performance.now() - launched)
    const base = `http://127.0.0.1:${port}`
    const auth = { authorization: `Bearer ${token}` }
    const filters = new URLSearchParams(FILTERS).toString()
    const keyword = new URLSearchParams({ q: KEYWORD, ...FILTERS }).toString()
    const filtered = await hubPages(base, auth, filters)
    const catalog = await load(base, auth, filtered.pages)
    const withKeyword = await hubPages(base, auth, keyword)
    const catalogKeyword = await load(base, auth, withKeyword.pages)
    const reads = spread(list).map((d) => ({ path: `/v1/resources/${assetId(d)}` }))
    const read = await load(base, auth, reads)
    const fetches = demoWorld({ people: PEOPLE })
      .people.slice(0, 50)
      .map((p) => ({
        method: 'POST' as const,
        path: '/v1/exchange/fetch',
        body: JSON.stringify({
          resourceCode: code,
          subjects: [{ type: 'resident-id', id: p.residentId }],
          purpose: PURPOSE,
        }),
      }))
    const access = await load(base, { ...auth, 'content-type': 'application/json' }, fetches)
    const memory = await rss(hub.child.pid!)
    return {
      catalog,
      catalogKeyword,
      matches: {
        filtered: filtered.total,
        keyword: withKeyword.total,
        keywordPages: withKeyword.pages.length,
      },
      read,
      access,
      process: {
        process: 'hub (Node.js, fastify)',
        startupMs: Number(startupMs),
        ...memory,
      } satisfies ProcessRow,
      readyMs,
    }
  } finally {
    hub.child.kill('SIGTERM')
    await once(hub.child, 'exit')
  }
}

// ----------------------------------------------------------------------------------------- EDC ---

const edcEnv = () => ({ ...process.env, EDC_DATABASE: EDC_DB, EDC_FRESH_DATABASE: '0', EDC_API_KEY })

async function edcManagement(method: string, route: string, body?: unknown): Promise<unknown> {
  const res = await fetch(`${EDC_MANAGEMENT}${route}`, {
    method,
    headers: { 'x-api-key': EDC_API_KEY, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  if (!res.ok) throw new Error(`EDC ${method} ${route}: ${res.status} ${await res.text()}`)
  return res.json()
}

const edcContext = { '@vocab': EDC_NS, odrl: 'http://www.w3.org/ns/odrl/2/' }

/**
 * Assets straight into the SQL asset index; then, through the management API, one policy per share
 * type that EDC may offer (unconditional, conditional: permission `use`) and one contract definition
 * per share type selecting the assets by their `shareType` property. Not-shared resources get no
 * contract definition, so they are in no catalog. The hub's grant conditions (consumer department,
 * purpose, items, masking, validity) have no stock EDC policy function, so they are not expressed.
 */
async function loadEdcCatalog(list: ResourceDraft[]): Promise<void> {
  const db = createKnex({ connectionString: benchDatabaseUrl(EDC_DB), poolMax: 2 })
  try {
    const now = Date.now()
    for (let i = 0; i < list.length; i += 1_000)
      await db('edc_asset').insert(list.slice(i, i + 1_000).map((d) => edcAssetRow(d, now)))
    await db.raw('vacuum analyze edc_asset')
  } finally {
    await db.destroy()
  }
  for (const shareType of ['unconditional', 'conditional']) {
    await edcManagement('POST', '/v3/policydefinitions', {
      '@context': edcContext,
      '@id': `share-${shareType}`,
      policy: {
        '@context': 'http://www.w3.org/ns/odrl.jsonld',
        '@type': 'Set',
        permission: [{ action: 'use' }],
      },
    })
    await edcManagement('POST', '/v3/contractdefinitions', {
      '@context': edcContext,
      '@id': `offer-${shareType}`,
      accessPolicyId: `share-${shareType}`,
      contractPolicyId: `share-${shareType}`,
      assetsSelector: [
        { '@type': 'Criterion', operandLeft: `${EDC_NS}shareType`, operator: '=', operandRight: shareType },
      ],
    })
  }
  const probe = (await edcManagement('GET', `/v3/assets/${assetId(list[0]!)}`)) as {
    properties?: { name?: string }
  }
  if (probe.properties?.name !== list[0]!.name)
    throw new Error(`EDC does not serve the loaded assets: ${JSON.stringify(probe)}`)
}

async function measureEdc(list: ResourceDraft[]) {
  await run('bash', [EDC_SH, 'jars'], { env: edcEnv() }) // first run: Maven resolution, not start-up
  const launched = performance.now()
  await run('bash', [EDC_SH, 'start'], { env: edcEnv() })
  const startupMs = Math.round(performance.now() - launched)
  const pid = Number((await run('bash', [EDC_SH, 'pid'], { env: edcEnv() })).stdout.trim())
  await loadEdcCatalog(list)
  const management = `http://127.0.0.1:${EDC_PORT_BASE + 2}`
  const apiKey = { 'x-api-key': EDC_API_KEY }
  const pages = Array.from({ length: PAGES }, (_, i) => ({
    method: 'POST' as const,
    path: '/management/v3/assets/request',
    body: JSON.stringify({
      '@context': edcContext,
      '@type': 'QuerySpec',
      offset: i * PAGE_SIZE,
      limit: PAGE_SIZE,
      filterExpression: Object.entries(FILTERS).map(([key, value]) => ({
        operandLeft: EDC_NS + key,
        operator: '=',
        operandRight: value,
      })),
    }),
  }))
  const first = (await edcManagement('POST', '/v3/assets/request', JSON.parse(pages[0]!.body))) as unknown[]
  if (first.length !== Math.min(PAGE_SIZE, Math.ceil(RESOURCES / 12)))
    throw new Error(`EDC asset query returned ${first.length} assets on its first page`)
  const catalog = await load(management, { ...apiKey, 'content-type': 'application/json' }, pages)
  const reads = spread(list).map((d) => ({ path: `/management/v3/assets/${assetId(d)}` }))
  const read = await load(management, apiKey, reads)
  // The DSP dataset request of a consumer: with iam-mock the token is a JSON claim set.
  const offered = spread(list, (d) => d.shareType === 'conditional').map((d) => ({
    path: `/protocol/2025-1/catalog/datasets/${assetId(d)}`,
  }))
  const mockToken = JSON.stringify({
    region: 'cn-141000',
    audience: 'bench-provider',
    clientId: 'lf-approval',
  })
  const dataset = await fetch(
    `${EDC_PROTOCOL}/2025-1/catalog/datasets/${offered[0]!.path.split('/').pop()}`,
    {
      headers: { authorization: mockToken },
    },
  )
  const offer = (await dataset.json()) as { hasPolicy?: unknown[] }
  if (!dataset.ok || !offer.hasPolicy?.length) throw new Error(`EDC DSP dataset request: ${dataset.status}`)
  const access = await load(`http://127.0.0.1:${EDC_PORT_BASE + 3}`, { authorization: mockToken }, offered)
  const memory = await rss(pid)
  return {
    catalog,
    read,
    access,
    process: { process: 'EDC 0.15.1 control plane (JVM)', startupMs, ...memory },
  }
}

// ----------------------------------------------------------------------------------------- run ---

function stopEdc(): void {
  try {
    execFileSync('bash', [EDC_SH, 'stop'], { env: edcEnv(), stdio: ['ignore', 'ignore', 'inherit'] })
  } catch (error) {
    console.error(`# edc.sh stop failed: ${String(error)}`)
  }
}

const bench: BenchModule = {
  name: 'peers',
  async run(report) {
    const admin = createKnex({ connectionString: BENCH_DATABASE_ADMIN_URL, poolMax: 1 })
    const interrupted = () => {
      stopEdc()
      process.exit(130)
    }
    process.once('SIGINT', interrupted)
    process.once('SIGTERM', interrupted)
    try {
      for (const db of [HUB_DB, EDC_DB]) {
        await admin.raw(`drop database if exists ${db} with (force)`)
        await admin.raw(`create database ${db}`)
      }
      const list = drafts()
      const t0 = performance.now()
      await importHubCatalog(list)
      console.error(
        `# hub catalog of ${RESOURCES} loaded in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
      )
      const hub = await measureHub(list)
      const edc = await measureEdc(list)
      const workloads: WorkloadRow[] = [
        {
          workload: `catalog query, 2 property filters (${hub.matches.filtered} matches), ${PAGES} pages of ${PAGE_SIZE} in turn`,
          hub: hub.catalog,
          edc: edc.catalog,
        },
        {
          workload: `the same with keyword ${KEYWORD} (${hub.matches.keyword} matches, ${hub.matches.keywordPages} page(s); EDC: no full text)`,
          hub: hub.catalogKeyword,
          edc: null,
        },
        { workload: `single resource read (${READ_CODES} in turn)`, hub: hub.read, edc: edc.read },
        {
          workload: 'access-checked path (hub audited fetch / EDC DSP dataset + policy evaluation)',
          hub: hub.access,
          edc: edc.access,
        },
      ]
      for (const w of workloads)
        report({
          measure: w.workload,
          resources: RESOURCES,
          connections: CONNECTIONS,
          hub: w.hub,
          edc: w.edc,
          ratio: ratio(w.hub, w.edc),
        })
      const processes = [hub.process, edc.process]
      for (const p of processes) report({ measure: 'process', ...p })
      console.log(
        `\n${RESOURCES} resources, ${CONNECTIONS} connections, ${SECONDS} s per workload after ${WARMUP_SECONDS} s of warm-up\n`,
      )
      console.log(formatPeerTable(workloads, processes))
    } finally {
      stopEdc()
      process.off('SIGINT', interrupted)
      process.off('SIGTERM', interrupted)
      for (const db of [HUB_DB, EDC_DB]) await admin.raw(`drop database if exists ${db} with (force)`)
      await admin.destroy()
    }
  },
}
export default bench

if (process.env.PEERS_BENCH_SERVE) await serveHub()
