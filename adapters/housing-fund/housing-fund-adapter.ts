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
  FUND_CODES,
  type FundAccount,
  type FundAnswer,
  type FundCertificate,
  type FundDeposit,
  type FundLoan,
  type FundPage,
  ID_TYPE_RESIDENT,
  mapAccount,
  mapCertificate,
  mapDeposit,
  mapLoan,
} from './housing-fund-dialect.ts'

const KINDS = [
  {
    kind: 'housing-fund-account',
    schema: 'records/housing-fund-account.json',
    title: '住房公积金个人账户信息',
  },
  {
    kind: 'housing-fund-contribution',
    schema: 'records/housing-fund-contribution.json',
    title: '住房公积金缴存明细',
  },
  { kind: 'housing-fund-loan', schema: 'records/housing-fund-loan.json', title: '住房公积金贷款信息' },
] as const satisfies readonly RecordKindInfo[]

type Kind = (typeof KINDS)[number]['kind']
const info = (kind: Kind): RecordKindInfo => KINDS.find((k) => k.kind === kind)!
const PAGE_SIZE = 50
const MAX_PAGES = 40

export function createHousingFundAdapter(
  client: UpstreamClient,
  department: string,
  resourceCodes: string[],
): DepartmentAdapter {
  /** Every query is a POST "transaction"; none changes anything, so they may be retried. */
  async function transact<T>(
    service: string,
    body: Record<string, unknown>,
    ctx?: CallContext,
  ): Promise<T | null> {
    const res = await client.request({
      method: 'POST',
      path: `/gjj/api/${service}`,
      body,
      idempotent: true,
      ...(ctx?.signal ? { signal: ctx.signal } : {}),
      ...(ctx?.requestId ? { headers: { 'x-request-id': ctx.requestId } } : {}),
    })
    return unwrap<T>(client, res)
  }

  async function deposits(zjhm: string, dqym: number, mysl: number, ctx?: CallContext) {
    const page = await transact<FundPage<FundDeposit>>(
      'JCMX',
      { zjlx: ID_TYPE_RESIDENT, zjhm, dqym, mysl },
      ctx,
    )
    if (page === null) return { pages: 0, records: [] as CanonicalRecord[] }
    if (typeof page.zys !== 'number') throw client.invalidAnswer('JCMX: the page has no 总页数 (zys)')
    return {
      pages: page.zys,
      records: mapAll(client, info('housing-fund-contribution'), page.jls, mapDeposit(zjhm)),
    }
  }

  return {
    name: 'housing-fund',
    department,
    kinds: KINDS,
    resourceCodes,

    async lookupBySubject(kind, subject, ctx) {
      const zjhm = residentIdOnly(subject, '公积金 records')
      switch (kind as Kind) {
        case 'housing-fund-account': {
          const account = await transact<FundAccount>('GRZHXX', { zjlx: ID_TYPE_RESIDENT, zjhm }, ctx)
          return account === null ? [] : mapAll(client, info('housing-fund-account'), [account], mapAccount)
        }
        case 'housing-fund-loan': {
          const page = await transact<FundPage<FundLoan>>('DKXX', { zjlx: ID_TYPE_RESIDENT, zjhm }, ctx)
          return page === null ? [] : mapAll(client, info('housing-fund-loan'), page.jls, mapLoan)
        }
        case 'housing-fund-contribution': {
          const all: CanonicalRecord[] = []
          for (let dqym = 1; dqym <= MAX_PAGES; dqym++) {
            const { pages, records } = await deposits(zjhm, dqym, PAGE_SIZE, ctx)
            all.push(...records)
            if (dqym >= pages) return all
          }
          throw client.invalidAnswer(`JCMX: more than ${MAX_PAGES} pages of deposits`)
        }
        default:
          throw unknownKind(kind)
      }
    },

    async query(kind, filter, page, ctx) {
      if (kind !== 'housing-fund-contribution') throw unknownKind(kind)
      const { subjectId } = subjectFilter(filter, '公积金 deposits')
      const dqym = numericCursor(page.cursor, 1)
      const zjhm = checkedResidentId(subjectId)
      const { pages, records } = await deposits(zjhm, dqym, Math.min(Math.max(page.limit, 1), PAGE_SIZE), ctx)
      return { items: records, nextCursor: dqym < pages ? String(dqym + 1) : null }
    },

    /**
     * Every account (`GRZHLB`, 个人账号 order), for subscriptions to the live resource; the position is
     * the next 当前页码. The centre has no change log: subscriptions re-page and compare.
     */
    async pageRecords(kind, page, ctx) {
      if (kind !== 'housing-fund-account') throw unknownKind(kind)
      const dqym = numericCursor(page.after, 1)
      const mysl = Math.min(Math.max(page.limit, 1), PAGE_SIZE)
      const answer = await transact<FundPage<FundAccount>>('GRZHLB', { dqym, mysl }, ctx)
      if (answer === null) return { records: [], next: null }
      if (typeof answer.zys !== 'number') throw client.invalidAnswer('GRZHLB: the page has no 总页数 (zys)')
      return {
        records: mapAll(client, info('housing-fund-account'), answer.jls, mapAccount),
        next: dqym < answer.zys ? String(dqym + 1) : null,
      }
    },

    /** `JCZMXX` pages by 当前页码; the cursor counts the 缴存证明 handed over so far. */
    certificatesSince(cursor, ctx) {
      return certificatesFromListing(
        client,
        cursor,
        async (position) => {
          const dqym = Math.floor(position / PAGE_SIZE) + 1
          const page = await transact<FundPage<FundCertificate>>('JCZMXX', { dqym, mysl: PAGE_SIZE }, ctx)
          if (page !== null && typeof page.zts !== 'number')
            throw client.invalidAnswer('JCZMXX: the page has no 总条数 (zts)')
          return { rows: page?.jls ?? [], first: (dqym - 1) * PAGE_SIZE, total: page?.zts ?? 0 }
        },
        mapCertificate,
      )
    },

    health(ctx) {
      return probeHealth(client, () => transact('PING', {}, ctx))
    },
  }
}

