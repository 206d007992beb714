/**
 * A stand-in for the 房管局 transaction system (商品房网签备案 and 存量房交易): an envelope with
 * Chinese keys, page/rows paging, prices like "1,234,567.00", dates yyyy/MM/dd, a `Token` header.
 * Run alone with `node --import tsx adapters/housing-admin/housing-admin-simulator.ts [port]`.
 */
import { pathToFileURL } from 'node:url'
import { demoCertificateTypeCode } from '../simulator-kit/demo-certificate-types.ts'
import { between, demoWorld, pick, seededRandom } from '../simulator-kit/demo-population.ts'
import {
  on,
  type RunningSimulator,
  type SimulatorOptions,
  type SimulatorReply,
  serveSimulator,
} from '../simulator-kit/simulator-server.ts'
import type { AdminCertificate, AdminFiling, AdminTransaction } from './housing-admin-dialect.ts'

export const HOUSING_ADMIN_DEMO_TOKEN = 'housing-admin-demo-token'
const PROJECTS = ['汾河湾·御景', '平阳新城', '尧都壹号院', '临汾万达广场住宅', '滨河名苑', '鼓楼里']
const pad = (n: number, w = 2) => String(n).padStart(w, '0')
const money = (yuan: number) =>
  yuan.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })

function generate() {
  const world = demoWorld()
  const random = seededRandom(97)
  const filings: AdminFiling[] = []
  const transactions: AdminTransaction[] = []
  world.people.forEach((p, i) => {
    const partner = world.people[(i + 1) % world.people.length]!
    if (random() < 0.3) {
      const year = between(random, 2016, 2026)
      const area = between(random, 7000, 16000) / 100
      const developer = pick(random, world.employers)
      const signed = `${year}/${pad(between(random, 1, 12))}/${pad(between(random, 1, 20))}`
      filings.push({
        备案号: `BA${year}${pad(filings.length + 1, 6)}`,
        合同编号: `LFWQ${year}${pad(between(random, 1, 999_999), 6)}`,
        项目名称: pick(random, PROJECTS),
        开发企业: developer.name,
        开发企业统一社会信用代码: developer.creditCode,
        房屋坐落: `${pick(random, PROJECTS)}${between(random, 1, 20)}号楼${between(random, 1, 30)}0${between(random, 1, 4)}室`,
        建筑面积: area.toFixed(2),
        合同总价: money(Math.round(area * between(random, 5200, 9800))),
        签约日期: signed,
        备案日期: signed.replace(/\/(\d{2})$/, (_, d: string) => `/${pad(Number(d) + 3)}`),
        备案状态: random() < 0.1 ? '已注销' : '有效',
        买受人: [
          { 姓名: p.name, 证件号码: p.residentId },
          ...(random() < 0.4 ? [{ 姓名: partner.name, 证件号码: partner.residentId }] : []),
        ],
      })
    }
    if (random() < 0.2) {
      const year = between(random, 2015, 2026)
      const area = between(random, 5500, 14000) / 100
      transactions.push({
        交易编号: `CLF${year}${pad(transactions.length + 1, 6)}`,
        房屋坐落: `${pick(random, ['解放路', '鼓楼北街', '向阳东路'])}${between(random, 1, 200)}号${between(random, 1, 6)}单元${between(random, 101, 1802)}室`,
        建筑面积: area.toFixed(2),
        成交价格: money(Math.round(area * between(random, 3800, 7600))),
        合同签订日期: `${year}/${pad(between(random, 1, 12))}/${pad(between(random, 1, 28))}`,
        交易状态: pick(random, ['已签约', '已过户', '已过户', '已撤销']),
        买方: [{ 姓名: p.name, 证件号码: p.residentId }],
        卖方: [{ 姓名: partner.name, 证件号码: partner.residentId }],
      })
    }
  })
  return { filings, transactions }
}

/** One 备案证明 per filing, issued on the filing day to its buyers (the first one holds it). */
function certificates(filings: readonly AdminFiling[]): AdminCertificate[] {
  const typeCode = demoCertificateTypeCode('lf-housing')
  return filings.map((f) => ({
    证明编号: `BAZM${f.备案号.slice(2)}`,
    证照类型代码: typeCode,
    备案号: f.备案号,
    项目名称: f.项目名称,
    买受人: f.买受人,
    出具日期: f.备案日期,
    证明状态: f.备案状态,
  }))
}

export interface HousingAdminSimulatorOptions extends SimulatorOptions {
  token?: string
}

export async function startSimulator(options: HousingAdminSimulatorOptions = {}): Promise<RunningSimulator> {
  const token = options.token ?? HOUSING_ADMIN_DEMO_TOKEN
  const { filings, transactions } = generate()
  const failed = (错误代码: string, 错误信息: string): SimulatorReply => ({
    body: { 状态: '失败', 错误代码, 错误信息, 数据: null },
  })
  /** Checks the token and page/rows, then answers one page of `rowsOf(query)`. */
  const paged = <T>(path: string, rowsOf: (q: URLSearchParams) => T[] | null) =>
    on('GET', path, (req) => {
      if (req.headers.token !== token) return failed('FG-401', '令牌无效')
      const page = Number(req.query.get('page') ?? '1')
      const rows = Number(req.query.get('rows') ?? '20')
      const all = rowsOf(req.query)
      if (
        all === null ||
        !Number.isInteger(page) ||
        page < 1 ||
        !Number.isInteger(rows) ||
        rows < 1 ||
        rows > 50
      ) {
        return failed('FG-001', '参数错误')
      }
      if (all.length === 0) return failed('FG-404', '无记录')
      const 总页数 = Math.ceil(all.length / rows)
      return {
        body: {
          状态: '成功',
          错误代码: '',
          错误信息: '',
          数据: all.slice((page - 1) * rows, page * rows),
          分页: { 当前页: page, 每页条数: rows, 总页数, 总条数: all.length },
        },
      }
    })
  /** Listings by 证件号码 (`zjhm`, required). */
  const listing = <T>(path: string, rowsOf: (zjhm: string) => T[]) =>
    paged(path, (q) => {
      const zjhm = q.get('zjhm') ?? ''
      return /^\d{17}[\dX]$/.test(zjhm) ? rowsOf(zjhm) : null
    })
  const issued = certificates(filings)
  return serveSimulator(
    [
      on('GET', '/fgj/xt/xtjc', () => ({ body: { 状态: '成功', 错误代码: '', 错误信息: '', 数据: [] } })),
      listing('/fgj/wqba/xfht', (zjhm) => filings.filter((f) => f.买受人.some((b) => b.证件号码 === zjhm))),
      listing('/fgj/clf/jy', (zjhm) =>
        transactions.filter((t) => [...t.买方, ...t.卖方].some((party) => party.证件号码 === zjhm)),
      ),
      // Every 备案证明 issued, in issue order.
      paged('/fgj/wqba/bazm', () => issued),
    ],
    { status: 404, body: { 状态: '失败', 错误代码: 'FG-000', 错误信息: '接口不存在', 数据: null } },
    options,
  )
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const sim = await startSimulator({ port: Number(process.argv[2] ?? 0) })
  console.log(`房管 simulator listening on ${sim.url} (Token: ${HOUSING_ADMIN_DEMO_TOKEN})`)
}
