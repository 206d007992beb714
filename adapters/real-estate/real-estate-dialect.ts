/**
 * The 不动产登记 system's dialect: `{success, errorCode, message, result}` with real HTTP statuses,
 * Chinese text as codes (规划用途 "住宅"), dates like `2019年05月20日`, amounts in 万元.
 */
import type { CanonicalRecord, IssuedCertificate } from '../adapter-contract.ts'
import { decode, yuan } from '../dialect-values.ts'

export interface EstateAnswer<T> {
  success: boolean
  errorCode: string | null
  message: string
  result: { rows: T[]; total: number } | null
}

export interface EstateRight {
  登记业务号: string
  权利人: string
  证件号码: string
  不动产权证书号: string
  不动产单元号: string
  坐落: string
  建筑面积: string
  规划用途: string
  共有情况: string
  共有比例: string | null
  登簿日期: string
  权属状态: string
}

export interface EstateMortgage {
  业务号: string
  抵押人证件号码: string
  不动产登记证明号: string
  不动产单元号: string
  抵押权人: string
  '被担保主债权数额（万元）': number
  债务履行期限起: string
  债务履行期限止: string
  登记日期: string
  状态: string
}

export interface EstateSeizure {
  业务号: string
  被执行人证件号码: string
  不动产单元号: string
  查封机关: string
  查封文号: string
  查封类型: string
  查封起始日期: string
  查封结束日期: string | null
  解封状态: string
}

/** 不动产权证书 as the 发证记录 lists them, in the order they were issued. */
export interface EstateCertificate {
  证照流水号: string
  证照类型代码: string
  权利人: string
  证件类型: string
  证件号码: string
  不动产权证书号: string
  坐落: string
  建筑面积: string
  登簿日期: string
  权属状态: string
}

/** 证件类型 query values. */
export const ESTATE_ID_TYPES = { 'resident-id': 'sfz', 'credit-code': 'tyshxydm' } as const

const USE = {
  住宅: 'residential',
  商业: 'commercial',
  办公: 'office',
  工业: 'industrial',
  其它: 'other',
} as const
const SHARE = { 单独所有: 'sole', 共同共有: 'joint', 按份共有: 'by-share' } as const
const RIGHT_STATUS = { 现势: 'current', 历史: 'historical' } as const
const MORTGAGE_STATUS = { 现势: 'active', 注销: 'discharged' } as const
const SEIZURE_KIND = { 查封: 'seizure', 轮候查封: 'waiting-seizure' } as const
const LIFTED = { '0': 'active', '1': 'lifted' } as const

/** `2019年05月20日` ⇒ `2019-05-20`; empty ⇒ null. */
export function cnDate(value: string | null | undefined): string | null {
  if (value === null || value === undefined || value === '') return null
  const m = /^(\d{4})年(\d{1,2})月(\d{1,2})日$/.exec(value.trim())
  if (!m) throw new Error(`"${value}" is not a date in 年月日 form`)
  return `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`
}

function requiredCnDate(value: string | null | undefined): string {
  const date = cnDate(value)
  if (date === null) throw new Error('a required date is missing')
  return date
}

function area(value: string): number {
  const n = Number(
    String(value)
      .replace(/㎡|平方米/g, '')
      .trim(),
  )
  if (!Number.isFinite(n) || n <= 0) throw new Error(`"${value}" is not an area`)
  return n
}

export function mapRight(r: EstateRight): CanonicalRecord {
  const shareType = decode(SHARE, r.共有情况, '共有情况')
  let sharePercent: number | null = null
  if (shareType === 'by-share') {
    const m = /^(\d+(?:\.\d+)?)%$/.exec(r.共有比例 ?? '')
    if (!m) throw new Error(`"${r.共有比例}" is not a 共有比例`)
    sharePercent = Number(m[1])
  }
  return {
    kind: 'property-right',
    recordId: r.登记业务号,
    data: {
      recordId: r.登记业务号,
      subjectId: r.证件号码,
      holderName: r.权利人,
      certificateNumber: r.不动产权证书号,
      unitNumber: r.不动产单元号,
      location: r.坐落,
      buildingAreaSqm: area(r.建筑面积),
      use: decode(USE, r.规划用途, '规划用途'),
      shareType,
      sharePercent,
      registeredOn: requiredCnDate(r.登簿日期),
      status: decode(RIGHT_STATUS, r.权属状态, '权属状态'),
    },
  }
}

export function mapMortgage(m: EstateMortgage): CanonicalRecord {
  const tenThousands = m['被担保主债权数额（万元）']
  if (typeof tenThousands !== 'number') throw new Error('被担保主债权数额 is missing')
  return {
    kind: 'property-mortgage',
    recordId: m.业务号,
    data: {
      recordId: m.业务号,
      subjectId: m.抵押人证件号码,
      proofNumber: m.不动产登记证明号,
      unitNumber: m.不动产单元号,
      mortgagee: m.抵押权人,
      amount: yuan(Math.round(tenThousands * 1_000_000) / 100),
      debtFrom: requiredCnDate(m.债务履行期限起),
      debtTo: requiredCnDate(m.债务履行期限止),
      registeredOn: requiredCnDate(m.登记日期),
      status: decode(MORTGAGE_STATUS, m.状态, '状态'),
    },
  }
}

export function mapSeizure(s: EstateSeizure): CanonicalRecord {
  return {
    kind: 'property-seizure',
    recordId: s.业务号,
    data: {
      recordId: s.业务号,
      subjectId: s.被执行人证件号码,
      unitNumber: s.不动产单元号,
      authority: s.查封机关,
      documentNumber: s.查封文号,
      kind: decode(SEIZURE_KIND, s.查封类型, '查封类型'),
      from: requiredCnDate(s.查封起始日期),
      to: cnDate(s.查封结束日期),
      status: decode(LIFTED, s.解封状态, '解封状态'),
    },
  }
}

const HOLDER_TYPES = { sfz: 'resident-id', tyshxydm: 'credit-code' } as const
const CERTIFICATE_STATUS = { 现势: 'valid', 历史: 'revoked' } as const

export function mapCertificate(c: EstateCertificate): IssuedCertificate {
  const status = decode(CERTIFICATE_STATUS, c.权属状态, '权属状态')
  return {
    typeCode: c.证照类型代码,
    serial: c.证照流水号,
    holder: { idType: decode(HOLDER_TYPES, c.证件类型, '证件类型'), idNumber: c.证件号码, name: c.权利人 },
    issuedOn: requiredCnDate(c.登簿日期),
    faceData: { certificateNumber: c.不动产权证书号, location: c.坐落, area: area(c.建筑面积) },
    status,
    ...(status === 'revoked' ? { statusReason: '权利已转为历史状态（证书注销）' } : {}),
  }
}
