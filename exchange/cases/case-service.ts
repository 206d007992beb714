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
import { canIngestCase } from '../../policies/case-policy.ts'
import type { CaseChange, CaseChangeReceipt, Principal } from '../../schemas/generated/types.ts'
import { findChange, insertChanges, type NewChange } from './case-change-store.ts'
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

  async ingest(principal: Principal, change: CaseChange): Promise<IngestResult> {
    const { results, drains } = await translateRaces(() =>
      this.db.transaction(async (trx) => {
        const applied = await this.apply(trx, principal, [change])
        if (applied.failures[0]) throw applied.failures[0].error
        return applied
      }),
    )
    await this.afterCommit(drains)
    return results[0]!
  }

  /** All or nothing: every failing change is listed (by index); then nothing is written. */
  async ingestBatch(principal: Principal, changes: CaseChange[]): Promise<IngestResult[]> {
    const { results, drains } = await translateRaces(() =>
      this.db.transaction(async (trx) => {
        const applied = await this.apply(trx, principal, changes)
        const failures = applied.failures
        if (failures.length === 0) return applied
        const problems: FieldProblem[] = []
        for (const { index, error } of failures) {
          problems.push({ path: `/changes/${index}`, message: `${error.code}: ${error.message}` })
          for (const p of error.errors ?? [])
            problems.push({ path: `/changes/${index}${p.path}`, message: p.message })
        }
        const detail = `${failures.length} change(s) refused; nothing was recorded`
        throw failures.every((f) => f.error instanceof ConflictError)
          ? new ConflictError('batch-rejected', detail, { errors: problems })
          : new InputError('batch-rejected', detail, { errors: problems })
      }),
    )
    await this.afterCommit(drains)
    return results
  }

  private async afterCommit(drains: DrainRequest[]): Promise<void> {
    if (drains.length === 0) return
    // The change is committed whatever happens here; a lost request is picked up by the sweep job.
    await this.requestDrains(drains).catch(() => {})
  }

  private async apply(
    trx: Knex.Transaction,
    principal: Principal,
    changes: readonly CaseChange[],
  ): Promise<{
    results: IngestResult[]
    failures: { index: number; error: AppError }[]
    drains: DrainRequest[]
  }> {
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
    const failures: { index: number; error: AppError }[] = []
    for (const [index, change] of changes.entries()) {
      try {
        const state = states.get(change.caseNumber)
        const decision = canIngestCase(
          principal,
          state?.facts.department ?? change.basic?.acceptingDepartment ?? principal.department ?? '',
        )
        if (!decision.allowed && state && decision.reason === 'not-case-department') {
          // Another department's case answers like a case that does not exist: the same refusal
          // the plan of an unknown case gives, and a taken case number only when that plan passes.
          planChange(undefined, change, reference)
          throw new ConflictError('case-number-taken', `Case ${change.caseNumber} cannot be accepted`, {
            auditReason: decision.reason,
          })
        }
        if (!decision.allowed) {
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
        failures.push({ index, error })
      }
    }
    if (failures.length > 0) return { results: [], failures, drains: [] }
    return { ...(await this.write(trx, principal, results, states)), failures }
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
    principal: Principal,
    results: readonly (IngestResult | PlannedChange)[],
    states: Map<string, CaseState>,
  ): Promise<{ results: IngestResult[]; drains: DrainRequest[] }> {
    const planned = results.filter((r): r is PlannedChange => 'event' in r && !r.duplicateOf)
    const sources: SourceEvent[] = planned.map((p) => ({
      eventId: randomUUID(),
      type: p.eventType,
      payload: p.event,
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
      return { ...p, payload: p.change, receipt, recordedBy: principal.subject }
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
