/**
 * The 人社 system's dialect and its mapping to canonical records. Kept apart from the calls so the
 * code tables can be read against the system's interface document line by line.
 */
import type { CanonicalRecord, IssuedCertificate } from '../adapter-contract.ts'
import { decode, isoDate, isoMonth, requiredDate, yuan } from '../dialect-values.ts'

export interface HrssEnvelope<T> {
  code: string
  msg: string
  data: T | null
}

export interface HrssPage<T> {
  total: number
  pageNo: number
  pageSize: number
  list: T[]
}

export interface HrssEnrolment {
  个人编号: string
  姓名: string
  公民身份号码: string
  险种代码: string
  参保状态: string
  参保日期: string
  单位名称: string
  统一社会信用代码: string
  登记序号: string
}

export interface HrssContribution {
  流水号: string
  姓名: string
  公民身份号码: string
  险种代码: string
  费款所属期: string
  缴费基数: number | string
  单位缴费金额: number | string
  个人缴费金额: number | string
  缴费标志: string
  到账日期: string
  变更序号?: number
}

export interface HrssEmployment {
  登记编号: string
  姓名: string
  公民身份号码: string
  就业状态代码: string
  登记日期: string
  用人单位: string | null
  就业失业登记证号: string | null
}

/** 参保证明 as the system's change log lists it. */
export interface HrssCertificate {
  证明编号: string
  证照类型代码: string
  姓名: string
  公民身份号码: string
  /** 险种代码 joined by commas, e.g. `110,310`. */
  参保险种: string
  累计缴费月数: number
  开具日期: string
  有效期至: string
  证明状态: string
  变更序号: number
}

/** Business codes inside the HTTP 200 envelope. */
export const HRSS_CODES = {
  ok: '0000',
  badParameter: '1001',
  noSuchPerson: '2001',
  badAppKey: '4010',
  busy: '9999',
} as const

export const INSURANCE_TYPES = {
  '110': 'pension',
  '210': 'unemployment',
  '310': 'medical',
  '410': 'work-injury',
  '510': 'maternity',
} as const

export const INSURANCE_CODES = Object.fromEntries(Object.entries(INSURANCE_TYPES).map(([k, v]) => [v, k]))

const ENROLMENT_STATUS = { '1': 'contributing', '2': 'suspended', '3': 'terminated' } as const
const EMPLOYMENT_STATUS = {
  '11': 'employed',
  '12': 'flexible',
  '21': 'unemployed-registered',
  '31': 'retired',
} as const

// The system writes an empty string where it has no value; the canonical form is null.
const orNull = (value: string | null | undefined) =>
  value === undefined || value === null || value === '' ? null : value

export function mapEnrolment(e: HrssEnrolment): CanonicalRecord {
  return {
    kind: 'social-insurance-enrolment',
    recordId: e.登记序号,
    data: {
      recordId: e.登记序号,
      subjectId: e.公民身份号码,
      subjectName: e.姓名,
      personNumber: e.个人编号,
      insuranceType: decode(INSURANCE_TYPES, e.险种代码, '险种代码'),
      status: decode(ENROLMENT_STATUS, e.参保状态, '参保状态'),
      enrolledOn: requiredDate(e.参保日期),
      employerName: orNull(e.单位名称),
      employerCreditCode: orNull(e.统一社会信用代码),
    },
  }
}

export function mapContribution(c: HrssContribution): CanonicalRecord {
  const paid = decode({ '1': true, '0': false }, c.缴费标志, '缴费标志')
  return {
    kind: 'social-insurance-contribution',
    recordId: c.流水号,
    data: {
      recordId: c.流水号,
      subjectId: c.公民身份号码,
      subjectName: c.姓名,
      insuranceType: decode(INSURANCE_TYPES, c.险种代码, '险种代码'),
      period: isoMonth(c.费款所属期),
      contributionBase: yuan(c.缴费基数),
      employerAmount: yuan(c.单位缴费金额),
      personalAmount: yuan(c.个人缴费金额),
      paid,
      paidOn: paid ? isoDate(c.到账日期) : null,
    },
  }
}

export function mapEmployment(e: HrssEmployment): CanonicalRecord {
  return {
    kind: 'employment-status',
    recordId: e.登记编号,
    data: {
      recordId: e.登记编号,
      subjectId: e.公民身份号码,
      subjectName: e.姓名,
      status: decode(EMPLOYMENT_STATUS, e.就业状态代码, '就业状态代码'),
      since: requiredDate(e.登记日期),
      employerName: orNull(e.用人单位),
      unemploymentCertificateNo: orNull(e.就业失业登记证号),
    },
  }
}

/** 险种 as a 参保证明 prints them. */
const INSURANCE_SHORT_NAMES = {
  '110': '养老',
  '210': '失业',
  '310': '医疗',
  '410': '工伤',
  '510': '生育',
} as const
const PROOF_STATUS = { '1': 'valid', '0': 'revoked' } as const

export function mapCertificate(c: HrssCertificate): IssuedCertificate {
  const status = decode(PROOF_STATUS, c.证明状态, '证明状态')
  const validUntil = isoDate(c.有效期至)
  if (!Number.isInteger(c.累计缴费月数)) throw new Error('累计缴费月数 is not a whole number')
  return {
    typeCode: c.证照类型代码,
    serial: c.证明编号,
    holder: { idType: 'resident-id', idNumber: c.公民身份号码, name: c.姓名 },
    issuedOn: requiredDate(c.开具日期),
    ...(validUntil ? { validUntil } : {}),
    faceData: {
      insuranceKinds: c.参保险种
        .split(',')
        .map((code) => decode(INSURANCE_SHORT_NAMES, code.trim(), '险种代码'))
        .join(','),
      months: c.累计缴费月数,
    },
    status,
    ...(status === 'revoked' ? { statusReason: '参保证明已作废' } : {}),
  }
}
