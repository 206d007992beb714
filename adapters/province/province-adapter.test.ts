import { afterEach, describe, expect, it } from 'vitest'
import { InputError, UpstreamError } from '../../platform/errors/app-error.ts'
import { jsonHeaders, mockUpstream } from '../mock-upstream.ts'
import { createProvinceAdapter, parseProvinceToken } from './province-adapter.ts'
import { sign } from './province-dialect.ts'

const ID = '141021199005170039'
const credentials = { appId: 'lf-hub', secret: 's3cret' }
let mock = mockUpstream()
const adapter = () => createProvinceAdapter(mock.client, credentials, 'sx-province', [])
afterEach(async () => {
  await mock.close()
  mock = mockUpstream()
})

const report = {
  caseNumber: 'LF-2026-000123',
  serviceItemCode: '11141000MB1957883F4000117009000',
  serviceItemName: '住房公积金提取',
  applicantIdType: 'resident-id',
  applicantIdNumber: ID,
  applicantName: '李建国',
  departmentCode: 'lf-approval',
  departmentName: '临汾市行政审批服务管理局',
  divisionCode: '141000',
  stage: 'completed',
  occurredAt: '2026-11-26T02:30:00Z',
  decision: 'approved',
  handler: '张敏',
}

async function upstreamError(promise: Promise<unknown>): Promise<UpstreamError> {
  const error = await promise.catch((e: unknown) => e)
  expect(error).toBeInstanceOf(UpstreamError)
  return error as UpstreamError
}

