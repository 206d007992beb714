import { reportWindow } from '../platform/calendar/report-window.ts'
import { InputError } from '../platform/errors/app-error.ts'
import type { RequestContext } from '../policies/request-context.ts'
import type { AuditAccessPage, AuditAggregateReport, AuditAnomalyReport } from '../schemas/generated/types.ts'
import type { AggregateKey, AnomalyKind, AnomalyReadModel } from './anomaly-read-model.ts'
import { recordTrailAccess, requireTrailRole } from './audit-gate.ts'
import { MAX_EXPORT_DAYS } from './audit-service.ts'
import type { AuditWriter } from './audit-writer.ts'

export interface RangeQuery {
  from?: string
  to?: string
}

/** Each rule's threshold when the auditor gives none. */
export const DEFAULT_THRESHOLDS: Record<AnomalyKind, number> = {
  'access-without-case': 0,
  'after-grant-end': 0,
  'volume-spike': 3, // k × the principal's median hourly volume
  'off-hours-bulk': 50, // records in one off-hours hour
  'repeated-denials': 5, // denials in the range
  'failed-authentications': 10, // failed authentications from one source in the range
}

/** The auditor's reports and the citizen's own view; each is audited like every read of the trail. */
export class ReportService {
  constructor(private readonly deps: { writer: AuditWriter; anomalies: AnomalyReadModel }) {}

  async anomalies(
    ctx: RequestContext,
    query: RangeQuery & { kind?: AnomalyKind; threshold?: number },
  ): Promise<AuditAnomalyReport> {
    const access = { action: 'audit.anomalies', details: { ...query } }
    await requireTrailRole(ctx, ['auditor'], access)
    const { from, to } = range(query)
    const { kind } = query
    if (kind === undefined && query.threshold !== undefined)
      throw new InputError('threshold-needs-kind', 'A threshold applies to one rule: give `kind` too', {
        errors: [{ path: '/querystring/kind', message: 'required with threshold' }],
      })
    await recordTrailAccess(ctx, access)
    const window = { from: from.toISOString(), to: to.toISOString() }
    if (kind === undefined) {
      const kinds = Object.keys(DEFAULT_THRESHOLDS) as AnomalyKind[]
      const found = await Promise.all(
        kinds.map((k) => this.deps.anomalies.anomalies(k, { from, to, threshold: DEFAULT_THRESHOLDS[k] })),
      )
      return { kind: 'all', ...window, items: found.flat() }
    }
    const threshold = query.threshold ?? DEFAULT_THRESHOLDS[kind]
    const items = await this.deps.anomalies.anomalies(kind, { from, to, threshold })
    return { kind, ...window, threshold, items }
  }

  async aggregates(
    ctx: RequestContext,
    query: RangeQuery & { groupBy?: AggregateKey; accessesOnly?: boolean },
  ): Promise<AuditAggregateReport> {
    const access = { action: 'audit.aggregates', details: { ...query } }
    await requireTrailRole(ctx, ['auditor'], access)
    const { from, to } = range(query)
    await recordTrailAccess(ctx, access)
    const groupBy = query.groupBy ?? 'department'
    const items = await this.deps.anomalies.aggregates(groupBy, {
      from,
      to,
      accessesOnly: query.accessesOnly,
    })
    return { groupBy, from: from.toISOString(), to: to.toISOString(), items }
  }

  /**
   * A citizen's accesses: their resident ID (the token's `idNumber`, else its subject) is matched
   * through its keyed hash. Their own look is recorded under their ID too, but not listed back to them.
   */
  async myAccesses(ctx: RequestContext, page: { cursor?: string; limit: number }): Promise<AuditAccessPage> {
    const subject = ctx.principal.idNumber ?? ctx.principal.subject
    const access = { action: 'audit.my-accesses', subjectId: subject }
    await requireTrailRole(ctx, ['citizen'], access)
    await recordTrailAccess(ctx, access)
    const beforeId = page.cursor === undefined ? undefined : Number(page.cursor)
    return this.deps.anomalies.accessesTo(this.deps.writer.subjectHash(subject), ctx.principal.subject, {
      beforeId,
      limit: page.limit,
    })
  }
}

/** `to` defaults to now and `from` to 30 days before it (reportWindow); at most MAX_EXPORT_DAYS apart. */
function range(query: RangeQuery): { from: Date; to: Date } {
  const window = reportWindow(query)
  const to = new Date(window.to)
  const from = new Date(window.from)
  if (from.getTime() >= to.getTime())
    throw new InputError('invalid-range', '`from` must be before `to`', {
      errors: [{ path: '/querystring/from', message: 'must be before `to`' }],
    })
  if (to.getTime() - from.getTime() > MAX_EXPORT_DAYS * 86_400_000)
    throw new InputError('range-too-wide', `A report may span at most ${MAX_EXPORT_DAYS} days`)
  return { from, to }
}
