/**
 * Resource directory with DIRECTORY_BENCH_RESOURCES generated resources (default 100,000; realistic
 * Chinese names and items): (a) bulk import through the importer (targets ≥ 2,000 resources/s),
 * (b) p95 of keyword search with two filters and facets over HTTP (target ≤ 30 ms), (c) single
 * resource reads per second with autocannon, one hot entry and 1,000 entries in turn (target
 * ≥ 5,000 req/s). Uses its own database `hub_bench_directory`, created, migrated and dropped. The
 * imported drafts are published in SQL (bench setup, not measured), since only published entries
 * are in everyone's catalog.
 *
 * Search answers and published views are cached by catalog version (resource-search-cache.ts,
 * resource-view-cache.ts), so (b) repeats its six searches as a catalog's visitors do; (b') runs the
 * same searches after a catalog change each time, i.e. every one computed by the database.
 */

import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { performance } from 'node:perf_hooks'
import { createInterface } from 'node:readline'
import autocannon from 'autocannon'
import type { Knex } from 'knex'
import { seedDemoData } from '../demo/demo-seed.ts'
import { renderCode } from '../directory/resources/resource-code.ts'
import { ResourceImporter } from '../directory/resources/resource-import.ts'
import { createKnex } from '../platform/db/knex-factory.ts'
import { migrateLatest } from '../platform/db/migrator.ts'
import { HUB_NODE_FLAGS } from '../platform/server/node-flags.ts'
import { detachedContext } from '../policies/request-context.ts'
import type { Principal, ResourceDraft, ResourceItem } from '../schemas/generated/types.ts'
import type { BenchModule } from './run.ts'
import { buildBenchHub, serveBenchHub } from './support/bench-hub.ts'
import { BENCH_DATABASE_ADMIN_URL, benchDatabaseUrl, percentile } from './support/bench-services.ts'

const DB_NAME = 'hub_bench_directory'
const RESOURCES = Number(process.env.DIRECTORY_BENCH_RESOURCES ?? 100_000)
const BATCH = 500
const QUERIES = 300
const READ_SECONDS = 10
const CONNECTIONS = 50
const READ_CODES = 1_000

const round = (n: number) => Math.round(n * 100) / 100

const PROVIDERS = [
  'lf-hrss',
  'lf-hfund',
  'lf-realestate',
  'lf-housing',
  'lf-approval',
  'lf-bigdata',
  'yd-approval',
  'qw-hrss',
  'hm-realestate',
]
const SUBJECTS = [
  '城镇职工',
  '城乡居民',
  '个体工商户',
  '企业法人',
  '不动产',
  '住房公积金',
  '婚姻',
  '户籍',
  '社会救助',
  '医疗保险',
  '养老保险',
  '失业保险',
  '工伤保险',
  '营业执照',
  '食品经营',
  '药品零售',
  '建设工程',
  '商品房',
  '机动车',
  '驾驶人',
  '学籍',
  '残疾人',
  '最低生活保障',
  '退役军人',
  '纳税',
  '用电',
  '用水',
  '燃气',
  '殡葬',
  '职业资格',
]
const ACTIONS = [
  '参保',
  '缴费',
  '登记',
  '备案',
  '许可',
  '审批',
  '缴存',
  '提取',
  '贷款',
  '变更',
  '注销',
  '年检',
  '认定',
  '补贴发放',
  '核查',
  '抵押',
  '查封',
  '网签',
  '评价',
  '处罚',
]
const SUFFIXES = ['信息', '记录', '明细', '台账', '清单', '数据']
const ITEMS: [string, string, ResourceItem['dataType'], number, boolean][] = [
  ['xm', '姓名', 'C', 50, true],
  ['gmsfhm', '公民身份号码', 'C', 18, true],
  ['xb', '性别', 'C', 1, true],
  ['csrq', '出生日期', 'D', 8, true],
  ['lxdh', '联系电话', 'C', 20, true],
  ['zz', '住址', 'C', 300, true],
  ['tyshxydm', '统一社会信用代码', 'C', 18, false],
  ['dwmc', '单位名称', 'C', 200, false],
  ['fddbr', '法定代表人', 'C', 50, true],
  ['djrq', '登记日期', 'D', 8, false],
  ['bgsj', '变更时间', 'T', 19, false],
  ['je', '金额', 'Y', 14, false],
  ['js', '基数', 'Y', 12, false],
  ['ys', '月数', 'I', 4, false],
  ['zt', '状态', 'C', 2, false],
  ['bz', '备注', 'M', 2000, false],
  ['zl', '坐落', 'C', 300, false],
  ['mj', '面积', 'N', 12, false],
  ['zsbh', '证书编号', 'C', 50, false],
  ['yxqz', '有效期至', 'D', 8, false],
  ['spjg', '审批结果', 'C', 10, false],
  ['cbdw', '承办单位', 'C', 200, false],
]
const SHARE: ResourceDraft['shareType'][] = ['conditional', 'conditional', 'unconditional', 'not-shared']
const CYCLES: ResourceDraft['updateCycle'][] = [
  'realtime',
  'daily',
  'weekly',
  'monthly',
  'quarterly',
  'yearly',
]
const MAX_XIANG = [5, 12, 99]

