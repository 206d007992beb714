import type { Knex } from 'knex'
import type { CanonicalRecord } from '../../adapters/adapter-contract.ts'
import type { AdapterRegistry } from '../../adapters/adapter-registry.ts'
import { AppError, InputError, NotAllowedError, NotFoundError } from '../../platform/errors/app-error.ts'
import { maskResidentId } from '../../platform/identifiers/index.ts'
import { asSubject, can, type GrantFacts, grantFor, permittedItems } from '../../policies/ability.ts'
import {
  fetchCoverage,
  lapsedReason,
  requiresOpenCase,
  rowDenialReason,
} from '../../policies/fetch-policy.ts'
import { maskRecord } from '../../policies/grant-masking.ts'
import type { AuditEvent, RequestContext } from '../../policies/request-context.ts'
import type { FetchRequest, FetchResult, FetchSubject } from '../../schemas/generated/types.ts'
import { disputedRecords } from '../objections/objection-read-model.ts'
import { checkedSubjects } from './fetch-input.ts'
import { bySubject, canonicalFilter, checkFilterGranted } from './fetch-query.ts'
import { applicantsOfOpenCase, latestGrantOf } from './fetch-source-read-model.ts'
import type { GrantLimiter } from './grant-limiter.ts'
import { toItemValues } from './record-item-map.ts'
import { RecordReader } from './record-reader.ts'
import type { CursorSeal, RecordReference } from './record-reference.ts'
import { type KindFields, type RecordSource, resolveSource } from './record-source.ts'

/**
 * The authorized fetch (invariant 1 of the design): resolve the resource, validate the subjects, ask
 * the ability for a grant, enforce the grant's limits, read the records (adapter or hub-held copy),
 * keep only granted items, mask them, and return — only after the audit record of every subject is
 * durable. Every refusal is audited too, with a stable reason, before it is thrown.
 */

export interface FetchServiceDeps {
  db: Knex
  adapters: AdapterRegistry
  limiter: GrantLimiter
  fieldsOf: KindFields
  maxSubjects: number
  /** The opaque reference a record leaves under (never the source's own key). */
  recordRef: RecordReference
  /** Query cursors leave sealed. */
  cursors: CursorSeal
}

type Result = FetchResult['results'][number]

export class FetchService {
  private readonly reader: RecordReader

  constructor(private readonly deps: FetchServiceDeps) {
    this.reader = new RecordReader(deps.db)
  }

