/**
 * The provincial platform's (省级政务数据共享交换平台) dialect: HMAC-signed requests, `{返回码, 返回信息}`
 * answers, GB-style code lists (证件类型 111/001), times as Beijing `yyyy-MM-dd HH:mm:ss`.
 */
import { createHmac } from 'node:crypto'
import type { CanonicalRecord } from '../adapter-contract.ts'
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
