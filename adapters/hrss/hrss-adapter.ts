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
import { mapCertificates } from '../certificate-feed.ts'
import { mapAll } from '../ensure-canonical.ts'
import {
  HRSS_CODES,
  type HrssCertificate,
  type HrssContribution,
  type HrssEmployment,
  type HrssEnrolment,
  type HrssEnvelope,
  type HrssPage,
  INSURANCE_CODES,
  mapCertificate,
  mapContribution,
  mapEmployment,
  mapEnrolment,
} from './hrss-dialect.ts'

const KINDS = [
  {
    kind: 'social-insurance-enrolment',
    schema: 'records/social-insurance-enrolment.json',
    title: '社会保险参保信息',
  },
  {
    kind: 'social-insurance-contribution',
    schema: 'records/social-insurance-contribution.json',
    title: '社会保险缴费记录',
  },
  { kind: 'employment-status', schema: 'records/employment-status.json', title: '就业登记状态' },
] as const satisfies readonly RecordKindInfo[]

type Kind = (typeof KINDS)[number]['kind']
const info = (kind: Kind): RecordKindInfo => KINDS.find((k) => k.kind === kind)!
const API = '/hrss/api/v1'
/** The system refuses pages larger than 100 lines. */
const PAGE_SIZE = 100
/** Twelve years of monthly lines in three insurance types fit; more is a runaway, not a history. */
const MAX_PAGES = 50

export function createHrssAdapter(
  client: UpstreamClient,
  department: string,
  resourceCodes: string[],
): DepartmentAdapter {
  async function call<T>(
    path: string,
    query: Record<string, string | number | undefined>,
    ctx?: CallContext,
  ) {
    const res = await client.request({
      path: `${API}${path}`,
      query,
      ...(ctx?.signal ? { signal: ctx.signal } : {}),
      ...(ctx?.requestId ? { headers: { 'x-request-id': ctx.requestId } } : {}),
    })
    return envelope<T>(client, res)
  }

  async function contributions(
    sfzhm: string,
    xzdm: string | undefined,
    pageNo: number,
    pageSize: number,
    ctx?: CallContext,
  ) {
    const page = await call<HrssPage<HrssContribution>>('/jfmx', { sfzhm, xzdm, pageNo, pageSize }, ctx)
    if (page === null) return { total: 0, records: [] }
    if (typeof page.total !== 'number') throw client.invalidAnswer('jfmx: the page has no total')
    const records = mapAll(client, info('social-insurance-contribution'), page.list, mapContribution)
    return { total: page.total, records }
  }

  return {
    name: 'hrss',
    department,
    kinds: KINDS,
    resourceCodes,

    async lookupBySubject(kind, subject, ctx) {
      const sfzhm = residentIdOnly(subject, '人社 records')
      switch (kind as Kind) {
        case 'social-insurance-enrolment': {
          const data = await call<{ list: HrssEnrolment[] }>('/cbxx', { sfzhm }, ctx)
          return data === null
            ? []
            : mapAll(client, info('social-insurance-enrolment'), data.list, mapEnrolment)
        }
        case 'employment-status': {
          const data = await call<HrssEmployment>('/jyzt', { sfzhm }, ctx)
          return data === null ? [] : mapAll(client, info('employment-status'), [data], mapEmployment)
        }
        case 'social-insurance-contribution': {
          const all: CanonicalRecord[] = []
          for (let pageNo = 1; pageNo <= MAX_PAGES; pageNo++) {
            const { total, records } = await contributions(sfzhm, undefined, pageNo, PAGE_SIZE, ctx)
            all.push(...records)
            if (records.length === 0 || all.length >= total) return all
          }
          throw client.invalidAnswer(`jfmx: more than ${MAX_PAGES} pages of contributions`)
        }
        default:
          throw unknownKind(kind)
      }
    },

    async query(kind, filter, page, ctx) {
      if (kind !== 'social-insurance-contribution') throw unknownKind(kind)
      const {
        subjectId,
        others: { insuranceType },
      } = subjectFilter(filter, '人社 contributions', ['insuranceType'])
      const xzdm = insuranceType === undefined ? undefined : INSURANCE_CODES[insuranceType]
      if (insuranceType !== undefined && !xzdm)
        throw new InputError('unsupported-filter', `Unknown insuranceType "${insuranceType}".`)
      const pageNo = numericCursor(page.cursor, 1)
      const pageSize = Math.min(Math.max(page.limit, 1), PAGE_SIZE)
      const sfzhm = checkedResidentId(subjectId)
      const { total, records } = await contributions(sfzhm, xzdm, pageNo, pageSize, ctx)
      return { items: records, nextCursor: pageNo * pageSize < total ? String(pageNo + 1) : null }
    },

    async changesSince(kind, cursor, limit, ctx) {
      if (kind !== 'social-insurance-contribution') throw unknownKind(kind)
      const qsxh = cursor ?? '0'
      if (!/^\d+$/.test(qsxh))
        throw new InputError('invalid-cursor', 'The cursor is not one this adapter issued.')
      const data = await call<{ list: HrssContribution[]; 最大序号: number }>(
        '/jfmx/bgjl',
        { qsxh, pageSize: limit },
        ctx,
      )
      const list = data?.list ?? []
      const records = mapAll(client, info('social-insurance-contribution'), list, mapContribution)
      const last = list.at(-1)?.变更序号
      if (list.length > 0 && typeof last !== 'number')
        throw client.invalidAnswer('bgjl: a change has no 变更序号')
      return { records, cursor: last === undefined ? qsxh : String(last), caughtUp: list.length < limit }
    },

    async certificatesSince(cursor, ctx) {
      const qsxh = numericCursor(cursor)
      const data = await call<{ list: HrssCertificate[] }>('/cbzm/bgjl', { qsxh, pageSize: PAGE_SIZE }, ctx)
      const list = data?.list ?? []
      const certificates = mapCertificates(client, list, mapCertificate)
      const last = list.at(-1)?.变更序号
      if (list.length > 0 && !Number.isInteger(last))
        throw client.invalidAnswer('cbzm/bgjl: a change has no 变更序号')
      return {
        certificates,
        cursor: String(last ?? qsxh),
        caughtUp: list.length < PAGE_SIZE,
      }
    },

    health(ctx) {
      return probeHealth(client, () => call('/xtzt', {}, ctx))
    },
  }
}