/** Unwraps `{head, body}`: `E00404 无此账户` is an empty answer; HTTP 401 means our token was refused. */
function unwrap<T>(client: UpstreamClient, res: UpstreamResponse): T | null {
  if (res.status === 401 || res.status === 403) {
    throw new UpstreamError(
      502,
      'upstream-failed',
      "housing-fund refused the hub's token (check ADAPTER_HOUSING_FUND_TOKEN).",
    )
  }
  const answer = res.body as Partial<FundAnswer<T>> | null
  if (!answer || typeof answer !== 'object' || typeof answer.head?.retCode !== 'string') {
    throw client.invalidAnswer(`answered HTTP ${res.status} without the {head, body} form`)
  }
  const { retCode, retMsg } = answer.head
  if (retCode === FUND_CODES.ok) return answer.body ?? null
  if (retCode === FUND_CODES.noAccount) return null
  throw new UpstreamError(502, 'upstream-failed', `housing-fund answered ${retCode} ${retMsg ?? ''}`.trim())
}

function unknownKind(kind: string): InputError {
  return new InputError(
    'record-kind-not-served',
    `The housing-fund adapter does not serve "${kind}" this way.`,
  )
}

export const housingFundAdapterModule: AdapterModule = {
  name: 'housing-fund',
  defaultDepartment: 'lf-hfund',
  kinds: KINDS,
  create({ settings, http }) {
    const headers: Record<string, string> = settings.token
      ? { authorization: `Bearer ${settings.token}` }
      : {}
    return createHousingFundAdapter(
      http.create(upstreamOptions(settings, headers)),
      settings.department,
      settings.resourceCodes,
    )
  },
}
