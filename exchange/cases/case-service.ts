import { randomUUID } from 'node:crypto'
import type { Knex } from 'knex'
import {
  AppError,
  ConflictError,
  type FieldProblem,
  InputError,
  NotAllowedError,
} from '../../platform/errors/app-error.ts'
import { mapUniqueViolation } from '../../platform/errors/unique-violation.ts'
import { appendEvents } from '../../platform/events/outbox-store.ts'
import type { Authorization } from '../../policies/ability.ts'
import { canIngestCase } from '../../policies/case-policy.ts'
import type { RefusalEvent, RequestContext } from '../../policies/request-context.ts'
import type { CaseChange, CaseChangeReceipt } from '../../schemas/generated/types.ts'
import { findChange, insertChanges, type NewChange } from './case-change-store.ts'
import { markDisputedCertificates } from './case-disputes.ts'
import {
  CASE_TOPIC,
  type CaseDistributor,
  type DrainRequest,
  type RoutedCopies,
  type SourceEvent,
} from './case-distributor.ts'
import {
  type CaseFacts,
  type CaseState,
  type PlannedChange,
  planChange,
  type ReferenceData,
} from './case-planner.ts'
import { loadReferenceData } from './case-reference-lookup.ts'
import { type CaseRow, insertCases, lockCases, updateCasesProgress } from './case-store.ts'

export interface IngestResult {
  receipt: CaseChangeReceipt
  /** True when the same change was already recorded; nothing was written. */
  replayed: boolean
}

/**
 * Ingest of case changes, one or a batch, in one transaction: the cases are locked, every change is
 * checked against the state the earlier ones leave (`case-planner.ts`), and only when all pass are
 * the cases, the timeline rows and the `case-events` events written — in a handful of multi-row
 * statements, whatever the batch size: each round trip costs the hub CPU and holds the case locks
 * longer, so nothing is read twice and nothing is written row by row. Idempotent by (case number,
 * sequence): a replay answers the first receipt, a different payload under a used sequence is a 409.
 */
export class CaseService {
  /**
   * `distributor` routes copies to granted departments in the same transaction; `requestDrains` is
   * told, after commit, which webhook queues grew (a failure there is left to the periodic sweep).
   */
  constructor(
    private readonly db: Knex,
    private readonly distributor?: CaseDistributor,
    private readonly requestDrains: (drains: DrainRequest[]) => Promise<void> = async () => {},
  ) {}

  /** One change; a push the caller may not make is recorded on the audit trail before it is refused. */
  async ingest(ctx: RequestContext, change: CaseChange): Promise<IngestResult> {
    const ability = await ctx.ability()
    const { results, drains } = await this.refusalsAudited(ctx, (refuse) =>
      this.db.transaction(async (trx) => {
        const applied = await this.apply(trx, ctx, ability, [change])
        const failure = applied.failures[0]
        if (failure) throw failure.refused ? refuse(failure.error, [change]) : failure.error
        return applied
      }),
    )
    await this.afterCommit(drains)
    return results[0]!
  }

  /** All or nothing: every failing change is listed (by index); then nothing is written. */
  async ingestBatch(ctx: RequestContext, changes: CaseChange[]): Promise<IngestResult[]> {
    const ability = await ctx.ability()
    const { results, drains } = await this.refusalsAudited(ctx, (refuse) =>
      this.db.transaction(async (trx) => {
        const applied = await this.apply(trx, ctx, ability, changes)
        const failures = applied.failures
        if (failures.length === 0) return applied
        const problems: FieldProblem[] = []
        for (const { index, error } of failures) {
          problems.push({ path: `/changes/${index}`, message: `${error.code}: ${error.message}` })
          for (const p of error.errors ?? [])
            problems.push({ path: `/changes/${index}${p.path}`, message: p.message })
        }
        const detail = `${failures.length} change(s) refused; nothing was recorded`
        const error = failures.every((f) => f.error instanceof ConflictError)
          ? new ConflictError('batch-rejected', detail, { errors: problems })
          : new InputError('batch-rejected', detail, { errors: problems })
        const refused = failures.filter((f) => f.refused)
        // Pushes the caller was not allowed to make go on the trail, with the case numbers refused.
        throw refused.length === 0
          ? error
          : refuse(
              error,
              refused.map((f) => changes[f.index]!),
            )
      }),
    )
    await this.afterCommit(drains)
    return results
  }

