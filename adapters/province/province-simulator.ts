/**
 * A stand-in for the provincial platform (省级政务数据共享交换平台): HMAC-signed POSTs, `返回码`
 * answers, 办件 receipts de-duplicated by 请求流水号, and the shared 婚姻登记 resource.
 * Run alone with `node --import tsx adapters/province/province-simulator.ts [port]`.
 */
import { timingSafeEqual } from 'node:crypto'
import { pathToFileURL } from 'node:url'
import { demoDepartments } from '../simulator-kit/demo-departments.ts'
import { between, demoWorld, hashOf, pick, seededRandom } from '../simulator-kit/demo-population.ts'
import {
  on,
  type RunningSimulator,
  type SimulatorOptions,
  type SimulatorReply,
  type SimulatorRequest,
  serveSimulator,
} from '../simulator-kit/simulator-server.ts'
import {
  beijingTime,
  MARRIAGE_RESOURCE,
  type ProvinceMarriage,
  type ProvinceServiceItem,
  sign,
} from './province-dialect.ts'

export const PROVINCE_DEMO_TOKEN = 'lf-hub:province-demo-secret'
const OFFICES = ['临汾市尧都区民政局婚姻登记处', '侯马市民政局婚姻登记处', '洪洞县民政局婚姻登记处']
const REQUIRED = [
  '请求流水号',
  '办件编号',
  '事项编码',
  '申请人证件类型',
  '申请人证件号码',
  '办理环节',
  '发生时间',
]

const reply = (返回码: string, 返回信息: string, extra: Record<string, unknown> = {}): SimulatorReply => ({
  body: { 返回码, 返回信息, ...extra },
})

function marriages(): Map<string, ProvinceMarriage[]> {
  const world = demoWorld()
  const byPerson = new Map<string, ProvinceMarriage[]>()
  const add = (m: ProvinceMarriage) =>
    byPerson.set(m.当事人证件号码, [...(byPerson.get(m.当事人证件号码) ?? []), m])
  for (let i = 0; i + 1 < world.people.length; i += 2) {
    const [a, b] = [world.people[i]!, world.people[i + 1]!]
    const random = seededRandom(hashOf(`hy${a.residentId}`))
    if (a.birthDate > '1998' || b.birthDate > '1998' || random() < 0.3) continue
    const year =
      Math.max(Number(a.birthDate.slice(0, 4)), Number(b.birthDate.slice(0, 4))) + between(random, 22, 30)
    const date = `${Math.min(year, 2025)}-${String(between(random, 1, 12)).padStart(2, '0')}-${String(between(random, 1, 28)).padStart(2, '0')}`
    const office = pick(random, OFFICES)
    const number = `J141000-${date.slice(0, 4)}-${String(between(random, 1, 99_999)).padStart(6, '0')}`
    const both = (type: string, d: string, no: string, key: string) => {
      add({
        登记编号: `${key}-A`,
        当事人姓名: a.name,
        当事人证件号码: a.residentId,
        对方姓名: b.name,
        登记类型: type,
        登记日期: d,
        登记机关: office,
        证字号: no,
      })
      add({
        登记编号: `${key}-B`,
        当事人姓名: b.name,
        当事人证件号码: b.residentId,
        对方姓名: a.name,
        登记类型: type,
        登记日期: d,
        登记机关: office,
        证字号: no,
      })
    }
    both('结婚登记', date, number, `HY${i}`)
    if (random() < 0.15)
      both('离婚登记', `${Number(date.slice(0, 4)) + 6}${date.slice(4)}`, number.replace('J', 'L'), `LH${i}`)
  }
  return byPerson
}

const creditCodeOf = (department: string) => demoDepartments().find((d) => d.code === department)!.credit_code

/**
 * The province's 事项 implemented by the demo city's departments (seed data only), as its change log:
 * each entry is an item as created or last changed, in change order.
 */
export function demoProvinceServiceItems(): ProvinceServiceItem[] {
  const item = (
    code: string,
    name: string,
    type: string,
    department: string,
    days: string,
    oneVisit: boolean,
    basis: string,
    materials: [string, string, boolean][],
  ): ProvinceServiceItem => ({
    基本编码: code,
    实施编码: `${creditCodeOf(department)}${code}`,
    事项名称: name,
    事项类型: type,
    实施主体编码: creditCodeOf(department),
    行政区划代码: '141000',
    设定依据: basis,
    承诺办结时限: days,
    是否最多跑一次: oneVisit ? '1' : '0',
    事项状态: '在用',
    材料: materials.map(([材料编码, 材料名称, required]) => ({
      材料编码,
      材料名称,
      材料必要性: required ? '必要' : '非必要',
      纸质份数: 1,
    })),
  })
  return [
    item(
      '000140006000',
      '食品经营许可',
      '行政许可',
      'lf-approval',
      '10',
      true,
      '《中华人民共和国食品安全法》第三十五条',
      [
        ['M01', '食品经营许可申请书', true],
        ['M02', '营业执照', true],
      ],
    ),
    item(
      '000107003000',
      '就业创业证申领',
      '公共服务',
      'lf-hrss',
      '5',
      true,
      '《就业服务与就业管理规定》第六十二条',
      [['M01', '居民身份证', true]],
    ),
    item(
      '000122004000',
      '住房公积金个人账户设立',
      '公共服务',
      'lf-hfund',
      '1',
      true,
      '《住房公积金管理条例》第十五条',
      [
        ['M01', '居民身份证', true],
        ['M02', '劳动合同', false],
      ],
    ),
  ]
}

