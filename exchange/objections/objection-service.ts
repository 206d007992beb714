import type { Knex } from 'knex'
import type { WorkingDayCalendar } from '../../platform/calendar/working-days.ts'
import {
  AppError,
  type FieldProblem,
  InputError,
  NotAllowedError,
  NotFoundError,
} from '../../platform/errors/app-error.ts'
import { violationsError } from '../../platform/errors/violations.ts'
import { idempotently } from '../../platform/http/idempotency.ts'
import type { Authorization } from '../../policies/ability.ts'
import { toKnexWhere } from '../../policies/knex-where.ts'
import {
  canAnswer,
  canRead,
  canRespond,
  canRule,
  canSeeSourceRecordKey,
  type Decision,
  OBJECTION_HIDDEN,
  type ObjectionFacts,
  qualityScope,
  readsEveryObjection,
} from '../../policies/objection-policy.ts'
import type { RefusalEvent, RequestContext } from '../../policies/request-context.ts'
import type {
  Objection,
  ObjectionAnswer,
  ObjectionCreate,
  ObjectionList,
  ObjectionQuality,
  ObjectionResponse,
  ObjectionRuling,
  ObjectionTimeline,
} from '../../schemas/generated/types.ts'
import { HUB_ACTOR, recordObjectionChange } from './objection-change.ts'
import { listObjections, type ObjectionView, qualityFigures } from './objection-read-model.ts'
import {
  checkAttachments,
  decodeCursor,
  EVENT_OF,
  encodeCursor,
  nextStatus,
  type ObjectionAction,
  type ObjectionStatus,
} from './objection-rules.ts'
import {
  attachmentContent,
  attachmentsOf,
  changesOf,
  findObjection,
  insertAttachments,
  insertObjection,
  lockObjection,
  lockOverdue,
  type ObjectionRow,
  updateObjection,
} from './objection-store.ts'
import {
  type OpenRecordReference,
  type RefreshHeldCopy,
  refreshCorrection,
  resolveTarget,
} from './objection-target.ts'
import { toObjection } from './objection-view.ts'

/**
 * Data objections (数据异议与校核, 国发〔2016〕51号): a consumer or clerk reports that shared data is
 * wrong — on a resource, on a record its department demonstrably received, or on a certificate fetched
 * for one of its cases; the provider's steward checks and answers within working days (confirm and
 * correct, or reject with reasons); the objector accepts or escalates; the reviewer rules. Every step
 * writes the row, a timeline entry and an outbox event in one transaction and is audited; every
 * refusal is audited as denied before it is thrown.
 */

export interface ObjectionServiceOptions {
  db: Knex
  calendar: WorkingDayCalendar
  /** Working days the provider has to answer, by the share type of the data. */
  answerWorkdays: { unconditional: number; conditional: number }
  refresh: RefreshHeldCopy
  /** Opens the record references fetches hand out (the provider's copy is found by its own key). */
  openRef: OpenRecordReference
  now?: () => Date
}

export interface ObjectionListQuery {
  view?: ObjectionView
  status?: ObjectionStatus
  limit: number
  cursor?: string
}

const field = (path: string, message: string): FieldProblem[] => [{ path, message }]

export class ObjectionService {
  private readonly db: Knex
  private readonly now: () => Date

  constructor(private readonly options: ObjectionServiceOptions) {
    this.db = options.db
    this.now = options.now ?? (() => new Date())
  }

  async raise(
    caller: RequestContext,
    input: ObjectionCreate,
    idempotencyKey?: string,
  ): Promise<{ objection: Objection; replayed: boolean }> {
    const base = { action: 'objection.raise', resourceType: 'objection', items: input.items }
    const { value, replayed } = await this.refusalsAudited(caller, base, async () => {
      const row = await resolveTarget(this.db, caller.principal, await caller.ability(), input, (share) =>
        this.deadline(this.now(), share),
      )
      const { files, violations } = checkAttachments(input.attachments ?? [])
      if (violations.length > 0) throw violationsError(violations, 'invalid-attachments')
      return this.db.transaction((trx) =>
        idempotently(
          trx,
          {
            subject: caller.principal.subject,
            key: idempotencyKey,
            operation: 'raiseObjection',
            body: input,
          },
          201,
          async () => {
            const inserted = await insertObjection(trx, row)
            await insertAttachments(trx, inserted.id, files)
            await recordObjectionChange(trx, inserted, {
              type: EVENT_OF.raise,
              actor: caller.principal.subject,
              note: input.description,
              details: { answerDeadline: inserted.answer_deadline.toISOString(), attachments: files.length },
            })
            return this.toObjection(trx, inserted)
          },
        ),
      )
    })
    if (!replayed)
      await caller.audit.record({
        ...base,
        resourceId: value.id,
        caseNumber: value.target.caseNumber ?? null,
        outcome: 'allowed',
        details: { target: value.target, providerDepartment: value.providerDepartment },
      })
    return { objection: value, replayed }
  }