describe('province adapter (省平台)', () => {
  it('pushes a case report in the province format, signed, with the idempotency key as 请求流水号', async () => {
    let seen: { headers?: Record<string, string>; body?: Record<string, unknown> } = {}
    mock.upstream.intercept({ path: '/sxgx/api/bj/ts', method: 'POST' }).reply(
      200,
      (opts) => {
        seen = { headers: opts.headers as Record<string, string>, body: JSON.parse(String(opts.body)) }
        return {
          返回码: '00',
          返回信息: '接收成功',
          回执号: 'SXBJ0000000001',
          接收时间: '2026-11-26 10:30:01',
        }
      },
      jsonHeaders,
    )
    const receipt = await adapter().push!('case-report', report, {
      idempotencyKey: 'case-LF-2026-000123-completed',
    })
    expect(receipt).toEqual({
      receiptId: 'SXBJ0000000001',
      duplicate: false,
      receivedAt: '2026-11-26T10:30:01+08:00',
    })
    expect(seen.body).toEqual({
      请求流水号: 'case-LF-2026-000123-completed',
      办件编号: 'LF-2026-000123',
      事项编码: '11141000MB1957883F4000117009000',
      事项名称: '住房公积金提取',
      申请人证件类型: '111',
      申请人证件号码: ID,
      申请人名称: '李建国',
      受理部门编码: 'lf-approval',
      受理部门名称: '临汾市行政审批服务管理局',
      行政区划代码: '141000',
      办理环节: '办结',
      发生时间: '2026-11-26 10:30:00',
      办理结果: '准予许可',
      办理人: '张敏',
    })
    const h = seen.headers!
    expect(h['x-sx-appid']).toBe('lf-hub')
    expect(h['x-sx-sign']).toBe(sign('s3cret', h['x-sx-timestamp']!, 'case-LF-2026-000123-completed'))
  })

  it('reports a repeated push as a duplicate with the original receipt', async () => {
    mock.upstream.intercept({ path: '/sxgx/api/bj/ts', method: 'POST' }).reply(
      200,
      {
        返回码: '01',
        返回信息: '重复推送，已忽略',
        回执号: 'SXBJ0000000001',
        接收时间: '2026-11-26 10:30:01',
      },
      jsonHeaders,
    )
    const receipt = await adapter().push!('case-report', report, {
      idempotencyKey: 'case-LF-2026-000123-completed',
    })
    expect(receipt).toMatchObject({ receiptId: 'SXBJ0000000001', duplicate: true })
  })

  it('retries a push after a 502, because the province de-duplicates by 请求流水号', async () => {
    await mock.close()
    mock = mockUpstream({ retry: { retries: 2, baseDelayMs: 1, maxDelayMs: 2 } })
    mock.upstream.intercept({ path: '/sxgx/api/bj/ts', method: 'POST' }).reply(502, '')
    mock.upstream
      .intercept({ path: '/sxgx/api/bj/ts', method: 'POST' })
      .reply(
        200,
        { 返回码: '00', 返回信息: '接收成功', 回执号: 'SXBJ0000000002', 接收时间: '2026-11-26 10:30:01' },
        jsonHeaders,
      )
    expect((await adapter().push!('case-report', report, { idempotencyKey: 'key-000002' })).receiptId).toBe(
      'SXBJ0000000002',
    )
  })

  it('refuses a report that breaks the schema, or a bad key, before sending anything', async () => {
    const bad = await adapter().push!(
      'case-report',
      { ...report, stage: 'archived' },
      { idempotencyKey: 'key-000003' },
    ).catch((e: unknown) => e)
    expect(bad).toBeInstanceOf(InputError)
    expect((bad as InputError).code).toBe('invalid-case-report')
    expect((bad as InputError).errors?.[0]?.path).toBe('/stage')
    const key = await adapter().push!('case-report', report, { idempotencyKey: 'x' }).catch((e: unknown) => e)
    expect((key as InputError).code).toBe('invalid-idempotency-key')
  })

  it('queries the shared 婚姻登记 resource and pages by 页码', async () => {
    const row = (n: number, type = '结婚登记') => ({
      登记编号: `HY${n}`,
      当事人姓名: '李建国',
      当事人证件号码: ID,
      对方姓名: '王秀英',
      登记类型: type,
      登记日期: '2016-05-20',
      登记机关: '临汾市尧都区民政局婚姻登记处',
      证字号: 'J141000-2016-000123',
    })
    mock.upstream
      .intercept({ path: '/sxgx/api/gx/cx', method: 'POST', body: (b) => JSON.parse(b).页码 === 1 })
      .reply(
        200,
        { 返回码: '00', 返回信息: '查询成功', 总数: 51, 数据: Array.from({ length: 50 }, (_, i) => row(i)) },
        jsonHeaders,
      )
    mock.upstream
      .intercept({ path: '/sxgx/api/gx/cx', method: 'POST', body: (b) => JSON.parse(b).页码 === 2 })
      .reply(200, { 返回码: '00', 返回信息: '查询成功', 总数: 51, 数据: [row(50, '离婚登记')] }, jsonHeaders)
    const records = await adapter().lookupBySubject!('marriage-registration', {
      idType: 'resident-id',
      idNumber: ID,
    })
    expect(records).toHaveLength(51)
    expect(records[50]?.data).toMatchObject({
      registrationType: 'divorce',
      spouseName: '王秀英',
      registeredOn: '2016-05-20',
    })
  })

  it.each([
    ['40 签名验证失败', { 返回码: '40', 返回信息: '签名验证失败' }, 'upstream-failed'],
    ['99 系统异常', { 返回码: '99', 返回信息: '系统异常' }, 'upstream-failed'],
    ['an answer without 返回码', { code: 0 }, 'upstream-invalid-answer'],
    ['a receipt without 回执号', { 返回码: '00', 返回信息: '接收成功' }, 'upstream-invalid-answer'],
  ])('turns %s into a 502', async (_name, body, code) => {
    mock.upstream.intercept({ path: '/sxgx/api/bj/ts', method: 'POST' }).reply(200, body, jsonHeaders)
    const error = await upstreamError(
      adapter().push!('case-report', report, { idempotencyKey: 'key-000004' }),
    )
    expect([error.status, error.code]).toEqual([502, code])
  })

  it('turns a platform that does not answer in time into 504', async () => {
    await mock.close()
    mock = mockUpstream({ requestTimeoutMs: 50 })
    mock.upstream
      .intercept({ path: '/sxgx/api/gx/cx', method: 'POST' })
      .reply(200, { 返回码: '00' }, jsonHeaders)
      .delay(2_000)
    const error = await upstreamError(
      adapter().lookupBySubject!('marriage-registration', { idType: 'resident-id', idNumber: ID }),
    )
    expect([error.status, error.code]).toEqual([504, 'upstream-timeout'])
  })

  it('reads ADAPTER_PROVINCE_TOKEN as appId:secret', () => {
    expect(parseProvinceToken('lf-hub:a:b')).toEqual({ appId: 'lf-hub', secret: 'a:b' })
    expect(() => parseProvinceToken('no-secret')).toThrow(/ADAPTER_PROVINCE_TOKEN/)
  })
})
