import type { Knex } from 'knex'
import { InputError } from '../platform/errors/app-error.ts'
import type { RequestContext } from '../policies/request-context.ts'
import type { AuditRecord, AuditRecordPage, AuditVerifyResult } from '../schemas/generated/types.ts'
import { recordTrailAccess, requireTrailRole } from './audit-gate.ts'
import type { AuditFilter, AuditReadModel } from './audit-read-model.ts'
import type { AuditWriter } from './audit-writer.ts'
import type { CheckpointSigner } from './checkpoint-signer.ts'
import { verifyTrail } from './checkpoint-verify.ts'

export interface AuditSearchQuery {
  subjectId?: string
  principal?: string
  department?: string
  resourceType?: string
  resourceId?: string
  caseNumber?: string
  outcome?: 'allowed' | 'denied'
  from?: string
  to?: string
}

export type ExportFormat = 'ndjson' | 'csv'

/** How an auditor's operation is recorded: the subject hashed, the other filters as details. */
function access(action: string, query: AuditSearchQuery, details: Record<string, unknown>) {
  const { subjectId, ...filters } = query
  return { action, subjectId, details: { ...filters, ...details } }
}

/** An export may span at most this many days; wider ones are split by the caller (each part streamed). */
export const MAX_EXPORT_DAYS = 366

/**
 * The security officer's operations. Every one of them is itself audited — including a
 * non-auditor's attempt, which is why the role check lives here and not in the route config (the
 * auth hook would refuse before anything could be written).
 */
export class AuditService {
  constructor(
    private readonly deps: {
      db: Knex
      writer: AuditWriter
      readModel: AuditReadModel
      signer: CheckpointSigner | null
    },
  ) {}

  async search(ctx: RequestContext, query: AuditSearchQuery, page: { cursor?: string; limit: number }) {
    await this.requireAuditor(ctx, 'audit.search', query)
    const filter = this.filter(query)
    await this.record(ctx, 'audit.search', query)
    const beforeId = page.cursor === undefined ? undefined : Number(page.cursor)
    const result: AuditRecordPage = await this.deps.readModel.search(filter, { beforeId, limit: page.limit })
    return result
  }

  async verify(ctx: RequestContext, range: { fromId?: number; toId?: number }): Promise<AuditVerifyResult> {
    await this.requireAuditor(ctx, 'audit.verify', {}, range)
    if (range.fromId !== undefined && range.toId !== undefined && range.fromId > range.toId)
      throw new InputError('invalid-range', '`fromId` must not be after `toId`')
    await this.record(ctx, 'audit.verify', {}, range)
    return verifyTrail(this.deps.db, this.deps.signer, range)
  }

  /** Audits the export, then hands back the rows to stream; the caller serialises them. */
  async export(
    ctx: RequestContext,
    query: AuditSearchQuery,
    format: ExportFormat,
  ): Promise<AsyncGenerator<AuditRecord>> {
    await this.requireAuditor(ctx, 'audit.export', query, { format })
    const filter = this.filter(query)
    if (!filter.from || !filter.to)
      throw new InputError('range-required', 'An export needs both `from` and `to`')
    if (filter.to.getTime() - filter.from.getTime() > MAX_EXPORT_DAYS * 86_400_000)
      throw new InputError('range-too-wide', `An export may span at most ${MAX_EXPORT_DAYS} days`)
    await this.record(ctx, 'audit.export', query, { format })
    return this.deps.readModel.stream(filter)
  }

  /** A non-auditor's attempt is recorded as denied (durably) before it is refused. */
  private requireAuditor(
    ctx: RequestContext,
    action: string,
    query: AuditSearchQuery,
    details: Record<string, unknown> = {},
  ): Promise<void> {
    return requireTrailRole(ctx, ['auditor'], access(action, query, details))
  }

  private record(
    ctx: RequestContext,
    action: string,
    query: AuditSearchQuery,
    details: Record<string, unknown> = {},
  ): Promise<void> {
    return recordTrailAccess(ctx, access(action, query, details))
  }

  private filter(query: AuditSearchQuery): AuditFilter {
    const from = query.from === undefined ? undefined : new Date(query.from)
    const to = query.to === undefined ? undefined : new Date(query.to)
    if (from && to && from.getTime() > to.getTime())
      throw new InputError('invalid-range', '`from` must not be after `to`', {
        errors: [{ path: '/querystring/from', message: 'must not be after `to`' }],
      })
    return {
      subjectHash: query.subjectId === undefined ? undefined : this.deps.writer.subjectHash(query.subjectId),
      principal: query.principal,
      department: query.department,
      resourceType: query.resourceType,
      resourceId: query.resourceId,
      caseNumber: query.caseNumber,
      outcome: query.outcome,
      from,
      to,
    }
  }
}