  /** The provider's steward confirms and corrects, or rejects with a reason. */
  async answer(caller: RequestContext, id: string, input: ObjectionAnswer): Promise<Objection> {
    const base = { action: 'objection.answer', resourceType: 'objection', resourceId: id }
    return this.refusalsAudited(caller, base, async () => {
      const action: ObjectionAction = input.outcome
      const current = await this.authorized(this.db, await caller.ability(), id, canAnswer)
      nextStatus(current.status, action)
      const reason = input.reason?.trim() || null
      if (action === 'reject' && !reason)
        throw new InputError('rejection-reason-required', 'A rejection must give its reasons.', {
          errors: field('/body/reason', 'is required when rejecting'),
        })
      if (action === 'confirm' && !input.correction)
        throw new InputError('correction-required', 'A confirmation says how the data was corrected.', {
          errors: field('/body/correction', 'is required when confirming'),
        })
      // The department system is re-read before the step commits: a failed refresh changes nothing.
      const refreshed =
        input.correction?.method === 'refresh'
          ? await refreshCorrection(this.db, current, this.options.refresh, this.options.openRef)
          : undefined
      const at = this.now()
      const correction =
        action === 'confirm' && input.correction
          ? {
              method: input.correction.method,
              note: input.correction.note ?? null,
              correctedValues: input.correction.correctedValues ?? {},
              ...(refreshed ? { refreshed } : {}),
              by: caller.principal.subject,
              at: at.toISOString(),
            }
          : null
      const row = await this.db.transaction(async (trx) => {
        const locked = await this.authorized(trx, await caller.ability(), id, canAnswer, true)
        const status = nextStatus(locked.status, action)
        const updated = await updateObjection(trx, id, {
          status,
          answered_at: at,
          answered_by: caller.principal.subject,
          answer_reason: reason,
          correction,
          ...(locked.first_answered_at ? {} : { first_answered_at: at }),
        })
        await recordObjectionChange(trx, updated, {
          type: EVENT_OF[action],
          actor: caller.principal.subject,
          note: reason ?? correction?.note ?? null,
          details: correction ? { correction } : {},
        })
        return updated
      })
      await caller.audit.record({
        ...base,
        outcome: 'allowed',
        reason: action,
        details: { status: row.status, ...(correction ? { method: correction.method, refreshed } : {}) },
      })
      return this.toObjection(this.db, row)
    })
  }

  /** The objector's department accepts the answer or escalates it to the reviewers. */
  async respond(caller: RequestContext, id: string, input: ObjectionResponse): Promise<Objection> {
    const base = { action: 'objection.respond', resourceType: 'objection', resourceId: id }
    return this.refusalsAudited(caller, base, async () => {
      const action: ObjectionAction = input.outcome
      const reason = input.reason?.trim() || null
      const row = await this.db.transaction(async (trx) => {
        const locked = await this.authorized(trx, await caller.ability(), id, canRespond, true)
        const status = nextStatus(locked.status, action)
        if (action === 'escalate' && !reason)
          throw new InputError('escalation-reason-required', 'An escalation must give its reasons.', {
            errors: field('/body/reason', 'is required when escalating'),
          })
        const now = this.now()
        const updated = await updateObjection(
          trx,
          id,
          action === 'accept' ? { status, closed_at: now } : { status, escalated_at: now },
        )
        await recordObjectionChange(trx, updated, {
          type: EVENT_OF[action],
          actor: caller.principal.subject,
          note: reason,
        })
        return updated
      })
      await caller.audit.record({
        ...base,
        outcome: 'allowed',
        reason: action,
        details: { status: row.status },
      })
      return this.toObjection(this.db, row)
    })
  }

