import { afterEach, describe, expect, it } from 'vitest'
import { InputError, UpstreamError } from '../../platform/errors/app-error.ts'
import { readAllCertificates, TEST_TYPE_CODE } from '../certificate-feed-test-support.ts'
import { jsonHeaders, mockUpstream } from '../mock-upstream.ts'
import { createHrssAdapter } from './hrss-adapter.ts'
import type { HrssCertificate, HrssContribution } from './hrss-dialect.ts'

const ID = '141002198503120022'
const subject = { idType: 'resident-id', idNumber: ID } as const
let mock = mockUpstream()
const adapter = () => createHrssAdapter(mock.client, 'lf-hrss', ['R-HRSS-1'])
afterEach(async () => {
  await mock.close()
  mock = mockUpstream()
})

const ok = (data: unknown) => ({ code: '0000', msg: '成功', data })
const enrolment = {
  个人编号: '141000123456',
  姓名: '王秀英',
  公民身份号码: ID,
  险种代码: '110',
  参保状态: '1',
  参保日期: '20080701',
  单位名称: '临汾汾河焦化有限公司',
  统一社会信用代码: '91141002MA0K12345X',
  登记序号: 'CB-1',
}
const line = (n: number): HrssContribution => ({
  流水号: `JF${n}`,
  姓名: '王秀英',
  公民身份号码: ID,
  险种代码: '310',
  费款所属期: '202603',
  缴费基数: 4500,
  单位缴费金额: 337.5,
  个人缴费金额: '90',
  缴费标志: '1',
  到账日期: '20260318',
  变更序号: n,
})

const proof = (n: number): HrssCertificate => ({
  证明编号: `CBZM${n}`,
  证照类型代码: TEST_TYPE_CODE,
  姓名: '王秀英',
  公民身份号码: ID,
  参保险种: '110,310',
  累计缴费月数: 46,
  开具日期: '20261105',
  有效期至: '20270504',
  证明状态: '1',
  变更序号: n,
})

async function upstreamError(promise: Promise<unknown>): Promise<UpstreamError> {
  const error = await promise.catch((e: unknown) => e)
  expect(error).toBeInstanceOf(UpstreamError)
  return error as UpstreamError
}

