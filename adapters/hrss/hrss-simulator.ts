/**
 * A stand-in for the city's 人社 business system (社保经办 + 就业登记), speaking its dialect: pinyin
 * query parameters, Chinese field names, compact dates, business codes inside an HTTP 200 envelope.
 * Run alone with `node --import tsx adapters/hrss/hrss-simulator.ts [port]`.
 */
import { pathToFileURL } from 'node:url'
import { demoCertificateTypeCode } from '../simulator-kit/demo-certificate-types.ts'
import {
  between,
  type DemoPerson,
  demoWorld,
  hashOf,
  seededRandom,
} from '../simulator-kit/demo-population.ts'
import {
  on,
  type RunningSimulator,
  type SimulatorOptions,
  type SimulatorReply,
  serveSimulator,
} from '../simulator-kit/simulator-server.ts'
import type { HrssCertificate } from './hrss-dialect.ts'

export const HRSS_DEMO_APP_KEY = 'hrss-demo-app-key'
const MONTHS = 12
// Contribution history ends with this month, so the data is the same whenever it is generated.
const LAST_MONTH = { year: 2026, month: 10 }

const ok = (data: unknown): SimulatorReply => ({ body: { code: '0000', msg: '成功', data } })
const fail = (code: string, msg: string): SimulatorReply => ({ body: { code, msg, data: null } })

interface Line {
  流水号: string
  姓名: string
  公民身份号码: string
  险种代码: string
  费款所属期: string
  缴费基数: number
  单位缴费金额: number
  个人缴费金额: number
  缴费标志: '0' | '1'
  到账日期: string
  变更序号: number
}

// Employer and personal rates per insurance type (Shanxi-like figures, for realism only).
const RATES: Record<string, [number, number]> = {
  '110': [0.16, 0.08],
  '210': [0.007, 0.003],
  '310': [0.075, 0.02],
}

function monthsBack(n: number): { year: number; month: number } {
  const index = LAST_MONTH.year * 12 + (LAST_MONTH.month - 1) - n
  return { year: Math.floor(index / 12), month: (index % 12) + 1 }
}

const pad = (n: number) => String(n).padStart(2, '0')

function enrolments(p: DemoPerson) {
  const random = seededRandom(hashOf(p.residentId))
  const retired = p.employer === null && p.birthDate < '1964'
  const types = p.employer ? ['110', '210', '310', '410', '510'] : ['110', '310']
  const year = Math.max(Number(p.birthDate.slice(0, 4)) + 20, 1995) + between(random, 0, 5)
  return types.map((险种代码, i) => ({
    个人编号: `14${String(hashOf(p.residentId)).padStart(10, '0')}`,
    姓名: p.name,
    公民身份号码: p.residentId,
    险种代码,
    参保状态: retired ? '3' : '1',
    参保日期: `${Math.min(year, 2024)}${pad(between(random, 1, 12))}${pad(between(random, 1, 28))}`,
    单位名称: p.employer?.name ?? '',
    统一社会信用代码: p.employer?.creditCode ?? '',
    登记序号: `${p.residentId}-${i}`,
  }))
}

function contributions(p: DemoPerson, sequenceStart: number): Line[] {
  if (p.employer === null && p.birthDate < '1964') return []
  const random = seededRandom(hashOf(`jf${p.residentId}`))
  const base = between(random, 35, 120) * 100
  const owesLast = random() < 0.1
  const lines: Line[] = []
  for (let n = MONTHS - 1; n >= 0; n--) {
    const { year, month } = monthsBack(n)
    for (const [险种代码, [employerRate, personalRate]] of Object.entries(RATES)) {
      if (!p.employer && 险种代码 === '210') continue
      const paid = !(owesLast && n === 0)
      lines.push({
        流水号: `JF${year}${pad(month)}${险种代码}${p.residentId.slice(-8)}`,
        姓名: p.name,
        公民身份号码: p.residentId,
        险种代码,
        费款所属期: `${year}${pad(month)}`,
        缴费基数: base,
        单位缴费金额: p.employer ? Math.round(base * employerRate * 100) / 100 : 0,
        个人缴费金额:
          Math.round(base * (p.employer ? personalRate : employerRate + personalRate) * 100) / 100,
        缴费标志: paid ? '1' : '0',
        到账日期: paid ? `${year}${pad(month)}${pad(between(random, 10, 28))}` : '',
        变更序号: sequenceStart + lines.length + 1,
      })
    }
  }
  return lines
}

function employment(p: DemoPerson) {
  const random = seededRandom(hashOf(`jy${p.residentId}`))
  const retired = p.employer === null && p.birthDate < '1964'
  const unemployed = !retired && p.employer === null && random() < 0.5
  const code = retired ? '31' : p.employer ? '11' : unemployed ? '21' : '12'
  return {
    登记编号: `JY${p.residentId.slice(0, 6)}${p.residentId.slice(-6)}`,
    姓名: p.name,
    公民身份号码: p.residentId,
    就业状态代码: code,
    登记日期: `20${between(random, 15, 25)}${pad(between(random, 1, 12))}${pad(between(random, 1, 28))}`,
    用人单位: p.employer?.name ?? null,
    就业失业登记证号: code === '21' ? `1410${between(random, 10_000_000, 99_999_999)}` : null,
  }
}

/**
 * 参保证明 for everyone still contributing (retirees' enrolments are terminated), consistent with
 * their enrolments: the 险种 they are enrolled in and the months since the first enrolment.
 */