  /**
   * Runs `work` (a transaction, with race translation); an error it marked with `refuse` is recorded
   * through the context once the transaction has rolled back, so no case lock waits on the trail.
   */
  private async refusalsAudited<T>(
    ctx: RequestContext,
    work: (refuse: (error: AppError, changes: readonly CaseChange[]) => AppError) => Promise<T>,
  ): Promise<T> {
    const refusals = new Map<AppError, RefusalEvent>()
    try {
      return await translateRaces(() =>
        work((error, changes) => {
          refusals.set(error, refusalEvent(changes))
          return error
        }),
      )
    } catch (error) {
      const event = error instanceof AppError ? refusals.get(error) : undefined
      throw event ? await ctx.audit.refused(error as AppError, event) : error
    }
  }

  private async afterCommit(drains: DrainRequest[]): Promise<void> {
    if (drains.length === 0) return
    // The change is committed whatever happens here; a lost request is picked up by the sweep job.
    await this.requestDrains(drains).catch(() => {})
  }

  private async apply(
    trx: Knex.Transaction,
    ctx: RequestContext,
    ability: Authorization,
    changes: readonly CaseChange[],
  ): Promise<{
    results: IngestResult[]
    failures: Failure[]
    drains: DrainRequest[]
  }> {
    const { principal } = ctx
    const rows = await lockCases(
      trx,
      changes.map((c) => c.caseNumber),
    )
    const reference: ReferenceData = await loadReferenceData(
      trx,
      changes.flatMap((c) => (c.basic ? [c.basic.serviceItemCode] : [])),
      changes.flatMap((c) => (c.basic ? [c.basic.acceptingDepartment] : [])),
    )
    const states = new Map<string, CaseState>(
      [...rows.values()].map((row) => [row.case_number, stateOf(row)]),
    )
    const results: (IngestResult | PlannedChange)[] = []
    const failures: Failure[] = []
    for (const [index, change] of changes.entries()) {
      let refused = false
      try {
        const state = states.get(change.caseNumber)
        const decision = canIngestCase(
          ability,
          state?.facts.department ?? change.basic?.acceptingDepartment ?? principal.department ?? '',
        )
        if (!decision.allowed && state && decision.reason === 'not-case-department') {
          // Another department's case answers like a case that does not exist: the same refusal
          // the plan of an unknown case gives, and a taken case number only when that plan passes.
          planChange(undefined, change, reference)
          refused = true
          throw new ConflictError('case-number-taken', `Case ${change.caseNumber} cannot be accepted`, {
            auditReason: decision.reason,
          })
        }
        if (!decision.allowed) {
          refused = true
          throw new NotAllowedError(
            decision.reason,
            'Only the handling department pushes changes of its cases',
          )
        }
        const outcome = planChange(state, change, reference)
        if (outcome.kind === 'earlier') {
          results.push(await this.replay(trx, change, outcome.hash, results))
        } else {
          states.set(change.caseNumber, outcome.state)
          results.push(outcome.planned)
        }
      } catch (error) {
        if (!(error instanceof AppError)) throw error
        failures.push({ index, error, refused })
      }
    }
    if (failures.length > 0) return { results: [], failures, drains: [] }
    return { ...(await this.write(trx, principal.subject, results, states)), failures }
  }

  /** A sequence already used: the same content is a replay of its receipt, other content a conflict. */
  private async replay(
    trx: Knex.Transaction,
    change: CaseChange,
    hash: string,
    planned: readonly (IngestResult | PlannedChange)[],
  ): Promise<IngestResult | PlannedChange> {
    const inBatch = planned.find(
      (p): p is PlannedChange =>
        'event' in p && p.caseNumber === change.caseNumber && p.sequence === change.sequence,
    )
    const earlier = inBatch
      ? { payload_hash: inBatch.hash }
      : await findChange(trx, change.caseNumber, change.sequence)
    if (earlier?.payload_hash !== hash) {
      throw new ConflictError(
        'sequence-conflict',
        `Sequence ${change.sequence} of case ${change.caseNumber} was already recorded with different content`,
      )
    }
    return inBatch
      ? { ...inBatch, duplicateOf: inBatch }
      : { receipt: (earlier as { receipt: CaseChangeReceipt }).receipt, replayed: true }
  }