describe('hrss adapter (人社)', () => {
  it('maps 参保信息 to canonical enrolment records', async () => {
    mock.upstream.intercept({ path: `/hrss/api/v1/cbxx?sfzhm=${ID}`, method: 'GET' }).reply(
      200,
      ok({
        list: [
          enrolment,
          {
            ...enrolment,
            险种代码: '310',
            参保状态: '2',
            单位名称: '',
            统一社会信用代码: '',
            登记序号: 'CB-2',
          },
        ],
      }),
      jsonHeaders,
    )
    const records = await adapter().lookupBySubject!('social-insurance-enrolment', subject)
    expect(records.map((r) => r.data)).toEqual([
      {
        recordId: 'CB-1',
        subjectId: ID,
        subjectName: '王秀英',
        personNumber: '141000123456',
        insuranceType: 'pension',
        status: 'contributing',
        enrolledOn: '2008-07-01',
        employerName: '临汾汾河焦化有限公司',
        employerCreditCode: '91141002MA0K12345X',
      },
      expect.objectContaining({
        insuranceType: 'medical',
        status: 'suspended',
        employerName: null,
        employerCreditCode: null,
      }),
    ])
  })

  it('maps contribution lines: amounts as two-place yuan, 欠缴 lines unpaid with no date', async () => {
    mock.upstream.intercept({ path: /\/jfmx\?/, method: 'GET' }).reply(
      200,
      ok({
        total: 2,
        pageNo: 1,
        pageSize: 100,
        list: [line(1), { ...line(2), 缴费标志: '0', 到账日期: '' }],
      }),
      jsonHeaders,
    )
    const records = await adapter().lookupBySubject!('social-insurance-contribution', subject)
    expect(records.map((r) => r.data)).toEqual([
      expect.objectContaining({
        period: '2026-03',
        contributionBase: '4500.00',
        employerAmount: '337.50',
        personalAmount: '90.00',
        paid: true,
        paidOn: '2026-03-18',
      }),
      expect.objectContaining({ recordId: 'JF2', paid: false, paidOn: null }),
    ])
  })

  it('follows pageNo until it has every contribution line', async () => {
    const lines = Array.from({ length: 130 }, (_, i) => line(i + 1))
    mock.upstream
      .intercept({ path: `/hrss/api/v1/jfmx?sfzhm=${ID}&pageNo=1&pageSize=100`, method: 'GET' })
      .reply(200, ok({ total: 130, pageNo: 1, pageSize: 100, list: lines.slice(0, 100) }), jsonHeaders)
    mock.upstream
      .intercept({ path: `/hrss/api/v1/jfmx?sfzhm=${ID}&pageNo=2&pageSize=100`, method: 'GET' })
      .reply(200, ok({ total: 130, pageNo: 2, pageSize: 100, list: lines.slice(100) }), jsonHeaders)
    const records = await adapter().lookupBySubject!('social-insurance-contribution', subject)
    expect(records.map((r) => r.recordId)).toEqual(lines.map((l) => l.流水号))
    mock.assertAllCalled()
  })

  it('pages a query with an opaque cursor and filters by insurance type code', async () => {
    mock.upstream
      .intercept({ path: `/hrss/api/v1/jfmx?sfzhm=${ID}&xzdm=310&pageNo=2&pageSize=2`, method: 'GET' })
      .reply(200, ok({ total: 5, pageNo: 2, pageSize: 2, list: [line(3), line(4)] }), jsonHeaders)
    const page = await adapter().query!(
      'social-insurance-contribution',
      { subjectId: ID, insuranceType: 'medical' },
      { cursor: '2', limit: 2 },
    )
    expect(page.items).toHaveLength(2)
    expect(page.nextCursor).toBe('3')
  })

  it('answers an empty list for 2001 查无此人', async () => {
    mock.upstream
      .intercept({ path: /\/jyzt/, method: 'GET' })
      .reply(200, { code: '2001', msg: '查无此人', data: null }, jsonHeaders)
    expect(await adapter().lookupBySubject!('employment-status', subject)).toEqual([])
  })

  it('reads changes after a 变更序号 cursor and hands back the last one', async () => {
    mock.upstream
      .intercept({ path: '/hrss/api/v1/jfmx/bgjl?qsxh=40&pageSize=2', method: 'GET' })
      .reply(200, ok({ list: [line(41), line(42)], 最大序号: 90 }), jsonHeaders)
    mock.upstream
      .intercept({ path: '/hrss/api/v1/jfmx/bgjl?qsxh=42&pageSize=2', method: 'GET' })
      .reply(200, ok({ list: [], 最大序号: 42 }), jsonHeaders)
    const first = await adapter().changesSince!('social-insurance-contribution', '40', 2)
    expect([first.records.length, first.cursor, first.caughtUp]).toEqual([2, '42', false])
    const second = await adapter().changesSince!('social-insurance-contribution', first.cursor, 2)
    expect([second.records.length, second.cursor, second.caughtUp]).toEqual([0, '42', true])
  })

  it('reads 参保证明 from their change log, 100 at a time, resuming after the last 变更序号', async () => {
    const bgjl = (qsxh: number, list: HrssCertificate[]) =>
      mock.upstream
        .intercept({ path: `/hrss/api/v1/cbzm/bgjl?qsxh=${qsxh}&pageSize=100`, method: 'GET' })
        .reply(200, ok({ list, 最大序号: 101 }), jsonHeaders)
    bgjl(
      0,
      Array.from({ length: 100 }, (_, i) => proof(i + 1)),
    )
    bgjl(100, [{ ...proof(101), 证明状态: '0' }])
    const { certificates, cursors } = await readAllCertificates(adapter())
    expect(cursors).toEqual(['100', '101'])
    expect(certificates[0]).toEqual({
      typeCode: TEST_TYPE_CODE,
      serial: 'CBZM1',
      holder: { idType: 'resident-id', idNumber: ID, name: '王秀英' },
      issuedOn: '2026-11-05',
      validUntil: '2027-05-04',
      faceData: { insuranceKinds: '养老,医疗', months: 46 },
      status: 'valid',
    })
    expect(certificates[100]).toMatchObject({ serial: 'CBZM101', status: 'revoked' })
  })

  it('refuses a 参保证明 with an unknown 险种代码, and a cursor it did not issue', async () => {
    mock.upstream
      .intercept({ path: /\/cbzm\/bgjl/, method: 'GET' })
      .reply(200, ok({ list: [{ ...proof(1), 参保险种: '110,999' }] }), jsonHeaders)
    const error = await upstreamError(adapter().certificatesSince!(null))
    expect([error.status, error.code]).toEqual([502, 'upstream-invalid-answer'])
    await expect(adapter().certificatesSince!('CBZM1')).rejects.toBeInstanceOf(InputError)
  })

  it('refuses a malformed or checksum-failing resident ID before calling the system', async () => {
    const error = await adapter().lookupBySubject!('social-insurance-enrolment', {
      idType: 'resident-id',
      idNumber: '141002198503120023',
    }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(InputError)
    expect((error as InputError).code).toBe('invalid-resident-id')
  })

  it.each([
    ['9999 系统繁忙', { code: '9999', msg: '系统繁忙', data: null }, 'upstream-failed'],
    ['4010 a rejected app key', { code: '4010', msg: '应用密钥无效', data: null }, 'upstream-failed'],
    ['an answer without the envelope', { list: [] }, 'upstream-invalid-answer'],
    ['an unknown 险种代码', ok({ list: [{ ...enrolment, 险种代码: '999' }] }), 'upstream-invalid-answer'],
    [
      'a record breaking the canonical schema',
      ok({ list: [{ ...enrolment, 公民身份号码: '123' }] }),
      'upstream-invalid-answer',
    ],
  ])('turns %s into a 502', async (_name, body, code) => {
    mock.upstream.intercept({ path: /\/cbxx/, method: 'GET' }).reply(200, body, jsonHeaders)
    const error = await upstreamError(adapter().lookupBySubject!('social-insurance-enrolment', subject))
    expect([error.status, error.code]).toEqual([502, code])
  })

  it('turns an HTTP 500 into 502 upstream-failed', async () => {
    mock.upstream
      .intercept({ path: /\/cbxx/, method: 'GET' })
      .reply(500, '<html>Internal Server Error</html>')
    const error = await upstreamError(adapter().lookupBySubject!('social-insurance-enrolment', subject))
    expect([error.status, error.code]).toEqual([502, 'upstream-failed'])
  })

  it('turns a system that does not answer in time into 504', async () => {
    await mock.close()
    mock = mockUpstream({ requestTimeoutMs: 50 })
    mock.upstream
      .intercept({ path: /\/cbxx/, method: 'GET' })
      .reply(200, ok({ list: [] }), jsonHeaders)
      .delay(2_000)
    const error = await upstreamError(adapter().lookupBySubject!('social-insurance-enrolment', subject))
    expect([error.status, error.code]).toEqual([504, 'upstream-timeout'])
  })

  it('reports health from the 系统状态 endpoint', async () => {
    mock.upstream
      .intercept({ path: '/hrss/api/v1/xtzt', method: 'GET' })
      .reply(200, ok({ 状态: '正常' }), jsonHeaders)
    expect(await adapter().health()).toEqual({ status: 'up', breaker: 'closed' })
    mock.upstream.intercept({ path: '/hrss/api/v1/xtzt', method: 'GET' }).reply(503, '')
    expect(await adapter().health()).toMatchObject({ status: 'down' })
  })
})
