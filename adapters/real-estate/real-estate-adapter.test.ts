import { afterEach, describe, expect, it } from 'vitest'
import { InputError, UpstreamError } from '../../platform/errors/app-error.ts'
import { readAllCertificates, TEST_TYPE_CODE } from '../certificate-feed-test-support.ts'
import { jsonHeaders, mockUpstream } from '../mock-upstream.ts'
import { createRealEstateAdapter } from './real-estate-adapter.ts'
import type { EstateCertificate, EstateRight } from './real-estate-dialect.ts'

const ID = '141021199005170039'
const COMPANY = '91141002MA0K12348C'
const person = { idType: 'resident-id', idNumber: ID } as const
let mock = mockUpstream()
const adapter = () => createRealEstateAdapter(mock.client, 'lf-realestate', [])
afterEach(async () => {
  await mock.close()
  mock = mockUpstream()
})

const ok = (rows: unknown[], total = rows.length) => ({
  success: true,
  errorCode: null,
  message: '查询成功',
  result: { rows, total },
})
const right = (n: number): EstateRight => ({
  登记业务号: `DJ2019${n}`,
  权利人: '李建国',
  证件号码: ID,
  不动产权证书号: '晋(2019)临汾市不动产权第0012345号',
  不动产单元号: '141002003012GB00123F00010023',
  坐落: '滨河花园3号楼2单元1502室',
  建筑面积: '89.56',
  规划用途: '住宅',
  共有情况: '按份共有',
  共有比例: '50%',
  登簿日期: '2019年05月20日',
  权属状态: '现势',
})

const issued = (n: number): EstateCertificate => ({
  证照流水号: `BDCZS${n}`,
  证照类型代码: TEST_TYPE_CODE,
  权利人: '李建国',
  证件类型: 'sfz',
  证件号码: ID,
  不动产权证书号: '晋(2019)临汾市不动产权第0012345号',
  坐落: '滨河花园3号楼2单元1502室',
  建筑面积: '89.56',
  登簿日期: '2019年05月20日',
  权属状态: '现势',
})

async function upstreamError(promise: Promise<unknown>): Promise<UpstreamError> {
  const error = await promise.catch((e: unknown) => e)
  expect(error).toBeInstanceOf(UpstreamError)
  return error as UpstreamError
}