export function generate(n: number): ResourceDraft {
  const lei = n % 3
  const shareType = SHARE[n % SHARE.length]!
  const picked = Array.from({ length: 5 + (n % 8) }, (_, i) => ITEMS[(n * 7 + i * 3) % ITEMS.length]!)
  const unique = [...new Map(picked.map((i) => [i[0], i])).values()]
  const name = `${SUBJECTS[n % SUBJECTS.length]}${ACTIONS[(n >> 2) % ACTIONS.length]}${SUFFIXES[n % SUFFIXES.length]}`
  return {
    code: {
      lei: String(lei + 1),
      xiang: String(1 + (n % MAX_XIANG[lei]!)).padStart(2, '0'),
      mu: String(1 + ((n >> 3) % 999)).padStart(3, '0'),
      seq: String(n + 1).padStart(6, '0'),
    },
    name,
    summary: `${name}，包括${unique.map((i) => i[1]).join('、')}等信息项，用于政务服务事项办理。`,
    provider: PROVIDERS[n % PROVIDERS.length]!,
    format: { category: 'database', type: 'postgresql' },
    items: unique.map(([code, itemName, dataType, length, personal]) => ({
      code,
      name: itemName,
      dataType,
      length,
      personal,
      sensitivity: personal ? 3 : 1,
      shareType: shareType === 'unconditional' && personal ? 'conditional' : shareType,
      shareCondition: shareType === 'unconditional' && !personal ? null : '依申请人授权',
      open: false,
    })) as ResourceDraft['items'],
    shareType,
    shareCondition: shareType === 'unconditional' ? null : '用于政务服务事项办理',
    shareMethods: shareType === 'not-shared' ? [] : ['api'],
    open: false,
    updateCycle: CYCLES[n % CYCLES.length]!,
  }
}

async function importAll(db: Knex, report: (r: Record<string, unknown>) => void): Promise<void> {
  const importer = new ResourceImporter(db)
  const byProvider = new Map<string, ResourceDraft[]>()
  for (let n = 0; n < RESOURCES; n++) {
    const d = generate(n)
    const list = byProvider.get(d.provider) ?? []
    list.push(d)
    byProvider.set(d.provider, list)
  }
  const started = performance.now()
  for (const [provider, drafts] of byProvider) {
    const steward: Principal = { subject: 'bench', department: provider, roles: ['steward'], district: null }
    for (let i = 0; i < drafts.length; i += BATCH)
      await importer.importDrafts(detachedContext(steward), drafts.slice(i, i + BATCH))
  }
  const seconds = (performance.now() - started) / 1000
  report({
    measure: 'bulk import',
    resources: RESOURCES,
    batch: BATCH,
    seconds: round(seconds),
    resourcesPerSecond: Math.round(RESOURCES / seconds),
    target: 2_000,
  })
  await db.raw(
    `update resource_versions set status = 'published', published_at = now() - (resource_id % 1000) * interval '1 hour'`,
  )
  await db.raw(`update resources r set status = 'published', current_version = 1, published_at = v.published_at
                from resource_versions v where v.resource_id = r.id`)
  await db.raw('vacuum analyze resources')
  await db.raw('vacuum analyze resource_versions')
  await db.raw('vacuum analyze resource_items')
}

const SEARCHES = [
  'q=缴费记录&shareType=conditional&updateCycle=monthly',
  'q=公积金&provider=lf-hfund&class=thematic',
  'q=不动产登记&shareType=conditional&division=141000',
  'q=营业执照&class=departmental&updateCycle=daily',
  'q=社保&shareType=unconditional&provider=lf-hrss',
  'q=纳税信息&format=database&shareType=not-shared',
]

