/**
 * A stand-in for the 住房公积金管理中心's business system: POSTed transactions by service code,
 * `{head, body}` answers, money in 分, bearer-token auth.
 * Run alone with `node --import tsx adapters/housing-fund/housing-fund-simulator.ts [port]`.
 */
import { pathToFileURL } from 'node:url'
import { demoCertificateTypeCode } from '../simulator-kit/demo-certificate-types.ts'
import {
  between,
  type DemoPerson,
  demoWorld,
  hashOf,
  pick,
  seededRandom,
} from '../simulator-kit/demo-population.ts'
import {
  on,
  type RunningSimulator,
  type SimulatorOptions,
  type SimulatorReply,
  serveSimulator,
} from '../simulator-kit/simulator-server.ts'
import type { FundCertificate } from './housing-fund-dialect.ts'

export const HOUSING_FUND_DEMO_TOKEN = 'housing-fund-demo-token'
const LAST_MONTH = { year: 2026, month: 10 }
const pad = (n: number) => String(n).padStart(2, '0')

let serial = 0
const answer = (retCode: string, retMsg: string, body: unknown): SimulatorReply => ({
  body: { head: { retCode, retMsg, serialNo: `GJJ${Date.now()}${++serial}` }, body },
})
const ok = (body: unknown) => answer('000000', '交易成功', body)

function account(p: DemoPerson) {
  const random = seededRandom(hashOf(`gjj${p.residentId}`))
  const rate = pick(random, [5, 8, 10, 12])
  const base = between(random, 30, 110) * 10_000 // 分
  const monthly = Math.round((base * rate * 2) / 100)
  const status = p.employer ? '0' : p.birthDate < '1964' ? '9' : '1'
  return {
    个人账号: `0${p.residentId.slice(0, 4)}${String(hashOf(p.residentId)).slice(0, 8)}`,
    姓名: p.name,
    证件号码: p.residentId,
    单位名称: p.employer?.name ?? '',
    账户状态: status,
    开户日期: `20${pad(between(random, 5, 20))}-${pad(between(random, 1, 12))}-${pad(between(random, 1, 28))}`,
    缴存基数: base,
    月缴存额: monthly,
    单位缴存比例: `${rate}%`,
    个人缴存比例: `${rate}%`,
    账户余额: status === '9' ? 0 : monthly * between(random, 12, 120),
    缴至年月: status === '0' ? `${LAST_MONTH.year}${pad(LAST_MONTH.month)}` : '',
  }
}

function deposits(p: DemoPerson) {
  if (!p.employer) return []
  const a = account(p)
  return Array.from({ length: 24 }, (_, n) => {
    const index = LAST_MONTH.year * 12 + LAST_MONTH.month - 1 - n
    const ym = `${Math.floor(index / 12)}${pad((index % 12) + 1)}`
    return {
      业务流水号: `HJ${ym}${a.个人账号.slice(-6)}`,
      个人账号: a.个人账号,
      汇缴年月: ym,
      发生额: a.月缴存额,
      业务类型: n === 5 ? '02' : '01',
      记账日期: `${ym.slice(0, 4)}-${ym.slice(4)}-15`,
    }
  })
}

function loans(p: DemoPerson) {
  const random = seededRandom(hashOf(`dk${p.residentId}`))
  if (!p.employer || random() < 0.6) return []
  const principal = between(random, 20, 80) * 1_000_000 // 分
  const term = pick(random, [120, 180, 240, 300, 360])
  const status = pick(random, ['01', '01', '01', '02', '03'])
  return [
    {
      借款合同号: `LFGJJ${between(random, 2012, 2025)}${between(random, 100_000, 999_999)}`,
      借款人姓名: p.name,
      借款人证件号码: p.residentId,
      贷款金额: principal,
      贷款余额: status === '03' ? 0 : Math.round(principal * (0.3 + random() * 0.6)),
      贷款期限: term,
      贷款利率: pick(random, ['2.85', '3.10', '3.25']),
      放款日期: `20${pad(between(random, 12, 25))}-${pad(between(random, 1, 12))}-${pad(between(random, 1, 28))}`,
      贷款状态: status,
      还款方式: pick(random, ['1', '2']),
      逾期期数: status === '02' ? between(random, 1, 3) : 0,
    },
  ]
}

