import { afterEach, describe, expect, it } from 'vitest'
import { UpstreamError } from '../../platform/errors/app-error.ts'
import { readAllCertificates, TEST_TYPE_CODE } from '../certificate-feed-test-support.ts'
import { jsonHeaders, mockUpstream } from '../mock-upstream.ts'
import { createHousingFundAdapter } from './housing-fund-adapter.ts'
import type { FundCertificate, FundDeposit } from './housing-fund-dialect.ts'

const ID = '141021199005170039'
const subject = { idType: 'resident-id', idNumber: ID } as const
let mock = mockUpstream()
const adapter = () => createHousingFundAdapter(mock.client, 'lf-hfund', [])
afterEach(async () => {
  await mock.close()
  mock = mockUpstream()
})

const ok = (body: unknown) => ({ head: { retCode: '000000', retMsg: '交易成功' }, body })
const account = {
  个人账号: '01410123456789',
  姓名: '李建国',
  证件号码: ID,
  单位名称: '临汾华晋建筑工程有限公司',
  账户状态: '1',
  开户日期: '2012-04-09',
  缴存基数: 560000,
  月缴存额: 134400,
  单位缴存比例: '12%',
  个人缴存比例: '12%',
  账户余额: 8765432,
  缴至年月: '202509',
}
const deposit = (n: number): FundDeposit => ({
  业务流水号: `HJ${n}`,
  个人账号: '01410123456789',
  汇缴年月: '202509',
  发生额: 134400,
  业务类型: '01',
  记账日期: '2025-09-15',
})

const proof = (n: number): FundCertificate => ({
  证明编号: `JCZM${n}`,
  证照类型代码: TEST_TYPE_CODE,
  姓名: '李建国',
  证件类型: '01',
  证件号码: ID,
  个人账号: '01410123456789',
  月缴存额: 134400,
  缴至年月: '202610',
  出具日期: '2026-11-05',
  有效期至: '2027-02-04',
})

async function upstreamError(promise: Promise<unknown>): Promise<UpstreamError> {
  const error = await promise.catch((e: unknown) => e)
  expect(error).toBeInstanceOf(UpstreamError)
  return error as UpstreamError
}

