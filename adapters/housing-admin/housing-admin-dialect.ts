/**
 * The 房地产管理 (房管局) transaction system's dialect: an envelope whose keys are Chinese
 * (`状态`, `错误代码`, `数据`, `分页`), amounts with thousands separators (`"1,234,567.00"`), dates
 * `yyyy/MM/dd`, and buyers/sellers as lists of parties.
 */
import type { CanonicalRecord, IssuedCertificate } from '../adapter-contract.ts'
import { decode, requiredDate, yuan } from '../dialect-values.ts'

export interface AdminEnvelope<T> {
  状态: '成功' | '失败'
  错误代码: string
  错误信息: string
  数据: T[] | null
  分页?: { 当前页: number; 每页条数: number; 总页数: number; 总条数: number }
}

export interface AdminParty {
  姓名: string
  证件号码: string
}

export interface AdminFiling {
  备案号: string
  合同编号: string
  项目名称: string
  开发企业: string
  开发企业统一社会信用代码: string
  房屋坐落: string
  建筑面积: string
  合同总价: string
  签约日期: string
  备案日期: string
  备案状态: string
  买受人: AdminParty[]
}

export interface AdminTransaction {
  交易编号: string
  房屋坐落: string
  建筑面积: string
  成交价格: string
  合同签订日期: string
  交易状态: string
  买方: AdminParty[]
  卖方: AdminParty[]
}

/** 备案证明 as `/fgj/wqba/bazm` lists them, in the order they were issued; 买受人 first is the holder. */
export interface AdminCertificate {
  证明编号: string
  证照类型代码: string
  备案号: string
  项目名称: string
  买受人: AdminParty[]
  出具日期: string
  证明状态: string
}

export const ADMIN_CODES = { noRecord: 'FG-404' } as const

const FILING_STATUS = { 有效: 'filed', 已注销: 'cancelled' } as const
const TRANSACTION_STATUS = { 已签约: 'signed', 已过户: 'transferred', 已撤销: 'cancelled' } as const

function area(value: string): number {
  const n = Number(value)
  if (!Number.isFinite(n) || n <= 0) throw new Error(`"${value}" is not an area`)
  return n
}

/** Filings list every buyer; the canonical record names the one asked about and counts the rest. */
export const mapFiling =
  (subjectId: string) =>
  (f: AdminFiling): CanonicalRecord => {
    const buyers = Array.isArray(f.买受人) ? f.买受人 : []
    const me = buyers.find((b) => b.证件号码.toUpperCase() === subjectId)
    if (!me) throw new Error(`filing ${f.备案号} does not list the buyer asked about`)
    return {
      kind: 'new-home-contract-filing',
      recordId: f.备案号,
      data: {
        recordId: f.备案号,
        subjectId,
        buyerName: me.姓名,
        coBuyers: buyers.length - 1,
        contractNumber: f.合同编号,
        projectName: f.项目名称,
        developerName: f.开发企业,
        developerCreditCode: f.开发企业统一社会信用代码,
        location: f.房屋坐落,
        buildingAreaSqm: area(f.建筑面积),
        totalPrice: yuan(f.合同总价),
        signedOn: requiredDate(f.签约日期),
        filedOn: requiredDate(f.备案日期),
        status: decode(FILING_STATUS, f.备案状态, '备案状态'),
      },
    }
  }

export const mapTransaction =
  (subjectId: string) =>
  (t: AdminTransaction): CanonicalRecord => {
    const buyer = (t.买方 ?? []).find((p) => p.证件号码.toUpperCase() === subjectId)
    const seller = (t.卖方 ?? []).find((p) => p.证件号码.toUpperCase() === subjectId)
    const party = buyer ?? seller
    if (!party) throw new Error(`transaction ${t.交易编号} does not list the party asked about`)
    return {
      kind: 'second-hand-transaction',
      recordId: t.交易编号,
      data: {
        recordId: t.交易编号,
        subjectId,
        subjectName: party.姓名,
        role: buyer ? 'buyer' : 'seller',
        location: t.房屋坐落,
        buildingAreaSqm: area(t.建筑面积),
        price: yuan(t.成交价格),
        signedOn: requiredDate(t.合同签订日期),
        status: decode(TRANSACTION_STATUS, t.交易状态, '交易状态'),
      },
    }
  }

const PROOF_STATUS = { 有效: 'valid', 已注销: 'revoked' } as const

export function mapCertificate(c: AdminCertificate): IssuedCertificate {
  const holder = Array.isArray(c.买受人) ? c.买受人[0] : undefined
  if (!holder) throw new Error(`备案证明 ${c.证明编号} names no 买受人`)
  const status = decode(PROOF_STATUS, c.证明状态, '证明状态')
  return {
    typeCode: c.证照类型代码,
    serial: c.证明编号,
    holder: { idType: 'resident-id', idNumber: holder.证件号码, name: holder.姓名 },
    issuedOn: requiredDate(c.出具日期),
    faceData: { contractNumber: c.备案号, project: c.项目名称 },
    status,
    ...(status === 'revoked' ? { statusReason: '合同备案已注销' } : {}),
  }
}
