import { randomUUID } from 'node:crypto'
import { InputError, UpstreamError } from '../../platform/errors/app-error.ts'
import type { UpstreamClient, UpstreamResponse } from '../../platform/http-client/http-client-factory.ts'
import { upstreamOptions } from '../adapter-config.ts'
import type {
  AdapterModule,
  CallContext,
  CanonicalRecord,
  DepartmentAdapter,
  RecordKindInfo,
} from '../adapter-contract.ts'
import { checkedResidentId, numericCursor, probeHealth, residentIdOnly } from '../adapter-support.ts'
import { mapAll } from '../ensure-canonical.ts'
import { checkRecords } from '../record-validator.ts'
import {
  MARRIAGE_RESOURCE,
  mapMarriage,
  mapServiceItem,
  PROVINCE_CODES,
  type ProvinceAnswer,
  type ProvinceMarriage,
  type ProvinceQueryAnswer,
  type ProvinceReceipt,
  type ProvinceServiceItem,
  sign,
  toProvinceCase,
} from './province-dialect.ts'

const KINDS = [
  { kind: 'case-report', schema: 'records/case-report.json', title: '办件信息（上报省平台）' },
  {
    kind: 'marriage-registration',
    schema: 'records/marriage-registration.json',
    title: '婚姻登记信息（省级共享）',
  },
] as const satisfies readonly RecordKindInfo[]

const CASE_REPORT = KINDS[0]
const MARRIAGE = KINDS[1]
const PAGE_SIZE = 50
const IDEMPOTENCY_KEY = /^[A-Za-z0-9._:-]{8,64}$/

export interface ProvinceCredentials {
  appId: string
  secret: string
}

export function createProvinceAdapter(
  client: UpstreamClient,
  credentials: ProvinceCredentials | null,
  department: string,
  resourceCodes: string[],
): DepartmentAdapter {
  async function post(path: string, body: Record<string, unknown>, nonce: string, ctx?: CallContext) {
    const timestamp = String(Date.now())
    const headers: Record<string, string> = credentials
      ? {
          'x-sx-appid': credentials.appId,
          'x-sx-timestamp': timestamp,
          'x-sx-nonce': nonce,
          'x-sx-sign': sign(credentials.secret, timestamp, nonce),
        }
      : {}
    if (ctx?.requestId) headers['x-request-id'] = ctx.requestId
    // Safe to repeat: queries change nothing, and pushes are de-duplicated by 请求流水号.
    const res = await client.request({
      method: 'POST',
      path,
      body,
      headers,
      idempotent: true,
      ...(ctx?.signal ? { signal: ctx.signal } : {}),
    })
    return answer(client, res)
  }

  async function marriages(idNumber: string, 页码: number, 每页条数: number, ctx?: CallContext) {
    const normalized = checkedResidentId(idNumber)
    const body = { 资源编码: MARRIAGE_RESOURCE, 查询条件: { 证件号码: normalized }, 页码, 每页条数 }
    const a = (await post(
      '/sxgx/api/gx/cx',
      body,
      randomUUID(),
      ctx,
    )) as ProvinceQueryAnswer<ProvinceMarriage>
    if (typeof a.总数 !== 'number') throw client.invalidAnswer('gx/cx: the answer has no 总数')
    return { total: a.总数, records: mapAll(client, MARRIAGE, a.数据, mapMarriage(normalized)) }
  }

  return {
    name: 'province',
    department,
    kinds: KINDS,
    resourceCodes,

    async lookupBySubject(kind, subject, ctx) {
      if (kind !== MARRIAGE.kind)
        throw new InputError('record-kind-not-served', `The province adapter cannot look up "${kind}".`)
      residentIdOnly(subject, '婚姻登记 records')
      const all: CanonicalRecord[] = []
      for (let page = 1; page <= 20; page++) {
        const { total, records } = await marriages(subject.idNumber, page, PAGE_SIZE, ctx)
        all.push(...records)
        if (records.length === 0 || all.length >= total) return all
      }
      throw client.invalidAnswer('gx/cx: more than 20 pages')
    },

    async push(kind, payload, { idempotencyKey }, ctx) {
      if (kind !== CASE_REPORT.kind)
        throw new InputError('record-kind-not-served', `The province adapter cannot push "${kind}".`)
      if (!IDEMPOTENCY_KEY.test(idempotencyKey)) {
        throw new InputError(
          'invalid-idempotency-key',
          'The idempotency key must be 8–64 letters, digits or ._:- characters.',
        )
      }
      // The hub's own data is checked before anything leaves: a bad report is the caller's 4xx, not a province error.
      const problems = checkRecords(CASE_REPORT, [{ kind, recordId: idempotencyKey, data: payload }])
      if (problems.length > 0) {
        throw new InputError('invalid-case-report', 'The case report breaks the case-report schema.', {
          errors: problems[0]!.problems.map((p) => ({ path: p.split(' ')[0] ?? '/', message: p })),
        })
      }
      const receipt = (await post(
        '/sxgx/api/bj/ts',
        toProvinceCase(payload, idempotencyKey),
        idempotencyKey,
        ctx,
      )) as ProvinceReceipt
      if (typeof receipt.回执号 !== 'string' || typeof receipt.接收时间 !== 'string') {
        throw client.invalidAnswer('bj/ts: the receipt has no 回执号 or 接收时间')
      }
      return {
        receiptId: receipt.回执号,
        duplicate: receipt.返回码 === PROVINCE_CODES.duplicate,
        receivedAt: `${receipt.接收时间.replace(' ', 'T')}+08:00`,
      }
    },

    /** The province's 事项同步 listing is its change log in order: the cursor counts entries read. */
    async serviceItemsSince(cursor, ctx) {
      const position = numericCursor(cursor)
      const a = (await post(
        '/sxgx/api/sx/tb',
        { 游标: position, 每页条数: PAGE_SIZE },
        randomUUID(),
        ctx,
      )) as ProvinceQueryAnswer<ProvinceServiceItem>
      if (typeof a.总数 !== 'number' || !Array.isArray(a.数据))
        throw client.invalidAnswer('sx/tb: the answer has no 总数 or 数据')
      const items = a.数据.map((item, i) => {
        try {
          return mapServiceItem(item)
        } catch (error) {
          throw client.invalidAnswer(`sx/tb: item ${position + i}: ${(error as Error).message}`, error)
        }
      })
      const next = position + items.length
      return { items, cursor: String(next), caughtUp: items.length === 0 || next >= a.总数 }
    },

    health(ctx) {
      return probeHealth(client, () => post('/sxgx/api/xt/xl', {}, randomUUID(), ctx))
    },
  }
}

