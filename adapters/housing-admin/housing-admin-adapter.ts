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
import {
  checkedResidentId,
  numericCursor,
  probeHealth,
  residentIdOnly,
  subjectFilter,
} from '../adapter-support.ts'
import { certificatesFromListing } from '../certificate-feed.ts'
import { mapAll } from '../ensure-canonical.ts'
import {
  ADMIN_CODES,
  type AdminCertificate,
  type AdminEnvelope,
  mapCertificate,
  mapFiling,
  mapTransaction,
} from './housing-admin-dialect.ts'

const KINDS = [
  {
    kind: 'new-home-contract-filing',
    schema: 'records/new-home-contract-filing.json',
    title: '商品房网签备案信息',
  },
  {
    kind: 'second-hand-transaction',
    schema: 'records/second-hand-transaction.json',
    title: '存量房交易信息',
  },
] as const satisfies readonly RecordKindInfo[]

type Kind = (typeof KINDS)[number]['kind']
const PATHS: Record<Kind, string> = {
  'new-home-contract-filing': '/fgj/wqba/xfht',
  'second-hand-transaction': '/fgj/clf/jy',
}
const MAPPERS = { 'new-home-contract-filing': mapFiling, 'second-hand-transaction': mapTransaction } as const
const ROWS = 50
const MAX_PAGES = 20

export function createHousingAdminAdapter(
  client: UpstreamClient,
  department: string,
  resourceCodes: string[],
): DepartmentAdapter {
  async function page(kind: Kind, zjhm: string, pageNo: number, rows: number, ctx?: CallContext) {
    const res = await client.request({
      path: PATHS[kind],
      query: { zjhm, page: pageNo, rows },
      ...(ctx?.signal ? { signal: ctx.signal } : {}),
      ...(ctx?.requestId ? { headers: { 'x-request-id': ctx.requestId } } : {}),
    })
    const answer = unwrap<unknown>(client, res)
    if (answer === null) return { pages: 0, records: [] as CanonicalRecord[] }
    const pages = answer.分页?.总页数
    if (typeof pages !== 'number') throw client.invalidAnswer(`${PATHS[kind]}: the answer has no 分页.总页数`)
    const info = KINDS.find((k) => k.kind === kind)!
    return {
      pages,
      records: mapAll(client, info, answer.数据, MAPPERS[kind](zjhm) as (item: unknown) => CanonicalRecord),
    }
  }

  const known = (kind: string): Kind => {
    if (!(kind in PATHS))
      throw new InputError('record-kind-not-served', `The housing-admin adapter does not serve "${kind}".`)
    return kind as Kind
  }

  return {
    name: 'housing-admin',
    department,
    kinds: KINDS,
    resourceCodes,

    async lookupBySubject(kind, subject, ctx) {
      const k = known(kind)
      const zjhm = residentIdOnly(subject, '房管 transactions')
      const all: CanonicalRecord[] = []
      for (let pageNo = 1; pageNo <= MAX_PAGES; pageNo++) {
        const { pages, records } = await page(k, zjhm, pageNo, ROWS, ctx)
        all.push(...records)
        if (pageNo >= pages) return all
      }
      throw client.invalidAnswer(`${PATHS[k]}: more than ${MAX_PAGES} pages`)
    },

    async query(kind, filter, p, ctx) {
      const k = known(kind)
      const { subjectId } = subjectFilter(filter, '房管 records')
      const pageNo = numericCursor(p.cursor, 1)
      const zjhm = checkedResidentId(subjectId)
      const { pages, records } = await page(k, zjhm, pageNo, Math.min(Math.max(p.limit, 1), ROWS), ctx)
      return { items: records, nextCursor: pageNo < pages ? String(pageNo + 1) : null }
    },

    /** `/fgj/wqba/bazm` pages by page number; the cursor counts the 备案证明 handed over so far. */
    certificatesSince(cursor, ctx) {
      return certificatesFromListing(
        client,
        cursor,
        async (position) => {
          const pageNo = Math.floor(position / ROWS) + 1
          const res = await client.request({
            path: '/fgj/wqba/bazm',
            query: { page: pageNo, rows: ROWS },
            ...(ctx?.signal ? { signal: ctx.signal } : {}),
            ...(ctx?.requestId ? { headers: { 'x-request-id': ctx.requestId } } : {}),
          })
          const answer = unwrap<AdminCertificate>(client, res)
          const total = answer === null ? 0 : answer.分页?.总条数
          if (typeof total !== 'number') throw client.invalidAnswer('bazm: the answer has no 分页.总条数')
          return { rows: answer?.数据 ?? [], first: (pageNo - 1) * ROWS, total }
        },
        mapCertificate,
      )
    },

    health(ctx) {
      return probeHealth(client, async () =>
        unwrap(
          client,
          await client.request({ path: '/fgj/xt/xtjc', ...(ctx?.signal ? { signal: ctx.signal } : {}) }),
        ),
      )
    },
  }
}

/** `状态: 失败` with `FG-404 无记录` is an empty answer; any other failure is the system's. */
function unwrap<T>(client: UpstreamClient, res: UpstreamResponse): AdminEnvelope<T> | null {
  const answer = res.body as Partial<AdminEnvelope<T>> | null
  if (!answer || typeof answer !== 'object' || (answer.状态 !== '成功' && answer.状态 !== '失败')) {
    throw client.invalidAnswer(`answered HTTP ${res.status} without the 状态/数据 envelope`)
  }
  if (answer.状态 === '成功') return answer as AdminEnvelope<T>
  if (answer.错误代码 === ADMIN_CODES.noRecord) return null
  throw new UpstreamError(
    502,
    'upstream-failed',
    `housing-admin answered ${answer.错误代码 ?? ''} ${answer.错误信息 ?? ''}`.trim(),
  )
}

export const housingAdminAdapterModule: AdapterModule = {
  name: 'housing-admin',
  defaultDepartment: 'lf-housing',
  kinds: KINDS,
  create({ settings, http }) {
    const headers: Record<string, string> = settings.token ? { token: settings.token } : {}
    return createHousingAdminAdapter(
      http.create(upstreamOptions(settings, headers)),
      settings.department,
      settings.resourceCodes,
    )
  },
}
