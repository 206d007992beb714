/**
 * A stand-in for the 不动产登记 information platform: HTTP statuses that mean something,
 * `{success, errorCode, message, result: {rows, total}}`, offset/limit paging, dates in 年月日,
 * amounts in 万元. Holders may be people (sfz) or organisations (tyshxydm).
 * Run alone with `node --import tsx adapters/real-estate/real-estate-simulator.ts [port]`.
 */
import { pathToFileURL } from 'node:url'
import { demoCertificateTypeCode } from '../simulator-kit/demo-certificate-types.ts'
import { between, demoWorld, hashOf, pick, seededRandom } from '../simulator-kit/demo-population.ts'
import {
  on,
  type RunningSimulator,
  type SimulatorOptions,
  type SimulatorReply,
  serveSimulator,
} from '../simulator-kit/simulator-server.ts'
import type { EstateCertificate, EstateMortgage, EstateRight, EstateSeizure } from './real-estate-dialect.ts'

export const REAL_ESTATE_DEMO_TOKEN = 'real-estate-demo-token'
const BANKS = [
  '中国工商银行临汾分行',
  '中国建设银行临汾分行',
  '中国银行临汾分行',
  '晋商银行临汾分行',
  '临汾市住房公积金管理中心',
]
const COURTS = ['临汾市中级人民法院', '临汾市尧都区人民法院', '侯马市人民法院', '洪洞县人民法院']
const ESTATES = ['滨河花园', '平阳府邸', '尧都华府', '鼓楼印象', '汾河湾小区', '五一嘉苑']
const pad = (n: number, w = 2) => String(n).padStart(w, '0')
const cn = (y: number, m: number, d: number) => `${y}年${pad(m)}月${pad(d)}日`

interface Holding {
  organisation: boolean
  rights: EstateRight[]
  mortgages: EstateMortgage[]
  seizures: EstateSeizure[]
}

function holdingsOf(id: string, name: string, division: string, organisation: boolean): Holding {
  const random = seededRandom(hashOf(`bdc${id}`))
  const count = organisation ? between(random, 1, 2) : random() < 0.45 ? 0 : between(random, 1, 2)
  const held: Holding = { organisation, rights: [], mortgages: [], seizures: [] }
  for (let i = 0; i < count; i++) {
    const year = between(random, 2010, 2025)
    const unit = `${division}${pad(between(random, 1, 9), 3)}${pad(between(random, 1, 30), 3)}GB${pad(between(random, 1, 99_999), 5)}F${pad(between(random, 1, 9999), 4)}${pad(between(random, 1, 3000), 4)}`
    const shared = !organisation && random() < 0.4
    held.rights.push({
      登记业务号: `DJ${year}${pad(between(random, 1, 999_999), 6)}`,
      权利人: name,
      证件号码: id,
      不动产权证书号: `晋(${year})临汾市不动产权第${pad(between(random, 1, 9_999_999), 7)}号`,
      不动产单元号: unit,
      坐落: `${pick(random, ESTATES)}${between(random, 1, 30)}号楼${between(random, 1, 4)}单元${between(random, 1, 33)}0${between(random, 1, 4)}室`,
      建筑面积: (between(random, 6000, 16000) / 100).toFixed(2),
      规划用途: organisation ? pick(random, ['商业', '办公', '工业']) : '住宅',
      共有情况: shared ? pick(random, ['共同共有', '按份共有']) : '单独所有',
      共有比例: null,
      登簿日期: cn(year, between(random, 1, 12), between(random, 1, 28)),
      权属状态: '现势',
    })
    const right = held.rights.at(-1)!
    if (right.共有情况 === '按份共有') right.共有比例 = '50%'
    if (random() < 0.5) {
      held.mortgages.push({
        业务号: `DY${year}${pad(between(random, 1, 999_999), 6)}`,
        抵押人证件号码: id,
        不动产登记证明号: `晋(${year})临汾市不动产证明第${pad(between(random, 1, 9_999_999), 7)}号`,
        不动产单元号: unit,
        抵押权人: pick(random, BANKS),
        '被担保主债权数额（万元）': between(random, 200, 1500) / 10,
        债务履行期限起: cn(year, 6, 1),
        债务履行期限止: cn(year + pick(random, [10, 20, 30]), 5, 31),
        登记日期: cn(year, 6, between(random, 2, 28)),
        状态: year < 2015 ? '注销' : '现势',
      })
    }
    if (random() < 0.08) {
      held.seizures.push({
        业务号: `CF${year + 1}${pad(between(random, 1, 999_999), 6)}`,
        被执行人证件号码: id,
        不动产单元号: unit,
        查封机关: pick(random, COURTS),
        查封文号: `(${year + 1})晋10执${between(random, 1, 999)}号`,
        查封类型: pick(random, ['查封', '轮候查封']),
        查封起始日期: cn(year + 1, 3, 1),
        查封结束日期: cn(year + 4, 2, 28),
        解封状态: random() < 0.3 ? '1' : '0',
      })
    }
  }
  return held
}