describe('real-estate adapter (不动产登记)', () => {
  it('reads the 发证记录 by offset: people and organisations, 历史 certificates revoked', async () => {
    const rows = Array.from({ length: 200 }, (_, i) => issued(i + 1))
    mock.upstream
      .intercept({ path: '/bdc/v2/zs/fzjl?offset=0&limit=200', method: 'GET' })
      .reply(200, ok(rows, 202), jsonHeaders)
    mock.upstream.intercept({ path: '/bdc/v2/zs/fzjl?offset=200&limit=200', method: 'GET' }).reply(
      200,
      ok(
        [
          { ...issued(201), 权利人: '临汾汾河焦化有限公司', 证件类型: 'tyshxydm', 证件号码: COMPANY },
          { ...issued(202), 权属状态: '历史' },
        ],
        202,
      ),
      jsonHeaders,
    )
    const { certificates, cursors } = await readAllCertificates(adapter())
    expect(cursors).toEqual(['200', '202'])
    expect(certificates[0]).toEqual({
      typeCode: TEST_TYPE_CODE,
      serial: 'BDCZS1',
      holder: { idType: 'resident-id', idNumber: ID, name: '李建国' },
      issuedOn: '2019-05-20',
      faceData: {
        certificateNumber: '晋(2019)临汾市不动产权第0012345号',
        location: '滨河花园3号楼2单元1502室',
        area: 89.56,
      },
      status: 'valid',
    })
    expect(certificates[200]?.holder).toEqual({
      idType: 'credit-code',
      idNumber: COMPANY,
      name: '临汾汾河焦化有限公司',
    })
    expect(certificates[201]?.status).toBe('revoked')
  })

  it('refuses a 发证记录 row with a date it cannot read', async () => {
    mock.upstream
      .intercept({ path: /\/zs\/fzjl/, method: 'GET' })
      .reply(200, ok([{ ...issued(1), 登簿日期: '2019-05-20' }]), jsonHeaders)
    const error = await upstreamError(adapter().certificatesSince!(null))
    expect([error.status, error.code]).toEqual([502, 'upstream-invalid-answer'])
  })

  it('maps 不动产权 rows: 年月日 dates, text codes, shares', async () => {
    mock.upstream
      .intercept({ path: `/bdc/v2/qlr/cqxx?zjh=${ID}&zjlx=sfz&offset=0&limit=200`, method: 'GET' })
      .reply(200, ok([right(1)]), jsonHeaders)
    const [record] = await adapter().lookupBySubject!('property-right', person)
    expect(record?.data).toEqual({
      recordId: 'DJ20191',
      subjectId: ID,
      holderName: '李建国',
      certificateNumber: '晋(2019)临汾市不动产权第0012345号',
      unitNumber: '141002003012GB00123F00010023',
      location: '滨河花园3号楼2单元1502室',
      buildingAreaSqm: 89.56,
      use: 'residential',
      shareType: 'by-share',
      sharePercent: 50,
      registeredOn: '2019-05-20',
      status: 'current',
    })
  })

  it('maps mortgages in 万元 and seizures, and looks organisations up by credit code', async () => {
    mock.upstream
      .intercept({ path: `/bdc/v2/qlr/dyxx?zjh=${COMPANY}&zjlx=tyshxydm&offset=0&limit=200`, method: 'GET' })
      .reply(
        200,
        ok([
          {
            业务号: 'DY1',
            抵押人证件号码: COMPANY,
            不动产登记证明号: '晋(2020)临汾市不动产证明第0000123号',
            不动产单元号: '141002003012GB00123F00010023',
            抵押权人: '晋商银行临汾分行',
            '被担保主债权数额（万元）': 123.4567,
            债务履行期限起: '2020年06月01日',
            债务履行期限止: '2040年05月31日',
            登记日期: '2020年06月03日',
            状态: '现势',
          },
        ]),
        jsonHeaders,
      )
    mock.upstream.intercept({ path: /\/cfxx\?/, method: 'GET' }).reply(
      200,
      ok([
        {
          业务号: 'CF1',
          被执行人证件号码: ID,
          不动产单元号: '141002003012GB00123F00010023',
          查封机关: '临汾市尧都区人民法院',
          查封文号: '(2024)晋1002执123号',
          查封类型: '轮候查封',
          查封起始日期: '2024年03月01日',
          查封结束日期: '',
          解封状态: '0',
        },
      ]),
      jsonHeaders,
    )
    const [mortgage] = await adapter().lookupBySubject!('property-mortgage', {
      idType: 'credit-code',
      idNumber: COMPANY,
    })
    expect(mortgage?.data).toMatchObject({ amount: '1234567.00', debtTo: '2040-05-31', status: 'active' })
    const [seizure] = await adapter().lookupBySubject!('property-seizure', person)
    expect(seizure?.data).toMatchObject({
      kind: 'waiting-seizure',
      from: '2024-03-01',
      to: null,
      status: 'active',
    })
  })

  it('pages with offset/limit until total', async () => {
    const rows = Array.from({ length: 250 }, (_, i) => right(i))
    mock.upstream
      .intercept({ path: `/bdc/v2/qlr/cqxx?zjh=${ID}&zjlx=sfz&offset=0&limit=200`, method: 'GET' })
      .reply(200, ok(rows.slice(0, 200), 250), jsonHeaders)
    mock.upstream
      .intercept({ path: `/bdc/v2/qlr/cqxx?zjh=${ID}&zjlx=sfz&offset=200&limit=200`, method: 'GET' })
      .reply(200, ok(rows.slice(200), 250), jsonHeaders)
    expect(await adapter().lookupBySubject!('property-right', person)).toHaveLength(250)
    mock.assertAllCalled()
  })

  it('pages a query with an offset cursor', async () => {
    mock.upstream
      .intercept({ path: `/bdc/v2/qlr/cqxx?zjh=${ID}&zjlx=sfz&offset=2&limit=2`, method: 'GET' })
      .reply(200, ok([right(3), right(4)], 5), jsonHeaders)
    const page = await adapter().query!('property-right', { subjectId: ID }, { cursor: '2', limit: 2 })
    expect([page.items.length, page.nextCursor]).toEqual([2, '4'])
  })

  it('refuses a checksum-failing credit code before calling the registry', async () => {
    const error = await adapter().lookupBySubject!('property-right', {
      idType: 'credit-code',
      idNumber: '91141002MA0K12348D',
    }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(InputError)
    expect((error as InputError).code).toBe('invalid-credit-code')
  })

  it.each([
    [
      'HTTP 400 PARAM_INVALID',
      400,
      { success: false, errorCode: 'PARAM_INVALID', message: '参数错误', result: null },
      'upstream-failed',
    ],
    [
      'HTTP 401',
      401,
      { success: false, errorCode: 'UNAUTHORIZED', message: '未授权的访问', result: null },
      'upstream-failed',
    ],
    [
      'a date not in 年月日 form',
      200,
      ok([{ ...right(1), 登簿日期: '2019-05-20' }]),
      'upstream-invalid-answer',
    ],
    ['an unknown 规划用途', 200, ok([{ ...right(1), 规划用途: '仓储' }]), 'upstream-invalid-answer'],
    [
      'a malformed 不动产单元号',
      200,
      ok([{ ...right(1), 不动产单元号: '141002-12' }]),
      'upstream-invalid-answer',
    ],
    [
      'success without a result',
      200,
      { success: true, errorCode: null, message: '', result: null },
      'upstream-invalid-answer',
    ],
  ])('turns %s into a 502', async (_name, status, body, code) => {
    mock.upstream.intercept({ path: /\/cqxx\?/, method: 'GET' }).reply(status, body, jsonHeaders)
    const error = await upstreamError(adapter().lookupBySubject!('property-right', person))
    expect([error.status, error.code]).toEqual([502, code])
  })

  it('turns a registry that does not answer in time into 504', async () => {
    await mock.close()
    mock = mockUpstream({ requestTimeoutMs: 50 })
    mock.upstream
      .intercept({ path: /\/cqxx\?/, method: 'GET' })
      .reply(200, ok([]), jsonHeaders)
      .delay(2_000)
    const error = await upstreamError(adapter().lookupBySubject!('property-right', person))
    expect([error.status, error.code]).toEqual([504, 'upstream-timeout'])
  })
})