function certificates(people: readonly DemoPerson[]): HrssCertificate[] {
  const typeCode = demoCertificateTypeCode('lf-hrss')
  return people
    .map((p) => enrolments(p))
    .filter((list) => list[0]!.参保状态 === '1')
    .map((list, i) => {
      const first = list.map((e) => e.参保日期).sort()[0]!
      const months =
        LAST_MONTH.year * 12 +
        LAST_MONTH.month -
        (Number(first.slice(0, 4)) * 12 + Number(first.slice(4, 6))) +
        1
      return {
        证明编号: `CBZM2026${String(i + 1).padStart(6, '0')}`,
        证照类型代码: typeCode,
        姓名: list[0]!.姓名,
        公民身份号码: list[0]!.公民身份号码,
        参保险种: list.map((e) => e.险种代码).join(','),
        累计缴费月数: months,
        开具日期: '20261105',
        有效期至: '20270504',
        证明状态: '1',
        变更序号: i + 1,
      }
    })
}

/** A change log read after 起始序号 `qsxh`, ascending, at most `pageSize` (≤ 500) entries. */
function changeLog<T extends { 变更序号: number }>(log: readonly T[]) {
  return (q: URLSearchParams): SimulatorReply => {
    const qsxh = Number(q.get('qsxh') ?? '0')
    const pageSize = Math.min(Number(q.get('pageSize') ?? '100'), 500)
    if (!Number.isInteger(qsxh) || qsxh < 0) return fail('1001', '参数错误：起始序号')
    const list = log.filter((l) => l.变更序号 > qsxh).slice(0, pageSize)
    return ok({ list, 最大序号: log.at(-1)?.变更序号 ?? 0 })
  }
}

export interface HrssSimulatorOptions extends SimulatorOptions {
  /** The key callers must send in `X-App-Key`. */
  appKey?: string
}

export async function startSimulator(options: HrssSimulatorOptions = {}): Promise<RunningSimulator> {
  const appKey = options.appKey ?? HRSS_DEMO_APP_KEY
  const world = demoWorld()
  const ledger: Line[] = []
  for (const p of world.people) ledger.push(...contributions(p, ledger.length))
  let lastSequence = ledger.length
  const byPerson = new Map<string, Line[]>()
  for (const line of ledger)
    byPerson.set(line.公民身份号码, [...(byPerson.get(line.公民身份号码) ?? []), line])

  const person = (sfzhm: string | null): DemoPerson | SimulatorReply => {
    if (!sfzhm || !/^\d{17}[\dX]$/.test(sfzhm)) return fail('1001', '参数错误：公民身份号码格式不正确')
    return world.byResidentId.get(sfzhm) ?? fail('2001', '查无此人')
  }
  const guard =
    (handler: (q: URLSearchParams) => SimulatorReply) =>
    (req: { headers: Record<string, unknown>; query: URLSearchParams }) =>
      req.headers['x-app-key'] === appKey ? handler(req.query) : fail('4010', '应用密钥无效')

  return serveSimulator(
    [
      on('GET', '/hrss/api/v1/xtzt', () => ok({ 状态: '正常' })),
      on(
        'GET',
        '/hrss/api/v1/cbxx',
        guard((q) => {
          const p = person(q.get('sfzhm'))
          return 'residentId' in p ? ok({ list: enrolments(p) }) : p
        }),
      ),
      on(
        'GET',
        '/hrss/api/v1/jyzt',
        guard((q) => {
          const p = person(q.get('sfzhm'))
          return 'residentId' in p ? ok(employment(p)) : p
        }),
      ),
      on(
        'GET',
        '/hrss/api/v1/jfmx',
        guard((q) => {
          const p = person(q.get('sfzhm'))
          if (!('residentId' in p)) return p
          const pageNo = Number(q.get('pageNo') ?? '1')
          const pageSize = Number(q.get('pageSize') ?? '20')
          if (
            !Number.isInteger(pageNo) ||
            pageNo < 1 ||
            !Number.isInteger(pageSize) ||
            pageSize < 1 ||
            pageSize > 100
          ) {
            return fail('1001', '参数错误：pageNo 从 1 开始，pageSize 为 1 至 100')
          }
          const xzdm = q.get('xzdm')
          const all = (byPerson.get(p.residentId) ?? []).filter((l) => !xzdm || l.险种代码 === xzdm)
          const list = all.slice((pageNo - 1) * pageSize, pageNo * pageSize).map(({ 变更序号: _, ...l }) => l)
          return ok({ total: all.length, pageNo, pageSize, list })
        }),
      ),
      on('GET', '/hrss/api/v1/jfmx/bgjl', guard(changeLog(ledger))),
      // 缴费明细更正: the department corrects a line in its own system (as after a data objection);
      // the line moves to the end of the change log with a new 变更序号, so sync pulls pick it up.
      on('POST', '/hrss/api/v1/jfmx/gz', (req) => {
        if (req.headers['x-app-key'] !== appKey) return fail('4010', '应用密钥无效')
        const body = req.body as { 流水号?: unknown; 缴费基数?: unknown } | null
        const index = ledger.findIndex((l) => l.流水号 === body?.流水号)
        if (index < 0) return fail('2002', '查无此缴费记录')
        if (typeof body?.缴费基数 !== 'number' || body.缴费基数 <= 0)
          return fail('1001', '参数错误：缴费基数')
        const [line] = ledger.splice(index, 1)
        line!.缴费基数 = body.缴费基数
        line!.变更序号 = ++lastSequence
        ledger.push(line!)
        return ok({ 流水号: line!.流水号, 变更序号: line!.变更序号 })
      }),
      on('GET', '/hrss/api/v1/cbzm/bgjl', guard(changeLog(certificates(world.people)))),
    ],
    { status: 404, body: { code: '4040', msg: '接口不存在', data: null } },
    options,
  )
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const sim = await startSimulator({ port: Number(process.argv[2] ?? 0) })
  console.log(`人社 simulator listening on ${sim.url} (X-App-Key: ${HRSS_DEMO_APP_KEY})`)
}