describe('housing-fund adapter (公积金)', () => {
  it('maps 个人账户信息: 分 to yuan, "12%" to 12, 封存 to sealed', async () => {
    mock.upstream
      .intercept({ path: '/gjj/api/GRZHXX', method: 'POST', body: JSON.stringify({ zjlx: '01', zjhm: ID }) })
      .reply(200, ok(account), jsonHeaders)
    const [record] = await adapter().lookupBySubject!('housing-fund-account', subject)
    expect(record?.data).toEqual({
      recordId: '01410123456789',
      subjectId: ID,
      subjectName: '李建国',
      accountNumber: '01410123456789',
      employerName: '临汾华晋建筑工程有限公司',
      status: 'sealed',
      openedOn: '2012-04-09',
      contributionBase: '5600.00',
      monthlyContribution: '1344.00',
      employerRatePercent: 12,
      personalRatePercent: 12,
      balance: '87654.32',
      paidUpTo: '2025-09',
    })
  })

  it('maps loans with their code tables', async () => {
    mock.upstream.intercept({ path: '/gjj/api/DKXX', method: 'POST' }).reply(
      200,
      ok({
        zys: 1,
        zts: 1,
        jls: [
          {
            借款合同号: 'LFGJJ2019123456',
            借款人姓名: '李建国',
            借款人证件号码: ID,
            贷款金额: 50000000,
            贷款余额: 31234500,
            贷款期限: 240,
            贷款利率: '2.85',
            放款日期: '2019-06-20',
            贷款状态: '02',
            还款方式: '1',
            逾期期数: 2,
          },
        ],
      }),
      jsonHeaders,
    )
    const [loan] = await adapter().lookupBySubject!('housing-fund-loan', subject)
    expect(loan?.data).toMatchObject({
      principal: '500000.00',
      outstanding: '312345.00',
      status: 'overdue',
      repaymentMethod: 'equal-instalment',
      overdueInstalments: 2,
    })
  })

  it('pages deposits by 当前页码 until 总页数', async () => {
    for (const dqym of [1, 2, 3]) {
      mock.upstream
        .intercept({
          path: '/gjj/api/JCMX',
          method: 'POST',
          body: JSON.stringify({ zjlx: '01', zjhm: ID, dqym, mysl: 50 }),
        })
        .reply(
          200,
          ok({
            zys: 3,
            zts: 120,
            jls: Array.from({ length: dqym < 3 ? 50 : 20 }, (_, i) => deposit(dqym * 100 + i)),
          }),
          jsonHeaders,
        )
    }
    const records = await adapter().lookupBySubject!('housing-fund-contribution', subject)
    expect(records).toHaveLength(120)
    expect(records[0]?.data).toEqual({
      recordId: 'HJ100',
      subjectId: ID,
      accountNumber: '01410123456789',
      period: '2025-09',
      amount: '1344.00',
      type: 'regular',
      postedOn: '2025-09-15',
    })
    mock.assertAllCalled()
  })

  it('lists 缴存证明 by 当前页码, resuming in the middle of a page from its cursor', async () => {
    const jczm = (dqym: number, jls: FundCertificate[]) =>
      mock.upstream
        .intercept({ path: '/gjj/api/JCZMXX', method: 'POST', body: JSON.stringify({ dqym, mysl: 50 }) })
        .reply(200, ok({ zys: 2, zts: 53, jls }), jsonHeaders)
    jczm(
      1,
      Array.from({ length: 50 }, (_, i) => proof(i + 1)),
    )
    jczm(2, [proof(51), proof(52), proof(53)])
    const { certificates, cursors } = await readAllCertificates(adapter(), '48')
    expect(cursors).toEqual(['50', '53'])
    expect(certificates.map((c) => c.serial)).toEqual(['JCZM49', 'JCZM50', 'JCZM51', 'JCZM52', 'JCZM53'])
    expect(certificates[0]).toEqual({
      typeCode: TEST_TYPE_CODE,
      serial: 'JCZM49',
      holder: { idType: 'resident-id', idNumber: ID, name: '李建国' },
      issuedOn: '2026-11-05',
      validUntil: '2027-02-04',
      faceData: { accountNumber: '01410123456789', monthlyAmount: 1344, paidThrough: '2026-10' },
    })
  })

  it('refuses a 缴存证明 for an unknown 证件类型 as an invalid answer', async () => {
    mock.upstream
      .intercept({ path: '/gjj/api/JCZMXX', method: 'POST' })
      .reply(200, ok({ zys: 1, zts: 1, jls: [{ ...proof(1), 证件类型: '02' }] }), jsonHeaders)
    const error = await upstreamError(adapter().certificatesSince!(null))
    expect([error.status, error.code]).toEqual([502, 'upstream-invalid-answer'])
  })

  it('answers an empty list for E00404 无此账户', async () => {
    mock.upstream
      .intercept({ path: '/gjj/api/GRZHXX', method: 'POST' })
      .reply(200, { head: { retCode: 'E00404', retMsg: '无此账户' }, body: null }, jsonHeaders)
    expect(await adapter().lookupBySubject!('housing-fund-account', subject)).toEqual([])
  })

  it('retries its read-only POST transactions after a 503', async () => {
    await mock.close()
    mock = mockUpstream({ retry: { retries: 2, baseDelayMs: 1, maxDelayMs: 2 } })
    mock.upstream.intercept({ path: '/gjj/api/GRZHXX', method: 'POST' }).reply(503, '')
    mock.upstream.intercept({ path: '/gjj/api/GRZHXX', method: 'POST' }).reply(200, ok(account), jsonHeaders)
    expect(await adapter().lookupBySubject!('housing-fund-account', subject)).toHaveLength(1)
  })

  it.each([
    [
      'E99999 系统异常',
      200,
      { head: { retCode: 'E99999', retMsg: '系统异常' }, body: null },
      'upstream-failed',
    ],
    [
      'a refused token (HTTP 401)',
      401,
      { head: { retCode: 'E00401', retMsg: '令牌无效' }, body: null },
      'upstream-failed',
    ],
    ['an answer without head', 200, { retCode: '000000' }, 'upstream-invalid-answer'],
    ['an unknown 账户状态', 200, ok({ ...account, 账户状态: '7' }), 'upstream-invalid-answer'],
    ['a negative balance', 200, ok({ ...account, 账户余额: -5 }), 'upstream-invalid-answer'],
    ['a rate above the legal 12%', 200, ok({ ...account, 单位缴存比例: '15%' }), 'upstream-invalid-answer'],
  ])('turns %s into a 502', async (_name, status, body, code) => {
    mock.upstream.intercept({ path: '/gjj/api/GRZHXX', method: 'POST' }).reply(status, body, jsonHeaders)
    const error = await upstreamError(adapter().lookupBySubject!('housing-fund-account', subject))
    expect([error.status, error.code]).toEqual([502, code])
  })

  it('turns a system that does not answer in time into 504', async () => {
    await mock.close()
    mock = mockUpstream({ requestTimeoutMs: 50 })
    mock.upstream
      .intercept({ path: '/gjj/api/GRZHXX', method: 'POST' })
      .reply(200, ok(account), jsonHeaders)
      .delay(2_000)
    const error = await upstreamError(adapter().lookupBySubject!('housing-fund-account', subject))
    expect([error.status, error.code]).toEqual([504, 'upstream-timeout'])
  })
})
