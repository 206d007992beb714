import { afterEach, describe, expect, it } from 'vitest'
import { UpstreamError } from '../../platform/errors/app-error.ts'
import { readAllCertificates, TEST_TYPE_CODE } from '../certificate-feed-test-support.ts'
import { jsonHeaders, mockUpstream } from '../mock-upstream.ts'
import { createHousingAdminAdapter } from './housing-admin-adapter.ts'
import type { AdminCertificate, AdminFiling } from './housing-admin-dialect.ts'

const ID = '141021199005170039'
const SPOUSE = '141002198503120022'
const subject = { idType: 'resident-id', idNumber: ID } as const
let mock = mockUpstream()
const adapter = () => createHousingAdminAdapter(mock.client, 'lf-housing', [])
afterEach(async () => {
  await mock.close()
  mock = mockUpstream()
})

const ok = (数据: unknown[], 总页数 = 1) => ({
  状态: '成功',
  错误代码: '',
  错误信息: '',
  数据,
  分页: { 当前页: 1, 每页条数: 50, 总页数, 总条数: 数据.length },
})
const filing = (n: number): AdminFiling => ({
  备案号: `BA2024${n}`,
  合同编号: 'LFWQ2024000123',
  项目名称: '汾河湾·御景',
  开发企业: '临汾汾河建筑工程有限公司',
  开发企业统一社会信用代码: '91141002MA0K12348C',
  房屋坐落: '汾河湾·御景3号楼1502室',
  建筑面积: '118.60',
  合同总价: '1,034,567.00',
  签约日期: '2024/03/08',
  备案日期: '2024/03/11',
  备案状态: '有效',
  买受人: [
    { 姓名: '李建国', 证件号码: ID },
    { 姓名: '王秀英', 证件号码: SPOUSE },
  ],
})

const proof = (n: number): AdminCertificate => ({
  证明编号: `BAZM${n}`,
  证照类型代码: TEST_TYPE_CODE,
  备案号: `BA2024${n}`,
  项目名称: '汾河湾·御景',
  买受人: filing(n).买受人,
  出具日期: '2024/03/11',
  证明状态: '有效',
})

async function upstreamError(promise: Promise<unknown>): Promise<UpstreamError> {
  const error = await promise.catch((e: unknown) => e)
  expect(error).toBeInstanceOf(UpstreamError)
  return error as UpstreamError
}