  /** The reviewer upholds an escalation (the provider must correct, with a new deadline) or dismisses it. */
  async rule(caller: RequestContext, id: string, input: ObjectionRuling): Promise<Objection> {
    const base = { action: 'objection.rule', resourceType: 'objection', resourceId: id }
    return this.refusalsAudited(caller, base, async () => {
      const action: ObjectionAction = input.outcome
      const row = await this.db.transaction(async (trx) => {
        const locked = await this.authorized(trx, await caller.ability(), id, canRule, true)
        const status = nextStatus(locked.status, action)
        const now = this.now()
        const deadline = this.deadline(now, locked.share_type)
        const updated = await updateObjection(trx, id, {
          status,
          ruling: input.outcome,
          ruled_by: caller.principal.subject,
          ruled_at: now,
          ...(action === 'uphold' ? { answer_deadline: deadline } : { closed_at: now }),
        })
        await recordObjectionChange(trx, updated, {
          type: EVENT_OF[action],
          actor: caller.principal.subject,
          note: input.reason.trim(),
          details: action === 'uphold' ? { answerDeadline: deadline.toISOString() } : {},
        })
        return updated
      })
      await caller.audit.record({
        ...base,
        outcome: 'allowed',
        reason: action,
        details: { status: row.status },
      })
      return this.toObjection(this.db, row)
    })
  }

  /** Escalates every objection whose provider missed the deadline; returns them (for the webhooks). */
  async escalateOverdue(batch = 200): Promise<ObjectionRow[]> {
    return this.db.transaction(async (trx) => {
      const now = this.now()
      const overdue = await lockOverdue(trx, now, batch)
      const escalated: ObjectionRow[] = []
      for (const objection of overdue) {
        const updated = await updateObjection(trx, objection.id, {
          status: nextStatus(objection.status, 'overdue'),
          overdue: true,
          escalated_at: now,
        })
        await recordObjectionChange(trx, updated, {
          type: EVENT_OF.overdue,
          actor: HUB_ACTOR,
          note: 'The answer deadline passed; escalated to the reviewers',
          details: { answerDeadline: objection.answer_deadline.toISOString() },
        })
        escalated.push(updated)
      }
      return escalated
    })
  }

  /** One objection; a record objection shows the provider's steward its own record key (audited). */
  async get(caller: RequestContext, id: string): Promise<Objection> {
    const row = await this.visible(caller, id)
    const objection = await this.toObjection(this.db, row)
    const sourceKey =
      row.target_type === 'record' &&
      row.resource_code &&
      row.record_id &&
      canSeeSourceRecordKey(await caller.ability(), facts(row))
        ? this.options.openRef(row.resource_code, row.record_id)
        : null
    if (sourceKey) {
      // Durable on the trail before the key leaves.
      await caller.audit.record({
        action: 'objection.source-key.read',
        resourceType: 'objection',
        resourceId: row.id,
        outcome: 'allowed',
        details: { resourceCode: row.resource_code, recordKind: row.record_kind },
      })
      objection.target.sourceRecordId = sourceKey
    }
    return objection
  }

  async timeline(caller: RequestContext, id: string): Promise<ObjectionTimeline> {
    const row = await this.visible(caller, id)
    const entries = await changesOf(this.db, row.id)
    return { objectionId: row.id, entries: entries.map((e) => ({ ...e, at: e.at.toISOString() })) }
  }

  async attachment(
    caller: RequestContext,
    id: string,
    attachmentId: string,
  ): Promise<{ fileName: string; mediaType: string; content: Buffer }> {
    const row = await this.visible(caller, id)
    const found = /^[0-9]{1,18}$/.test(attachmentId)
      ? await attachmentContent(this.db, row.id, attachmentId)
      : undefined
    if (!found)
      throw new NotFoundError('attachment-not-found', `Objection ${id} has no attachment ${attachmentId}`)
    await caller.audit.record({
      action: 'objection.attachment.read',
      resourceType: 'objection',
      resourceId: row.id,
      outcome: 'allowed',
      details: { attachmentId },
    })
    return { fileName: found.file_name, mediaType: found.media_type, content: found.content }
  }