export interface ProvinceSimulatorOptions extends SimulatorOptions {
  /** `<appId>:<secret>` the simulator accepts. */
  token?: string
  /**
   * The 事项 change log the simulator lists (default: `demoProvinceServiceItems()`). It is read on
   * every request, so a test can push a changed item and see the next sync pick it up.
   */
  serviceItems?: ProvinceServiceItem[]
}

export async function startSimulator(options: ProvinceSimulatorOptions = {}): Promise<RunningSimulator> {
  const [appId, secret] = (options.token ?? PROVINCE_DEMO_TOKEN).split(/:(.*)/s) as [string, string]
  const registrations = marriages()
  const receipts = new Map<string, { 回执号: string; 接收时间: string }>()
  const serviceItems = options.serviceItems ?? demoProvinceServiceItems()

  const signed = (handle: (body: Record<string, unknown>) => SimulatorReply) => (req: SimulatorRequest) => {
    const h = req.headers
    const expected = sign(secret, String(h['x-sx-timestamp'] ?? ''), String(h['x-sx-nonce'] ?? ''))
    const given = Buffer.from(String(h['x-sx-sign'] ?? ''))
    if (
      h['x-sx-appid'] !== appId ||
      given.length !== expected.length ||
      !timingSafeEqual(given, Buffer.from(expected))
    ) {
      return reply('40', '签名验证失败')
    }
    return handle((req.body ?? {}) as Record<string, unknown>)
  }

  return serveSimulator(
    [
      on(
        'POST',
        '/sxgx/api/xt/xl',
        signed(() => reply('00', '正常')),
      ),
      on(
        'POST',
        '/sxgx/api/bj/ts',
        signed((body) => {
          const missing = REQUIRED.filter((k) => typeof body[k] !== 'string' || body[k] === '')
          if (missing.length > 0) return reply('10', `数据校验不通过：缺少${missing.join('、')}`)
          const key = body.请求流水号 as string
          const earlier = receipts.get(key)
          if (earlier) return reply('01', '重复推送，已忽略', earlier)
          const receipt = {
            回执号: `SXBJ${String(receipts.size + 1).padStart(10, '0')}`,
            接收时间: beijingTime(new Date().toISOString()),
          }
          receipts.set(key, receipt)
          return reply('00', '接收成功', receipt)
        }),
      ),
      on(
        'POST',
        '/sxgx/api/sx/tb',
        signed((body) => {
          const from = Number(body.游标 ?? 0)
          const size = Number(body.每页条数 ?? 50)
          if (!Number.isInteger(from) || from < 0 || !Number.isInteger(size) || size < 1 || size > 100)
            return reply('10', '分页参数错误')
          return reply('00', '查询成功', {
            总数: serviceItems.length,
            数据: serviceItems.slice(from, from + size),
          })
        }),
      ),
      on(
        'POST',
        '/sxgx/api/gx/cx',
        signed((body) => {
          if (body.资源编码 !== MARRIAGE_RESOURCE) return reply('10', '资源编码不存在或未授权')
          const id = (body.查询条件 as { 证件号码?: string } | undefined)?.证件号码 ?? ''
          const page = Number(body.页码 ?? 1)
          const size = Number(body.每页条数 ?? 20)
          if (!Number.isInteger(page) || page < 1 || !Number.isInteger(size) || size < 1 || size > 100)
            return reply('10', '分页参数错误')
          const all = registrations.get(id) ?? []
          return reply('00', '查询成功', {
            总数: all.length,
            数据: all.slice((page - 1) * size, page * size),
          })
        }),
      ),
    ],
    { status: 404, body: { 返回码: '99', 返回信息: '服务不存在' } },
    options,
  )
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const sim = await startSimulator({ port: Number(process.argv[2] ?? 0) })
  console.log(`省平台 simulator listening on ${sim.url} (token ${PROVINCE_DEMO_TOKEN})`)
}