/** `00` ok and `01` duplicate are successes; `10` means the province rejected our data; others are failures. */
function answer(client: UpstreamClient, res: UpstreamResponse): ProvinceAnswer {
  const a = res.body as Partial<ProvinceAnswer> | null
  if (!a || typeof a !== 'object' || typeof a.返回码 !== 'string') {
    throw client.invalidAnswer(`answered HTTP ${res.status} without 返回码`)
  }
  if (a.返回码 === PROVINCE_CODES.ok || a.返回码 === PROVINCE_CODES.duplicate) return a as ProvinceAnswer
  if (a.返回码 === PROVINCE_CODES.badSignature) {
    throw new UpstreamError(
      502,
      'upstream-failed',
      'province rejected the request signature (check ADAPTER_PROVINCE_TOKEN).',
    )
  }
  throw new UpstreamError(502, 'upstream-failed', `province answered ${a.返回码} ${a.返回信息 ?? ''}`.trim())
}

/** `ADAPTER_PROVINCE_TOKEN` is `<appId>:<secret>` as issued by the provincial platform. */
export function parseProvinceToken(token: string | null): ProvinceCredentials | null {
  if (token === null) return null
  const at = token.indexOf(':')
  if (at < 1 || at === token.length - 1) throw new Error('ADAPTER_PROVINCE_TOKEN: must be <appId>:<secret>')
  return { appId: token.slice(0, at), secret: token.slice(at + 1) }
}

export const provinceAdapterModule: AdapterModule = {
  name: 'province',
  defaultDepartment: 'sx-province',
  kinds: KINDS,
  create({ settings, http }) {
    const credentials = parseProvinceToken(settings.token)
    return createProvinceAdapter(
      http.create(upstreamOptions(settings)),
      credentials,
      settings.department,
      settings.resourceCodes,
    )
  },
}
