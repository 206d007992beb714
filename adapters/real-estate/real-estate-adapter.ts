import { InputError, UpstreamError } from '../../platform/errors/app-error.ts'
import type { UpstreamClient, UpstreamResponse } from '../../platform/http-client/http-client-factory.ts'
import { upstreamOptions } from '../adapter-config.ts'
import type {
  AdapterModule,
  CallContext,
  CanonicalRecord,
  DepartmentAdapter,
  RecordKindInfo,
  SubjectRef,
} from '../adapter-contract.ts'
import {
  checkedCreditCode,
  checkedResidentId,
  numericCursor,
  probeHealth,
  subjectFilter,
} from '../adapter-support.ts'
import { certificatesFromListing } from '../certificate-feed.ts'
import { mapAll } from '../ensure-canonical.ts'
import {
  ESTATE_ID_TYPES,
  type EstateAnswer,
  mapCertificate,
  mapMortgage,
  mapRight,
  mapSeizure,
} from './real-estate-dialect.ts'

const KINDS = [
  { kind: 'property-right', schema: 'records/property-right.json', title: '不动产权利信息' },
  { kind: 'property-mortgage', schema: 'records/property-mortgage.json', title: '不动产抵押信息' },
  { kind: 'property-seizure', schema: 'records/property-seizure.json', title: '不动产查封信息' },
] as const satisfies readonly RecordKindInfo[]

type Kind = (typeof KINDS)[number]['kind']
const PATHS: Record<Kind, string> = {
  'property-right': 'cqxx',
  'property-mortgage': 'dyxx',
  'property-seizure': 'cfxx',
}
const MAPPERS = {
  'property-right': mapRight,
  'property-mortgage': mapMortgage,
  'property-seizure': mapSeizure,
} as const
const LIMIT = 200
const MAX_PAGES = 20

export function createRealEstateAdapter(
  client: UpstreamClient,
  department: string,
  resourceCodes: string[],
): DepartmentAdapter {
  async function page(kind: Kind, subject: SubjectRef, offset: number, limit: number, ctx?: CallContext) {
    const res = await client.request({
      path: `/bdc/v2/qlr/${PATHS[kind]}`,
      query: { zjh: subjectNumber(subject), zjlx: ESTATE_ID_TYPES[subject.idType], offset, limit },
      ...(ctx?.signal ? { signal: ctx.signal } : {}),
      ...(ctx?.requestId ? { headers: { 'x-request-id': ctx.requestId } } : {}),
    })
    const result = unwrap<unknown>(client, res)
    if (typeof result.total !== 'number')
      throw client.invalidAnswer(`${PATHS[kind]}: the result has no total`)
    const info = KINDS.find((k) => k.kind === kind)!
    return {
      total: result.total,
      records: mapAll(client, info, result.rows, MAPPERS[kind] as (item: unknown) => CanonicalRecord),
    }
  }

  const known = (kind: string): Kind => {
    if (!(kind in PATHS))
      throw new InputError('record-kind-not-served', `The real-estate adapter does not serve "${kind}".`)
    return kind as Kind
  }

  return {
    name: 'real-estate',
    department,
    kinds: KINDS,
    resourceCodes,

    async lookupBySubject(kind, subject, ctx) {
      const k = known(kind)
      const all: CanonicalRecord[] = []
      for (let n = 0; n < MAX_PAGES; n++) {
        const { total, records } = await page(k, subject, all.length, LIMIT, ctx)
        all.push(...records)
        if (records.length === 0 || all.length >= total) return all
      }
      throw client.invalidAnswer(`${PATHS[k]}: more than ${MAX_PAGES} pages`)
    },

    async query(kind, filter, p, ctx) {
      const k = known(kind)
      const { subjectId } = subjectFilter(filter, '不动产 records')
      const subject: SubjectRef = {
        idType: /^\d{17}[\dXx]$/.test(subjectId) ? 'resident-id' : 'credit-code',
        idNumber: subjectId,
      }
      const offset = numericCursor(p.cursor, 0)
      const limit = Math.min(Math.max(p.limit, 1), LIMIT)
      const { total, records } = await page(k, subject, offset, limit, ctx)
      return {
        items: records,
        nextCursor:
          offset + records.length < total && records.length > 0 ? String(offset + records.length) : null,
      }
    },

    /** 发证记录 pages by offset, so the cursor is simply the next offset. */
    certificatesSince(cursor, ctx) {
      return certificatesFromListing(
        client,
        cursor,
        async (offset) => {
          const res = await client.request({
            path: '/bdc/v2/zs/fzjl',
            query: { offset, limit: LIMIT },
            ...(ctx?.signal ? { signal: ctx.signal } : {}),
            ...(ctx?.requestId ? { headers: { 'x-request-id': ctx.requestId } } : {}),
          })
          const { rows, total } = unwrap<unknown>(client, res)
          return { rows, first: offset, total }
        },
        mapCertificate,
      )
    },

    health(ctx) {
      return probeHealth(client, async () => {
        const res = await client.request({
          path: '/bdc/v2/ping',
          ...(ctx?.signal ? { signal: ctx.signal } : {}),
        })
        if (res.status !== 200)
          throw new UpstreamError(502, 'upstream-failed', `real-estate ping answered ${res.status}`)
      })
    },
  }
}

/** Holders are people or organisations; either number is checked before the registry is asked. */
function subjectNumber(subject: SubjectRef): string {
  if (subject.idType === 'resident-id') return checkedResidentId(subject.idNumber)
  if (subject.idType === 'credit-code') return checkedCreditCode(subject.idNumber)
  throw new InputError('subject-type-not-supported', 'Unknown subject identifier type.')
}

/** Real HTTP statuses: 200 with `success`, 400 `PARAM_INVALID`, 401 `UNAUTHORIZED`, 5xx handled by the client. */
function unwrap<T>(client: UpstreamClient, res: UpstreamResponse): { rows: T[]; total: number } {
  const answer = res.body as Partial<EstateAnswer<T>> | null
  if (res.status === 401) {
    throw new UpstreamError(
      502,
      'upstream-failed',
      "real-estate refused the hub's token (check ADAPTER_REAL_ESTATE_TOKEN).",
    )
  }
  if (!answer || typeof answer !== 'object' || typeof answer.success !== 'boolean') {
    throw client.invalidAnswer(`answered HTTP ${res.status} without the {success, result} form`)
  }
  if (!answer.success || res.status !== 200) {
    throw new UpstreamError(
      502,
      'upstream-failed',
      `real-estate answered ${res.status} ${answer.errorCode ?? ''} ${answer.message ?? ''}`.trim(),
    )
  }
  if (!answer.result) throw client.invalidAnswer('a successful answer without a result')
  return answer.result
}

export const realEstateAdapterModule: AdapterModule = {
  name: 'real-estate',
  defaultDepartment: 'lf-realestate',
  kinds: KINDS,
  create({ settings, http }) {
    const headers: Record<string, string> = settings.token ? { 'x-bdc-token': settings.token } : {}
    return createRealEstateAdapter(
      http.create(upstreamOptions(settings, headers)),
      settings.department,
      settings.resourceCodes,
    )
  },
}
