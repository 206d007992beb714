/**
 * The 住房公积金 centre's dialect: POSTed "transactions" named by a service code, a `{head, body}`
 * answer, money in 分 (integer cents) and percentages as strings like "12%".
 */
import type { CanonicalRecord, IssuedCertificate } from '../adapter-contract.ts'
import { decode, isoDate, isoMonth, requiredDate, yuan } from '../dialect-values.ts'

export interface FundHead {
  retCode: string
  retMsg: string
  serialNo?: string
}

export interface FundAnswer<T> {
  head: FundHead
  body: T | null
}

/** A paged transaction body: 总页数, 总条数, 记录集. */
export interface FundPage<T> {
  zys: number
  zts: number
  jls: T[]
}

export interface FundAccount {
  个人账号: string
  姓名: string
  证件号码: string
  单位名称: string
  账户状态: string
  开户日期: string
  缴存基数: number
  月缴存额: number
  单位缴存比例: string
  个人缴存比例: string
  账户余额: number
  缴至年月: string
}

export interface FundDeposit {
  业务流水号: string
  个人账号: string
  汇缴年月: string
  发生额: number
  业务类型: string
  记账日期: string
}

export interface FundLoan {
  借款合同号: string
  借款人姓名: string
  借款人证件号码: string
  贷款金额: number
  贷款余额: number
  贷款期限: number
  贷款利率: string
  放款日期: string
  贷款状态: string
  还款方式: string
  逾期期数: number
}

/** 缴存证明 as the `JCZMXX` transaction lists them, in the order they were issued. */
export interface FundCertificate {
  证明编号: string
  证照类型代码: string
  姓名: string
  证件类型: string
  证件号码: string
  个人账号: string
  月缴存额: number
  缴至年月: string
  出具日期: string
  有效期至: string
}

export const FUND_CODES = {
  ok: '000000',
  badParameter: 'E00400',
  noAccount: 'E00404',
  failure: 'E99999',
} as const

/** 证件类型: only 身份证 (01) is used by the hub. */
export const ID_TYPE_RESIDENT = '01'

const ACCOUNT_STATUS = { '0': 'normal', '1': 'sealed', '2': 'frozen', '9': 'closed' } as const
const DEPOSIT_TYPE = { '01': 'regular', '02': 'supplementary' } as const
const LOAN_STATUS = { '01': 'repaying', '02': 'overdue', '03': 'settled' } as const
const REPAYMENT = { '1': 'equal-instalment', '2': 'equal-principal' } as const

function percent(value: string): number {
  const m = /^(\d+(?:\.\d+)?)%$/.exec(String(value).trim())
  if (!m) throw new Error(`"${value}" is not a percentage`)
  return Number(m[1])
}

export function mapAccount(a: FundAccount): CanonicalRecord {
  return {
    kind: 'housing-fund-account',
    recordId: a.个人账号,
    data: {
      recordId: a.个人账号,
      subjectId: a.证件号码,
      subjectName: a.姓名,
      accountNumber: a.个人账号,
      employerName: a.单位名称 === '' ? null : a.单位名称,
      status: decode(ACCOUNT_STATUS, a.账户状态, '账户状态'),
      openedOn: requiredDate(a.开户日期),
      contributionBase: yuan(a.缴存基数, { cents: true }),
      monthlyContribution: yuan(a.月缴存额, { cents: true }),
      employerRatePercent: percent(a.单位缴存比例),
      personalRatePercent: percent(a.个人缴存比例),
      balance: yuan(a.账户余额, { cents: true }),
      paidUpTo: a.缴至年月 === '' ? null : isoMonth(a.缴至年月),
    },
  }
}

/** Deposit lines do not repeat the holder's ID: the adapter supplies the one it asked about. */
export const mapDeposit =
  (subjectId: string) =>
  (d: FundDeposit): CanonicalRecord => ({
    kind: 'housing-fund-contribution',
    recordId: d.业务流水号,
    data: {
      recordId: d.业务流水号,
      subjectId,
      accountNumber: d.个人账号,
      period: isoMonth(d.汇缴年月),
      amount: yuan(d.发生额, { cents: true }),
      type: decode(DEPOSIT_TYPE, d.业务类型, '业务类型'),
      postedOn: requiredDate(d.记账日期),
    },
  })

export function mapLoan(l: FundLoan): CanonicalRecord {
  return {
    kind: 'housing-fund-loan',
    recordId: l.借款合同号,
    data: {
      recordId: l.借款合同号,
      subjectId: l.借款人证件号码,
      subjectName: l.借款人姓名,
      contractNumber: l.借款合同号,
      principal: yuan(l.贷款金额, { cents: true }),
      outstanding: yuan(l.贷款余额, { cents: true }),
      termMonths: l.贷款期限,
      annualRatePercent: String(l.贷款利率),
      disbursedOn: requiredDate(l.放款日期),
      status: decode(LOAN_STATUS, l.贷款状态, '贷款状态'),
      repaymentMethod: decode(REPAYMENT, l.还款方式, '还款方式'),
      overdueInstalments: l.逾期期数,
    },
  }
}

export function mapCertificate(c: FundCertificate): IssuedCertificate {
  if (c.证件类型 !== ID_TYPE_RESIDENT) throw new Error(`unknown 证件类型 "${c.证件类型}"`)
  const validUntil = isoDate(c.有效期至)
  return {
    typeCode: c.证照类型代码,
    serial: c.证明编号,
    holder: { idType: 'resident-id', idNumber: c.证件号码, name: c.姓名 },
    issuedOn: requiredDate(c.出具日期),
    ...(validUntil ? { validUntil } : {}),
    faceData: {
      accountNumber: c.个人账号,
      monthlyAmount: Number(yuan(c.月缴存额, { cents: true })),
      paidThrough: isoMonth(c.缴至年月),
    },
  }
}
