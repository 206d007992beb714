/**
 * The one contract every department adapter implements. The core (exchange, jobs) talks to this
 * interface and to the registry only; it never imports a department's folder.
 *
 * Records crossing the contract are canonical: they validate against `schemas/records/<kind>.json`.
 * An adapter that cannot produce a valid record throws `UpstreamError` 502 `upstream-invalid-answer`
 * instead of passing on a partial or wrong one.
 */
import type { HttpClientFactory } from '../platform/http-client/http-client-factory.ts'
import type { AdapterSettings } from './adapter-config.ts'

/** Who a record is about: a person (resident ID) or an organisation (unified social credit code). */
export interface SubjectRef {
  idType: 'resident-id' | 'credit-code'
  idNumber: string
}

/** A logical record kind an adapter serves, e.g. `social-insurance-contribution`. */
export interface RecordKindInfo {
  kind: string
  /** `$id` of the canonical schema, e.g. `records/social-insurance-contribution.json`. */
  schema: string
  /** Chinese name for people reading the catalog, e.g. 社会保险缴费记录. */
  title: string
}

export interface CanonicalRecord {
  kind: string
  /** Stable key of the record inside its kind, for idempotent upserts of hub-held copies. */
  recordId: string
  data: Record<string, unknown>
}

export interface CallContext {
  /** Cancels the call when the hub's own caller has gone away. */
  signal?: AbortSignal
  /** Propagated to the department system so both sides' logs can be joined. */
  requestId?: string
}

export interface Page<T> {
  items: T[]
  /** Opaque; null on the last page. */
  nextCursor: string | null
}

export interface ChangeBatch {
  records: CanonicalRecord[]
  /** Hand back on the next call; equal to the input when nothing changed. */
  cursor: string
  /** True when the source has nothing newer than `cursor` right now. */
  caughtUp: boolean
}

/** One page of every record of a kind, in the system's own stable order. */
export interface RecordPage {
  records: CanonicalRecord[]
  /** Where the next page starts (opaque); null after the last page. */
  next: string | null
}

export interface PushReceipt {
  /** The department system's own id for what was received (e.g. 省平台 receipt number). */
  receiptId: string
  /** True when the same idempotency key had already been received: nothing was done twice. */
  duplicate: boolean
  receivedAt: string
}

/**
 * A certificate (电子证照) as the department's own system issued it, in the hub's terms: what
 * `CertificateService.ingest` needs. Adapters check its shape; the hub checks the holder's number
 * and the face data against the type, so one bad certificate is skipped rather than a whole batch.
 */
export interface IssuedCertificate {
  /** Registered certificate type code (issuing authority's credit code + 3 digits). */
  typeCode: string
  /** The issuing system's own serial (流水号), `[0-9A-Z]+`. */
  serial: string
  /** 3 digits; the hub's default 001 when the system has no versions. */
  version?: string
  holder: { idType: 'resident-id' | 'credit-code'; idNumber: string; name: string }
  /** YYYY-MM-DD. */
  issuedOn: string
  validFrom?: string
  /** Inclusive; absent ⇒ no end. */
  validUntil?: string
  /** Face data (照面信息) in the type's canonical field names. */
  faceData: Record<string, unknown>
  /** Only when the system says so (e.g. 已注销 ⇒ revoked); absent ⇒ the hub keeps what it has. */
  status?: 'valid' | 'suspended' | 'revoked'
  statusReason?: string
}

export interface CertificateBatch {
  certificates: IssuedCertificate[]
  /** Hand back on the next call; equal to the input when nothing was new. */
  cursor: string
  /** True when the system has nothing after `cursor` right now. */
  caughtUp: boolean
}

/**
 * A service item (政务服务事项) as the provincial platform keeps it, in the hub's terms: what the
 * 事项 catalog's sync needs. The implementing body is named by its credit code; the hub maps it to
 * a department. The province does not know the city's certificate types, so materials carry none.
 */