/** Unwraps `{code, msg, data}`: `2001 查无此人` is an empty answer, every other non-`0000` code a failure. */
function envelope<T>(client: UpstreamClient, res: UpstreamResponse): T | null {
  const body = res.body as Partial<HrssEnvelope<T>> | null
  if (!body || typeof body !== 'object' || typeof body.code !== 'string') {
    throw client.invalidAnswer(`answered HTTP ${res.status} without the {code, msg, data} envelope`)
  }
  switch (body.code) {
    case HRSS_CODES.ok:
      return body.data ?? null
    case HRSS_CODES.noSuchPerson:
      return null
    case HRSS_CODES.badParameter:
      // The hub validated the input first, so a refusal here is a disagreement about the interface.
      throw new UpstreamError(502, 'upstream-failed', `hrss refused the request: ${body.msg ?? ''}`)
    case HRSS_CODES.badAppKey:
      throw new UpstreamError(
        502,
        'upstream-failed',
        "hrss rejected the hub's app key (check ADAPTER_HRSS_TOKEN).",
      )
    default:
      throw new UpstreamError(502, 'upstream-failed', `hrss answered ${body.code} ${body.msg ?? ''}`.trim())
  }
}

function unknownKind(kind: string): InputError {
  return new InputError('record-kind-not-served', `The hrss adapter does not serve "${kind}" this way.`)
}

export const hrssAdapterModule: AdapterModule = {
  name: 'hrss',
  defaultDepartment: 'lf-hrss',
  kinds: KINDS,
  create({ settings, http }) {
    const headers: Record<string, string> = settings.token ? { 'x-app-key': settings.token } : {}
    return createHrssAdapter(
      http.create(upstreamOptions(settings, headers)),
      settings.department,
      settings.resourceCodes,
    )
  },
}