/** One 不动产权证书 per right registered, people's first, then organisations'. */
function certificates(holdings: Map<string, Holding>): EstateCertificate[] {
  const typeCode = demoCertificateTypeCode('lf-realestate')
  return [...holdings.values()]
    .flatMap((h) => h.rights.map((r) => ({ r, 证件类型: h.organisation ? 'tyshxydm' : 'sfz' })))
    .map(({ r, 证件类型 }, i) => ({
      证照流水号: `BDCZS${pad(i + 1, 7)}`,
      证照类型代码: typeCode,
      权利人: r.权利人,
      证件类型,
      证件号码: r.证件号码,
      不动产权证书号: r.不动产权证书号,
      坐落: r.坐落,
      建筑面积: r.建筑面积,
      登簿日期: r.登簿日期,
      权属状态: r.权属状态,
    }))
}

export interface RealEstateSimulatorOptions extends SimulatorOptions {
  token?: string
}

export async function startSimulator(options: RealEstateSimulatorOptions = {}): Promise<RunningSimulator> {
  const token = options.token ?? REAL_ESTATE_DEMO_TOKEN
  const world = demoWorld()
  const holdings = new Map<string, Holding>()
  for (const p of world.people)
    holdings.set(p.residentId, holdingsOf(p.residentId, p.name, p.divisionCode, false))
  for (const e of world.employers)
    holdings.set(e.creditCode, holdingsOf(e.creditCode, e.name, e.divisionCode, true))

  const reply = (
    status: number,
    errorCode: string | null,
    message: string,
    result: unknown,
  ): SimulatorReply => ({
    status,
    body: { success: status === 200, errorCode, message, result },
  })
  const issued = certificates(holdings)
  /** Checks the token and offset/limit, then answers one window of `rowsOf(query)`. */
  const windowed = (path: string, rowsOf: (q: URLSearchParams) => unknown[] | SimulatorReply) =>
    on('GET', path, (req) => {
      if (req.headers['x-bdc-token'] !== token) return reply(401, 'UNAUTHORIZED', '未授权的访问', null)
      const offset = Number(req.query.get('offset') ?? '0')
      const limit = Number(req.query.get('limit') ?? '20')
      if (!Number.isInteger(offset) || offset < 0 || !Number.isInteger(limit) || limit < 1 || limit > 200) {
        return reply(400, 'PARAM_INVALID', 'offset 或 limit 超出范围', null)
      }
      const rows = rowsOf(req.query)
      if (!Array.isArray(rows)) return rows
      return reply(200, null, '查询成功', { rows: rows.slice(offset, offset + limit), total: rows.length })
    })
  const list = (path: string, pick: (h: Holding) => unknown[]) =>
    windowed(`/bdc/v2/qlr/${path}`, (q) => {
      const zjh = q.get('zjh') ?? ''
      if (!['sfz', 'tyshxydm'].includes(q.get('zjlx') ?? '') || zjh.length !== 18)
        return reply(400, 'PARAM_INVALID', '证件类型或证件号码不正确', null)
      return holdings.has(zjh) ? pick(holdings.get(zjh)!) : []
    })
  return serveSimulator(
    [
      on('GET', '/bdc/v2/ping', () => reply(200, null, 'pong', null)),
      list('cqxx', (h) => h.rights),
      list('dyxx', (h) => h.mortgages),
      list('cfxx', (h) => h.seizures),
      // 发证记录: every 不动产权证书 issued, in issue order.
      windowed('/bdc/v2/zs/fzjl', () => issued),
    ],
    reply(404, 'NOT_FOUND', '资源不存在', null),
    options,
  )
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const sim = await startSimulator({ port: Number(process.argv[2] ?? 0) })
  console.log(`不动产登记 simulator listening on ${sim.url} (X-Bdc-Token: ${REAL_ESTATE_DEMO_TOKEN})`)
}