export interface ProvincialServiceItem {
  /** 基本编码. */
  code: string
  /** 实施编码. */
  implementationCode: string | null
  name: string
  type:
    | 'administrative-licensing'
    | 'administrative-confirmation'
    | 'administrative-payment'
    | 'administrative-reward'
    | 'administrative-adjudication'
    | 'other-administrative-power'
    | 'public-service'
  /** Unified social credit code of the implementing body (实施主体编码). */
  implementingCreditCode: string
  divisionCode: string | null
  legalBasis: string
  promisedWorkingDays: number | null
  oneVisit: boolean
  /** `retired` when the province cancelled it (取消). */
  status: 'active' | 'retired'
  materials: { materialCode: string; name: string; required: boolean; paperCopies: number }[]
}

export interface ServiceItemBatch {
  items: ProvincialServiceItem[]
  /** Hand back on the next call; equal to the input when nothing changed. */
  cursor: string
  /** True when the platform has nothing after `cursor` right now. */
  caughtUp: boolean
}

export interface AdapterHealth {
  status: 'up' | 'degraded' | 'down'
  breaker: 'closed' | 'open' | 'half-open'
  detail?: string
}

/** Optional capabilities: an adapter implements the ones its department system offers. */
export interface AdapterCapabilities {
  /** All records of a kind about one subject. */
  lookupBySubject?(kind: string, subject: SubjectRef, ctx?: CallContext): Promise<CanonicalRecord[]>
  /** Records of a kind matching simple equality filters (canonical field names), page by page. */
  query?(
    kind: string,
    filter: Record<string, string>,
    page: { cursor?: string | null; limit: number },
    ctx?: CallContext,
  ): Promise<Page<CanonicalRecord>>
  /** Records of a kind changed after `cursor` (null = from the beginning), for hub-held copies. */
  changesSince?(kind: string, cursor: string | null, limit: number, ctx?: CallContext): Promise<ChangeBatch>
  /**
   * Every record of a kind, one page at a time in the system's stable order (`after` null = the
   * first page): what a dataset subscription on a live (not hub-held) resource reads. A system without
   * a change feed is re-paged and compared (see exchange/subscriptions/README.md).
   */
  pageRecords?(
    kind: string,
    page: { after: string | null; limit: number },
    ctx?: CallContext,
  ): Promise<RecordPage>
  /** Sends a canonical payload to the department system; safe to repeat with the same key. */
  push?(
    kind: string,
    payload: Record<string, unknown>,
    options: { idempotencyKey: string },
    ctx?: CallContext,
  ): Promise<PushReceipt>
  /** Certificates the system issued after `cursor` (null = from the beginning), one page at a time. */
  certificatesSince?(cursor: string | null, ctx?: CallContext): Promise<CertificateBatch>
  /** Service items (事项) created or changed after `cursor` (null = all), one page at a time. */
  serviceItemsSince?(cursor: string | null, ctx?: CallContext): Promise<ServiceItemBatch>
}

export interface DepartmentAdapter extends AdapterCapabilities {
  /** Short name, also the environment prefix: `hrss` ⇒ `ADAPTER_HRSS_URL`. */
  readonly name: string
  /** Code of the department whose system this is, e.g. `lf-hrss`. */
  readonly department: string
  readonly kinds: readonly RecordKindInfo[]
  /** Information-resource codes (from the directory) this adapter serves; set by configuration. */
  readonly resourceCodes: readonly string[]
  health(ctx?: CallContext): Promise<AdapterHealth>
}

export interface AdapterDependencies {
  settings: AdapterSettings
  http: HttpClientFactory
}

/** What a department folder exports: enough for the registry to build the adapter from configuration. */
export interface AdapterModule {
  name: string
  /** Used when `ADAPTER_<NAME>_DEPARTMENT` is not set (matches the demo seed). */
  defaultDepartment: string
  kinds: readonly RecordKindInfo[]
  create(deps: AdapterDependencies): DepartmentAdapter
}