/** 缴存证明 for every account paying in normally, with that account's figures. */
function certificates(people: readonly DemoPerson[]): FundCertificate[] {
  const typeCode = demoCertificateTypeCode('lf-hfund')
  return people
    .map(account)
    .filter((a) => a.账户状态 === '0')
    .map((a, i) => ({
      证明编号: `JCZM2026${String(i + 1).padStart(6, '0')}`,
      证照类型代码: typeCode,
      姓名: a.姓名,
      证件类型: '01',
      证件号码: a.证件号码,
      个人账号: a.个人账号,
      月缴存额: a.月缴存额,
      缴至年月: a.缴至年月,
      出具日期: '2026-11-05',
      有效期至: '2027-02-04',
    }))
}

export interface HousingFundSimulatorOptions extends SimulatorOptions {
  token?: string
  /**
   * Changes what `GRZHLB` lists, to stand in for the centre's data changing between two listings
   * (tests of live subscriptions): given the accounts in 个人账号 order, returns those to list now.
   */
  accounts?: (all: ReturnType<typeof account>[]) => ReturnType<typeof account>[]
}

export async function startSimulator(options: HousingFundSimulatorOptions = {}): Promise<RunningSimulator> {
  const token = options.token ?? HOUSING_FUND_DEMO_TOKEN
  const world = demoWorld()
  const issued = certificates(world.people)
  // 个人账户列表, in 个人账号 order: the centre's own listing of every account (no change log).
  const listed = world.people.map(account).sort((a, b) => (a.个人账号 < b.个人账号 ? -1 : 1))
  const refused: SimulatorReply = {
    status: 401,
    body: { head: { retCode: 'E00401', retMsg: '令牌无效' }, body: null },
  }
  const paging = (body: Record<string, unknown>) => {
    const dqym = Number(body.dqym ?? 1)
    const mysl = Number(body.mysl ?? 20)
    return Number.isInteger(dqym) && dqym >= 1 && Number.isInteger(mysl) && mysl >= 1 && mysl <= 50
      ? { dqym, mysl }
      : null
  }
  const paged = (all: readonly unknown[], { dqym, mysl }: { dqym: number; mysl: number }) =>
    ok({
      zys: Math.max(Math.ceil(all.length / mysl), 1),
      zts: all.length,
      jls: all.slice((dqym - 1) * mysl, dqym * mysl),
    })
  const badPaging = () => answer('E00400', '参数校验失败：当前页码或每页数量', null)
  const transaction = (
    service: string,
    handle: (p: DemoPerson, body: Record<string, unknown>) => SimulatorReply,
  ) =>
    on('POST', `/gjj/api/${service}`, (req) => {
      if (req.headers.authorization !== `Bearer ${token}`) return refused
      const body = (req.body ?? {}) as Record<string, unknown>
      if (body.zjlx !== '01' || typeof body.zjhm !== 'string')
        return answer('E00400', '参数校验失败：证件类型或证件号码', null)
      const p = world.byResidentId.get(body.zjhm)
      return p ? handle(p, body) : answer('E00404', '无此账户', null)
    })
  return serveSimulator(
    [
      on('POST', '/gjj/api/PING', () => ok({ 状态: '正常' })),
      transaction('GRZHXX', (p) => ok(account(p))),
      transaction('DKXX', (p) => {
        const list = loans(p)
        return ok({ zys: 1, zts: list.length, jls: list })
      }),
      transaction('JCMX', (p, body) => {
        const page = paging(body)
        return page ? paged(deposits(p), page) : badPaging()
      }),
      // Not about one person: every account, in 个人账号 order.
      on('POST', '/gjj/api/GRZHLB', (req) => {
        if (req.headers.authorization !== `Bearer ${token}`) return refused
        const page = paging((req.body ?? {}) as Record<string, unknown>)
        return page ? paged(options.accounts ? options.accounts(listed) : listed, page) : badPaging()
      }),
      // Not about one person: every 缴存证明 the centre issued, oldest first.
      on('POST', '/gjj/api/JCZMXX', (req) => {
        if (req.headers.authorization !== `Bearer ${token}`) return refused
        const page = paging((req.body ?? {}) as Record<string, unknown>)
        return page ? paged(issued, page) : badPaging()
      }),
    ],
    { status: 404, body: { head: { retCode: 'E00405', retMsg: '交易不存在' }, body: null } },
    options,
  )
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const sim = await startSimulator({ port: Number(process.argv[2] ?? 0) })
  console.log(`公积金 simulator listening on ${sim.url} (Bearer ${HOUSING_FUND_DEMO_TOKEN})`)
}