  private async write(
    trx: Knex.Transaction,
    recordedBy: string,
    results: readonly (IngestResult | PlannedChange)[],
    states: Map<string, CaseState>,
  ): Promise<{ results: IngestResult[]; drains: DrainRequest[] }> {
    const planned = results.filter((r): r is PlannedChange => 'event' in r && !r.duplicateOf)
    const payloads = await markDisputedCertificates(
      trx,
      planned.map((p) => p.event),
    )
    const sources: SourceEvent[] = planned.map((p, i) => ({
      eventId: randomUUID(),
      type: p.eventType,
      payload: payloads[i]!,
    }))
    const routed: RoutedCopies = this.distributor
      ? await this.distributor.copies(trx, sources)
      : { events: [], deliveries: [] }
    // One insert for the events and their routed copies; sources first, so events[i] is planned[i].
    const events = await appendEvents(trx, [
      ...sources.map((e, i) => ({ ...e, topic: CASE_TOPIC, key: planned[i]!.caseNumber })),
      ...routed.events,
    ])
    const receipts = new Map<PlannedChange, CaseChangeReceipt>()
    const changes: NewChange[] = planned.map((p, i) => {
      const receipt: CaseChangeReceipt = {
        caseNumber: p.caseNumber,
        sequence: p.sequence,
        kind: p.kind,
        status: p.event.status,
        eventId: events[i]!.eventId,
        recordedAt: events[i]!.createdAt.toISOString(),
      }
      receipts.set(p, receipt)
      return { ...p, payload: p.change, receipt, recordedBy }
    })
    const touched = new Set(planned.map((p) => p.caseNumber))
    const fresh = [...touched].map((n) => states.get(n)!).filter((s) => s.basic !== undefined)
    await insertCases(
      trx,
      fresh.map((s) => ({
        caseNumber: s.caseNumber,
        ...s.facts,
        serviceItemVersion: s.serviceItemVersion ?? null,
        basic: s.basic!,
        progress: s.progress,
      })),
    )
    await updateCasesProgress(
      trx,
      [...touched]
        .map((n) => states.get(n)!)
        .filter((s) => s.basic === undefined)
        .map((s) => ({ caseNumber: s.caseNumber, progress: s.progress })),
    )
    await insertChanges(trx, changes)
    const drains = this.distributor ? await this.distributor.queue(trx, routed.deliveries) : []
    return {
      drains,
      results: results.map((r) => {
        if (!('event' in r)) return r
        return r.duplicateOf
          ? { receipt: receipts.get(r.duplicateOf)!, replayed: true }
          : { receipt: receipts.get(r)!, replayed: false }
      }),
    }
  }
}

/** A change that failed; `refused` when the caller was not allowed to push it (audited as denied). */
interface Failure {
  index: number
  error: AppError
  refused: boolean
}

function refusalEvent(changes: readonly CaseChange[]): RefusalEvent {
  const caseNumbers = [...new Set(changes.map((c) => c.caseNumber))]
  const one = caseNumbers.length === 1 ? caseNumbers[0]! : null
  return {
    action: 'cases.ingest',
    resourceType: 'case',
    resourceId: one,
    caseNumber: one,
    details: { caseNumbers },
  }
}

function stateOf(row: CaseRow): CaseState {
  const facts: CaseFacts = {
    serviceItemCode: row.service_item_code,
    serviceItemName: row.service_item_name,
    department: row.department_code,
    divisionCode: row.division_code,
    applicant: row.basic.applicant,
  }
  return {
    caseNumber: row.case_number,
    facts,
    hasResult: row.result !== null,
    progress: {
      status: row.status,
      sequence: row.last_sequence,
      addVisits: 0,
      special: {
        openId: row.special_open_id,
        openSince: row.special_open_since?.toISOString() ?? null,
        pausedSeconds: Number(row.special_paused_seconds),
      },
    },
  }
}

/** Two first pushes of the same new case racing: the loser hit the primary key, which is a 409. */
async function translateRaces<T>(run: () => Promise<T>): Promise<T> {
  return mapUniqueViolation(
    run,
    () =>
      new ConflictError(
        'concurrent-change',
        'Another change of this case was recorded at the same time; retry',
      ),
  )
}