  async list(caller: RequestContext, query: ObjectionListQuery): Promise<ObjectionList> {
    const { principal } = caller
    const ability = await caller.ability()
    // The rows the ability lets the caller read, as SQL; the views narrow by the caller's department.
    const oversight = readsEveryObjection(ability)
    const rows = await listObjections(this.db, {
      visible: toKnexWhere(ability.ability, 'read', 'Objection', OBJECTION_COLUMNS),
      department: oversight ? null : principal.department,
      view: query.view,
      status: query.status,
      beforeId: query.cursor === undefined ? undefined : decodeCursor(query.cursor),
      limit: query.limit,
    })
    const page = rows.slice(0, query.limit)
    const attachments = await attachmentsOf(
      this.db,
      page.map((r) => r.id),
    )
    const last = page.at(-1)
    return {
      items: page.map((r) => toObjection(r, attachments)),
      nextCursor: rows.length > query.limit && last ? encodeCursor(last.id) : null,
    }
  }

  async quality(caller: RequestContext, window: { from?: string; to?: string }): Promise<ObjectionQuality> {
    const scope = qualityScope(await caller.ability())
    if (!scope.allowed) {
      throw await caller.audit.refused(
        new NotAllowedError(
          'quality-role-required',
          'Quality figures are for reviewers, admins and the provider’s stewards',
        ),
        { action: 'objection.quality', resourceType: 'objection' },
      )
    }
    const to = window.to ? new Date(window.to) : this.now()
    const from = window.from ? new Date(window.from) : new Date(to.getTime() - 365 * 86_400_000)
    if (from >= to)
      throw new InputError('window-inverted', '`from` must be before `to`', {
        errors: field('/querystring/from', 'must be before to'),
      })
    const providers = await qualityFigures(this.db, { from, to, department: scope.department })
    return { from: from.toISOString(), to: to.toISOString(), providers }
  }

  private deadline(from: Date, shareType: string): Date {
    const { answerWorkdays } = this.options
    return this.options.calendar.deadline(
      from,
      shareType === 'unconditional' ? answerWorkdays.unconditional : answerWorkdays.conditional,
    )
  }

  private async visible(caller: RequestContext, id: string): Promise<ObjectionRow> {
    const row = /^[0-9]{1,18}$/.test(id) ? await findObjection(this.db, id) : undefined
    if (!row) throw notFound(id)
    if (!canRead(await caller.ability(), facts(row))) {
      throw await caller.audit.refused(
        new NotFoundError('objection-not-found', `No objection ${id} visible to you`, {
          auditReason: 'objection-not-visible',
        }),
        { action: 'objection.read', resourceType: 'objection', resourceId: row.id },
      )
    }
    return row
  }

  private async authorized(
    db: Knex | Knex.Transaction,
    ability: Authorization,
    id: string,
    policy: (ability: Authorization, facts: ObjectionFacts) => Decision,
    lock = false,
  ): Promise<ObjectionRow> {
    const row = /^[0-9]{1,18}$/.test(id)
      ? await (lock ? lockObjection(db as Knex.Transaction, id) : findObjection(db, id))
      : undefined
    if (!row) throw notFound(id)
    const decision = policy(ability, facts(row))
    if (!decision.allowed)
      throw decision.reason === OBJECTION_HIDDEN
        ? notFound(id)
        : refusal(decision, 'Not allowed on this objection')
    return row
  }

  /** Runs `work`; an AppError it throws is first recorded on the trail as a denied attempt. */
  private async refusalsAudited<T>(
    caller: RequestContext,
    base: RefusalEvent,
    work: () => Promise<T>,
  ): Promise<T> {
    try {
      return await work()
    } catch (error) {
      if (error instanceof AppError)
        throw await caller.audit.refused(error, {
          ...base,
          items: [],
          details: error.errors ? { fields: error.errors.map((e) => e.path) } : null,
        })
      throw error
    }
  }

  private async toObjection(db: Knex | Knex.Transaction, row: ObjectionRow): Promise<Objection> {
    return toObjection(row, await attachmentsOf(db, [row.id]))
  }
}

/** The `Objection` attributes the read rules test, as columns of `objections`. */
const OBJECTION_COLUMNS = {
  objectorDepartment: 'objector_department',
  providerDepartment: 'provider_department',
} as const

function facts(row: ObjectionRow): ObjectionFacts {
  return { providerDepartment: row.provider_department, objectorDepartment: row.objector_department }
}

function refusal(decision: Decision & { allowed: false }, detail: string): NotAllowedError {
  return new NotAllowedError(decision.reason, `${detail} (${decision.reason}).`)
}

function notFound(id: string): NotFoundError {
  return new NotFoundError('objection-not-found', `No objection ${id} visible to you`)
}