async function searchLatency(
  base: string,
  token: string,
  report: (r: Record<string, unknown>) => void,
  /** Called before each query, untimed: (b') changes the catalog so no answer is cached. */
  before?: () => Promise<unknown>,
) {
  const headers = { authorization: `Bearer ${token}` }
  for (const s of SEARCHES) await fetch(`${base}/v1/resources?${encodeURI(s)}`, { headers }) // warm-up
  const latencies: number[] = []
  let matched = 0
  for (let i = 0; i < QUERIES; i++) {
    await before?.()
    const t0 = performance.now()
    const res = await fetch(`${base}/v1/resources?${encodeURI(SEARCHES[i % SEARCHES.length]!)}`, { headers })
    const body = (await res.json()) as { total: number }
    latencies.push(performance.now() - t0)
    matched += body.total
  }
  latencies.sort((a, b) => a - b)
  report({
    measure: `keyword search + 2 filters + facets (HTTP)${before ? ', catalog changed before each query' : ''}`,
    queries: QUERIES,
    meanMatches: Math.round(matched / QUERIES),
    p50Ms: round(percentile(latencies, 50)),
    p95Ms: round(percentile(latencies, 95)),
    target: '<= 30 ms',
  })
}

async function readThroughput(base: string, token: string, report: (r: Record<string, unknown>) => void) {
  const headers = { authorization: `Bearer ${token}` }
  const path = (n: number) => `/v1/resources/${renderCode(generate(n).code).replace('/', '-')}`
  const spread = Array.from({ length: READ_CODES }, (_, i) => path((i * 97) % RESOURCES))
  for (const [label, paths] of [
    ['one hot resource', [path(4)]],
    [`${READ_CODES} resources in turn`, spread],
  ] as const) {
    let next = 0
    const options: autocannon.Options = {
      url: base,
      connections: CONNECTIONS,
      headers,
      requests: [{ setupRequest: (req) => ({ ...req, path: paths[next++ % paths.length]! }) }],
    }
    await autocannon({ ...options, duration: 2 })
    const result = await autocannon({ ...options, duration: READ_SECONDS })
    report({
      measure: `single resource read (HTTP), ${label}`,
      connections: CONNECTIONS,
      reqPerSec: Math.round(result.requests.average),
      p50Ms: result.latency.p50,
      p99Ms: result.latency.p99,
      non2xx: result.non2xx,
      target: 5_000,
    })
  }
}

const bench: BenchModule = {
  name: 'directory',
  async run(report) {
    const admin = createKnex({ connectionString: BENCH_DATABASE_ADMIN_URL, poolMax: 1 })
    await admin.raw(`drop database if exists ${DB_NAME} with (force)`)
    await admin.raw(`create database ${DB_NAME}`)
    const db = createKnex({ connectionString: benchDatabaseUrl(DB_NAME), poolMax: 5 })
    try {
      await migrateLatest(db)
      await seedDemoData(db)
      await importAll(db, report)

      // The hub runs in its own process, as in production: autocannon must not share its event loop.
      const server = spawn(process.execPath, [...HUB_NODE_FLAGS, '--import', 'tsx', import.meta.filename], {
        env: { ...process.env, DIRECTORY_BENCH_SERVE: DB_NAME },
        stdio: ['ignore', 'pipe', 'inherit'],
      })
      try {
        let ready: string[] | undefined
        for await (const line of createInterface({ input: server.stdout! })) {
          if (line.startsWith('READY ')) {
            ready = line.split(' ')
            break
          }
        }
        if (!ready) throw new Error('the hub process exited before it was ready')
        const base = `http://127.0.0.1:${ready[1]}`
        await searchLatency(base, ready[2]!, report)
        await searchLatency(base, ready[2]!, report, () =>
          db.raw(`update departments set updated_at = now() where code = 'lf-bigdata'`),
        )
        await readThroughput(base, ready[2]!, report)
      } finally {
        server.kill()
        await once(server, 'exit')
      }
    } finally {
      await db.destroy()
      // DIRECTORY_BENCH_KEEP_DB=1 keeps the loaded catalog for EXPLAIN sessions.
      if (!process.env.DIRECTORY_BENCH_KEEP_DB)
        await admin.raw(`drop database if exists ${DB_NAME} with (force)`)
      await admin.destroy()
    }
  },
}
export default bench

/** The child process: the real hub on the bench database, printing `READY <port> <token>`. */
async function serve(database: string): Promise<void> {
  const { app, issuer } = await buildBenchHub(database)
  const token = await issuer.issue({
    subject: 'bench',
    department: 'lf-approval',
    roles: ['consumer'],
    district: null,
  })
  await serveBenchHub(app, token)
}

if (process.env.DIRECTORY_BENCH_SERVE) await serve(process.env.DIRECTORY_BENCH_SERVE)