  async fetch(ctx: RequestContext, body: FetchRequest): Promise<FetchResult> {
    const { principal } = ctx
    // The purpose in the caller's own words (「商品房抵押贷款审核」) is kept beside its code on every record.
    const audit = (event: AuditEvent) =>
      ctx.audit.record({ ...event, details: { purposeText: body.purpose.text, ...event.details } })
    const base = {
      action: 'exchange.fetch',
      resourceType: 'resource',
      resourceId: body.resourceCode,
      purpose: body.purpose.code,
      caseNumber: body.caseNumber ?? null,
      items: [],
    } as const
    const refuse = async (error: AppError, subjects: readonly FetchSubject[] = [], grantId?: string) => {
      const entries = subjects.length > 0 ? subjects.map((s) => s.id) : [null]
      await Promise.all(
        entries.map((subjectId) =>
          audit({ ...base, subjectId, grantId: grantId ?? null, outcome: 'denied', reason: error.code }),
        ),
      )
      return error
    }

    let subjects: FetchSubject[]
    try {
      subjects = checkedSubjects(body, this.deps.maxSubjects)
    } catch (error) {
      throw error instanceof AppError ? await refuse(error) : error
    }

    const [resource, authz] = await Promise.all([this.reader.resource(body.resourceCode), ctx.ability()])
    if (!resource)
      throw await refuse(
        new NotFoundError('resource-not-found', `No published resource ${body.resourceCode}.`),
      )

    const coverage = fetchCoverage(authz, resource, body.purpose.code)
    if (!coverage.allowed) {
      const { reason, grantId } =
        coverage.reason === 'no-grant' && principal.department !== null
          ? lapsedReason(await latestGrantOf(this.deps.db, principal.department, resource.id))
          : coverage
      throw await refuse(
        new NotAllowedError(reason, denialDetail(reason, resource, body.purpose.code)),
        subjects,
        grantId ?? undefined,
      )
    }
    const fitting = coverage.grants
    const needsCase = requiresOpenCase(fitting)
    if (needsCase && !body.caseNumber)
      throw await refuse(
        new InputError(
          'case-number-required',
          'This grant allows fetches only for the applicant of an open case.',
          {
            errors: [{ path: '/body/caseNumber', message: 'required by the grant' }],
          },
        ),
        subjects,
        fitting[0]!.id,
      )

    let source: RecordSource | undefined
    let records = new Map<string, CanonicalRecord[]>()
    let nextCursor: string | null = null
    const grantOfCall = fitting[0]!.id
    if (body.query) {
      const { filter: asked } = body.query
      await this.limit(async () => checkFilterGranted(asked, fitting), refuse, grantOfCall)
      // The page is read before subjects are known, so the per-minute rate is taken first.
      for (const grant of fitting) await this.limit(() => this.deps.limiter.takeCall(grant), refuse, grant.id)
      try {
        source = resolveSource(resource, this.deps.adapters, this.deps.fieldsOf)
        const filter = canonicalFilter(body.query.filter, source)
        const limit = body.query.limit ?? 20
        const cursor =
          body.query.cursor === undefined
            ? undefined
            : this.deps.cursors.open(resource.code, body.query.cursor)
        const page = await this.reader.page(source, filter, { cursor, limit }, ctx)
        nextCursor = page.nextCursor === null ? null : this.deps.cursors.seal(resource.code, page.nextCursor)
        ;({ subjects, records } = bySubject(page.items))
      } catch (error) {
        if (error instanceof AppError) throw await refuse(error, [], grantOfCall)
        throw error
      }
    }

    const applicants =
      body.caseNumber && principal.department !== null && subjects.length > 0
        ? await applicantsOfOpenCase(
            this.deps.db,
            body.caseNumber,
            principal.department,
            subjects.map((s) => s.id),
          )
        : new Set<string>()
    const decided = subjects.map((subject) => {
      const record = asSubject('Record', {
        resourceId: resource.id,
        version: resource.version,
        purposeCode: body.purpose.code,
        holder: subject.id,
        district: subject.type === 'resident-id' ? subject.id.slice(0, 6) : subject.id.slice(2, 8),
        applicantOfOpenCase: applicants.has(subject.id),
      })
      if (!can(authz, 'fetch', record)) return { subject, grant: null, items: [] as string[] }
      const items = permittedItems(authz, record, resource.items)
      return { subject, grant: grantFor(authz, record, items[0]), items }
    })
    const allowed = decided.filter((d): d is typeof d & { grant: GrantFacts } => d.grant !== null)
    const rowReason = rowDenialReason(fitting)
    if (!body.query && allowed.length === 0)
      throw await refuse(
        new NotAllowedError(
          rowReason,
          `The grant's conditions exclude every requested subject (${rowReason}).`,
        ),
        subjects,
        grantOfCall,
      )

    const grantsUsed = new Map(allowed.map((d) => [d.grant.id, d.grant]))
    if (!body.query) {
      for (const grant of grantsUsed.values())
        await this.limit(() => this.deps.limiter.takeCall(grant), refuse, grant.id, subjects)
      try {
        source = resolveSource(resource, this.deps.adapters, this.deps.fieldsOf)
        records = await this.reader.records(
          source,
          allowed.map((d) => d.subject),
          ctx,
        )
      } catch (error) {
        if (error instanceof AppError) throw await refuse(error, subjects, grantOfCall)
        throw error
      }
    }

    // Both forms have read through their source by now, or thrown.
    const src = source!

    // The daily cap counts records that leave the hub, so it is taken once their number is known.
    for (const grant of grantsUsed.values()) {
      const count = allowed
        .filter((d) => d.grant.id === grant.id)
        .reduce((n, d) => n + (records.get(d.subject.id)?.length ?? 0), 0)
      await this.limit(() => this.deps.limiter.takeVolume(grant, count), refuse, grant.id, subjects)
    }

    const fetchedAt = new Date()
    const results: Result[] = []
    const audits: Promise<unknown>[] = []
    for (const d of decided) {
      if (d.grant === null) {
        // A query must not reveal who else matched: excluded subjects are audited, not listed.
        if (!body.query)
          results.push({ subject: d.subject, outcome: 'denied', reason: rowReason, records: [] })
        audits.push(
          audit({
            ...base,
            subjectId: d.subject.id,
            grantId: grantOfCall,
            outcome: 'denied',
            reason: rowReason,
          }),
        )
        continue
      }
      const grant = d.grant
      const out = (records.get(d.subject.id) ?? []).map((r) => ({
        recordId: this.deps.recordRef(resource.code, r.recordId),
        items: maskRecord(
          toItemValues(r.data, d.items, src.kind, src.fields, src.itemFields),
          d.items,
          grant.masking,
        ),
      }))
      const returned = [...new Set(out.flatMap((r) => Object.keys(r.items)))]
      // A query found the subject, so its identifier was not the caller's to begin with: masked.
      const subject =
        body.query && d.subject.type === 'resident-id'
          ? { ...d.subject, id: maskResidentId(d.subject.id) }
          : d.subject
      results.push({ subject, outcome: 'allowed', records: out })
      audits.push(
        audit({
          ...base,
          subjectId: d.subject.id,
          items: d.items.filter((i) => returned.includes(i)),
          grantId: grant.id,
          outcome: 'allowed',
          // The record ids let a data objection prove later that this department received the record.
          details: {
            records: out.length,
            adapter: src.adapterName,
            hubHeld: src.hubHeld,
            kind: src.kind,
            recordIds: out.map((r) => r.recordId),
          },
        }),
      )
    }
    // A query that found nothing (for this caller) is still an access on the trail.
    if (audits.length === 0 || (body.query && allowed.length === 0))
      audits.push(
        audit({
          ...base,
          subjectId: null,
          grantId: grantOfCall,
          outcome: 'allowed',
          details: { records: 0 },
        }),
      )
    const [syncedAt, disputes] = await Promise.all([
      src.hubHeld ? this.reader.syncedAt(src) : null,
      disputedRecords(
        this.deps.db,
        resource.code,
        results.flatMap((r) => r.records.map((record) => record.recordId)),
      ),
      ...audits,
    ])
    // A record under objection (数据异议) says so, with the objection, until the objection is resolved.
    if (disputes.size > 0)
      for (const result of results)
        for (const record of result.records) {
          const objectionId = disputes.get(record.recordId)
          if (objectionId) Object.assign(record, { disputed: true, objectionId })
        }
    return {
      resourceCode: resource.code,
      resourceVersion: resource.version,
      grantId: allowed[0]?.grant.id ?? grantOfCall,
      fetchedAt: fetchedAt.toISOString(),
      source: {
        adapter: src.adapterName,
        department: src.department,
        recordKind: src.kind,
        hubHeld: src.hubHeld,
        ...(syncedAt ? { syncedAt: syncedAt.toISOString() } : {}),
      },
      ...(nextCursor ? { nextCursor } : {}),
      results,
    }
  }

  /** Runs a check (a grant limit, a filter); its refusal is audited like every other. */
  private async limit(
    take: () => Promise<void>,
    refuse: (error: AppError, subjects?: readonly FetchSubject[], grantId?: string) => Promise<AppError>,
    grantId: string,
    subjects: readonly FetchSubject[] = [],
  ): Promise<void> {
    try {
      await take()
    } catch (error) {
      if (error instanceof AppError) throw await refuse(error, subjects, grantId)
      throw error
    }
  }
}

/** What the caller reads about a refusal before any record is read (the code says it for machines). */
function denialDetail(
  reason: string,
  resource: { code: string; version: number },
  purposeCode: string,
): string {
  if (reason === 'version-not-granted')
    return `Your grants on ${resource.code} do not cover its current version ${resource.version}.`
  if (reason === 'purpose-not-granted')
    return `Your grants on ${resource.code} were given for another purpose than "${purposeCode}".`
  return `Your department holds no usable grant on ${resource.code} (${reason}).`
}