describe('housing-admin adapter (房管)', () => {
  it('maps a 网签备案 filing for the buyer asked about, counting co-buyers without naming them', async () => {
    mock.upstream
      .intercept({ path: `/fgj/wqba/xfht?zjhm=${ID}&page=1&rows=50`, method: 'GET' })
      .reply(200, ok([filing(1)]), jsonHeaders)
    const [record] = await adapter().lookupBySubject!('new-home-contract-filing', subject)
    expect(record?.data).toEqual({
      recordId: 'BA20241',
      subjectId: ID,
      buyerName: '李建国',
      coBuyers: 1,
      contractNumber: 'LFWQ2024000123',
      projectName: '汾河湾·御景',
      developerName: '临汾汾河建筑工程有限公司',
      developerCreditCode: '91141002MA0K12348C',
      location: '汾河湾·御景3号楼1502室',
      buildingAreaSqm: 118.6,
      totalPrice: '1034567.00',
      signedOn: '2024-03-08',
      filedOn: '2024-03-11',
      status: 'filed',
    })
    expect(JSON.stringify(record)).not.toContain(SPOUSE)
  })

  it('maps a second-hand transaction with the subject as seller', async () => {
    mock.upstream.intercept({ path: /\/fgj\/clf\/jy\?/, method: 'GET' }).reply(
      200,
      ok([
        {
          交易编号: 'CLF2023000007',
          房屋坐落: '解放路12号3单元502室',
          建筑面积: '89.00',
          成交价格: '512,000.00',
          合同签订日期: '2023/11/02',
          交易状态: '已过户',
          买方: [{ 姓名: '王秀英', 证件号码: SPOUSE }],
          卖方: [{ 姓名: '李建国', 证件号码: ID }],
        },
      ]),
      jsonHeaders,
    )
    const [record] = await adapter().lookupBySubject!('second-hand-transaction', subject)
    expect(record?.data).toMatchObject({
      role: 'seller',
      subjectName: '李建国',
      price: '512000.00',
      status: 'transferred',
    })
  })

  it('pages by page/rows until 总页数', async () => {
    mock.upstream
      .intercept({ path: `/fgj/wqba/xfht?zjhm=${ID}&page=1&rows=50`, method: 'GET' })
      .reply(200, ok([filing(1)], 2), jsonHeaders)
    mock.upstream
      .intercept({ path: `/fgj/wqba/xfht?zjhm=${ID}&page=2&rows=50`, method: 'GET' })
      .reply(200, ok([filing(2)], 2), jsonHeaders)
    const records = await adapter().lookupBySubject!('new-home-contract-filing', subject)
    expect(records.map((r) => r.recordId)).toEqual(['BA20241', 'BA20242'])
    mock.assertAllCalled()
  })

  it('lists 备案证明 by page/rows, held by the first buyer; 已注销 ones revoked', async () => {
    const bazm = (page: number, 数据: AdminCertificate[]) =>
      mock.upstream
        .intercept({ path: `/fgj/wqba/bazm?page=${page}&rows=50`, method: 'GET' })
        .reply(
          200,
          { ...ok(数据, 2), 分页: { 当前页: page, 每页条数: 50, 总页数: 2, 总条数: 51 } },
          jsonHeaders,
        )
    bazm(
      1,
      Array.from({ length: 50 }, (_, i) => proof(i + 1)),
    )
    bazm(2, [{ ...proof(51), 证明状态: '已注销' }])
    const { certificates, cursors } = await readAllCertificates(adapter())
    expect(cursors).toEqual(['50', '51'])
    expect(certificates[0]).toEqual({
      typeCode: TEST_TYPE_CODE,
      serial: 'BAZM1',
      holder: { idType: 'resident-id', idNumber: ID, name: '李建国' },
      issuedOn: '2024-03-11',
      faceData: { contractNumber: 'BA20241', project: '汾河湾·御景' },
      status: 'valid',
    })
    expect(certificates[50]).toMatchObject({ status: 'revoked', statusReason: '合同备案已注销' })
  })

  it('is caught up on FG-404 无记录 and refuses a 备案证明 without a buyer', async () => {
    mock.upstream
      .intercept({ path: /bazm/, method: 'GET' })
      .reply(200, { 状态: '失败', 错误代码: 'FG-404', 错误信息: '无记录', 数据: null }, jsonHeaders)
    expect(await adapter().certificatesSince!('7')).toEqual({ certificates: [], cursor: '7', caughtUp: true })
    mock.upstream
      .intercept({ path: /bazm/, method: 'GET' })
      .reply(200, ok([{ ...proof(1), 买受人: [] }]), jsonHeaders)
    const error = await upstreamError(adapter().certificatesSince!(null))
    expect([error.status, error.code]).toEqual([502, 'upstream-invalid-answer'])
  })

  it('answers an empty list for FG-404 无记录', async () => {
    mock.upstream
      .intercept({ path: /xfht/, method: 'GET' })
      .reply(200, { 状态: '失败', 错误代码: 'FG-404', 错误信息: '无记录', 数据: null }, jsonHeaders)
    expect(await adapter().lookupBySubject!('new-home-contract-filing', subject)).toEqual([])
  })

  it.each([
    [
      'FG-500 系统错误',
      { 状态: '失败', 错误代码: 'FG-500', 错误信息: '系统错误', 数据: null },
      'upstream-failed',
    ],
    [
      'FG-401 令牌无效',
      { 状态: '失败', 错误代码: 'FG-401', 错误信息: '令牌无效', 数据: null },
      'upstream-failed',
    ],
    ['an envelope in another language', { status: 'ok', data: [] }, 'upstream-invalid-answer'],
    [
      'a filing that does not list the buyer',
      ok([{ ...filing(1), 买受人: [{ 姓名: '王秀英', 证件号码: SPOUSE }] }]),
      'upstream-invalid-answer',
    ],
    ['a price that is not an amount', ok([{ ...filing(1), 合同总价: '面议' }]), 'upstream-invalid-answer'],
    ['an unknown 备案状态', ok([{ ...filing(1), 备案状态: '冻结' }]), 'upstream-invalid-answer'],
  ])('turns %s into a 502', async (_name, body, code) => {
    mock.upstream.intercept({ path: /xfht/, method: 'GET' }).reply(200, body, jsonHeaders)
    const error = await upstreamError(adapter().lookupBySubject!('new-home-contract-filing', subject))
    expect([error.status, error.code]).toEqual([502, code])
  })

  it('turns a system that does not answer in time into 504', async () => {
    await mock.close()
    mock = mockUpstream({ requestTimeoutMs: 50 })
    mock.upstream.intercept({ path: /xfht/, method: 'GET' }).reply(200, ok([]), jsonHeaders).delay(2_000)
    const error = await upstreamError(adapter().lookupBySubject!('new-home-contract-filing', subject))
    expect([error.status, error.code]).toEqual([504, 'upstream-timeout'])
  })
})
