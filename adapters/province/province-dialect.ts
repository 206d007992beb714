/**
 * The provincial platform's (省级政务数据共享交换平台) dialect: HMAC-signed requests, `{返回码, 返回信息}`
 * answers, GB-style code lists (证件类型 111/001), times as Beijing `yyyy-MM-dd HH:mm:ss`.
 */
import { createHmac } from 'node:crypto'
import type { CanonicalRecord, ProvincialServiceItem } from '../adapter-contract.ts'
import { decode, requiredDate } from '../dialect-values.ts'

export interface ProvinceAnswer {
  返回码: string
  返回信息: string
}

export interface ProvinceReceipt extends ProvinceAnswer {
  回执号: string
  接收时间: string
}

export interface ProvinceQueryAnswer<T> extends ProvinceAnswer {
  总数: number
  数据: T[]
}

export interface ProvinceMarriage {
  登记编号: string
  当事人姓名: string
  当事人证件号码: string
  对方姓名: string
  登记类型: string
  登记日期: string
  登记机关: string
  证字号: string
}

export const PROVINCE_CODES = {
  ok: '00',
  duplicate: '01',
  invalidData: '10',
  badSignature: '40',
  failure: '99',
} as const

/** Resource code of 婚姻登记信息 in the provincial catalogue. */
export const MARRIAGE_RESOURCE = 'SX-MZ-HYDJ'

export const ID_TYPE_CODES = { 'resident-id': '111', 'credit-code': '001' } as const
const STAGES = {
  accepted: '受理',
  reviewed: '审查',
  decided: '决定',
  'special-procedure': '特别程序',
  completed: '办结',
} as const
const DECISIONS = { approved: '准予许可', rejected: '不予许可' } as const
const MARRIAGE_TYPES = { 结婚登记: 'marriage', 离婚登记: 'divorce', 补发: 'reissue' } as const

const BEIJING_OFFSET_MS = 8 * 60 * 60 * 1000

/** An instant ⇒ the Beijing wall-clock time the province expects. */
export function beijingTime(iso: string): string {
  const t = Date.parse(iso)
  if (Number.isNaN(t)) throw new Error(`"${iso}" is not a time`)
  return new Date(t + BEIJING_OFFSET_MS).toISOString().slice(0, 19).replace('T', ' ')
}

/** `X-Sx-Sign`: hex HMAC-SHA256 over `timestamp \n nonce` with the hub's app secret. */
export function sign(secret: string, timestamp: string, nonce: string): string {
  return createHmac('sha256', secret).update(`${timestamp}\n${nonce}`).digest('hex')
}

/** Canonical case report ⇒ the province's 办件 body (the idempotency key travels as 请求流水号). */
export function toProvinceCase(
  report: Record<string, unknown>,
  idempotencyKey: string,
): Record<string, unknown> {
  const r = report as Record<string, string | null>
  return {
    请求流水号: idempotencyKey,
    办件编号: r.caseNumber,
    事项编码: r.serviceItemCode,
    事项名称: r.serviceItemName,
    申请人证件类型: ID_TYPE_CODES[r.applicantIdType as keyof typeof ID_TYPE_CODES],
    申请人证件号码: r.applicantIdNumber,
    申请人名称: r.applicantName,
    受理部门编码: r.departmentCode,
    受理部门名称: r.departmentName,
    行政区划代码: r.divisionCode,
    办理环节: STAGES[r.stage as keyof typeof STAGES],
    发生时间: beijingTime(String(r.occurredAt)),
    办理结果: r.decision ? DECISIONS[r.decision as keyof typeof DECISIONS] : '',
    办理人: r.handler ?? '',
  }
}

export const mapMarriage =
  (subjectId: string) =>
  (m: ProvinceMarriage): CanonicalRecord => {
    if (m.当事人证件号码.toUpperCase() !== subjectId) {
      throw new Error(`registration ${m.登记编号} is about someone else`)
    }
    return {
      kind: 'marriage-registration',
      recordId: m.登记编号,
      data: {
        recordId: m.登记编号,
        subjectId,
        subjectName: m.当事人姓名,
        spouseName: m.对方姓名,
        registrationType: decode(MARRIAGE_TYPES, m.登记类型, '登记类型'),
        registeredOn: requiredDate(m.登记日期),
        registrationOffice: m.登记机关,
        certificateNumber: m.证字号,
      },
    }
  }

/** A 事项 as the province's 事项同步 listing (`/sxgx/api/sx/tb`) carries it. */
export interface ProvinceServiceItem {
  基本编码: string
  实施编码: string
  事项名称: string
  /** The type by name (行政许可 …): the province's numeric code table is not the same everywhere. */
  事项类型: string
  实施主体编码: string
  行政区划代码: string
  设定依据: string
  /** Working days as text; empty when not promised. */
  承诺办结时限: string
  /** `1` = 最多跑一次. */
  是否最多跑一次: string
  /** 在用 or 取消. */
  事项状态: string
  材料: { 材料编码: string; 材料名称: string; 材料必要性: string; 纸质份数: number }[]
}

const SERVICE_ITEM_TYPES = {
  行政许可: 'administrative-licensing',
  行政确认: 'administrative-confirmation',
  行政给付: 'administrative-payment',
  行政奖励: 'administrative-reward',
  行政裁决: 'administrative-adjudication',
  其他行政权力: 'other-administrative-power',
  公共服务: 'public-service',
} as const
const ITEM_STATUSES = { 在用: 'active', 取消: 'retired' } as const
const NECESSITY = { 必要: true, 非必要: false } as const

export function mapServiceItem(item: ProvinceServiceItem): ProvincialServiceItem {
  const days = item.承诺办结时限.trim()
  if (days !== '' && !/^\d{1,3}$/.test(days)) throw new Error(`承诺办结时限 "${days}" is not a number`)
  if (!Array.isArray(item.材料)) throw new Error('材料 is not a list')
  return {
    code: item.基本编码,
    implementationCode: item.实施编码 || null,
    name: item.事项名称,
    type: decode(SERVICE_ITEM_TYPES, item.事项类型, '事项类型'),
    implementingCreditCode: item.实施主体编码,
    divisionCode: item.行政区划代码 || null,
    legalBasis: item.设定依据 ?? '',
    promisedWorkingDays: days === '' ? null : Number(days),
    oneVisit: item.是否最多跑一次 === '1',
    status: decode(ITEM_STATUSES, item.事项状态, '事项状态'),
    materials: item.材料.map((m) => ({
      materialCode: m.材料编码,
      name: m.材料名称,
      required: decode(NECESSITY, m.材料必要性, '材料必要性'),
      paperCopies: Number.isInteger(m.纸质份数) ? m.纸质份数 : 1,
    })),
  }
}
