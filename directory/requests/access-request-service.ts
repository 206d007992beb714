import type { Knex } from 'knex'
import { shanghaiDate, type WorkingDayCalendar } from '../../platform/calendar/working-days.ts'
import { ConflictError, NotAllowedError, NotFoundError } from '../../platform/errors/app-error.ts'
import { mapUniqueViolation } from '../../platform/errors/unique-violation.ts'
import { throwIfInvalid } from '../../platform/errors/violations.ts'
import { idempotently } from '../../platform/http/idempotency.ts'
import { asSubject, can } from '../../policies/ability.ts'
import type { RequestContext } from '../../policies/request-context.ts'
import type {
  AccessRequest,
  AccessRequestCreate,
  AccessRequestList,
  AccessTimeline,
} from '../../schemas/generated/types.ts'
import type { GrantService } from '../grants/grant-service.ts'
import { HUB_ACTOR, recordAccessChange } from './access-change.ts'
import { listRequests, type RequestView, requestableResource } from './access-request-read-model.ts'
import {
  checkItems,
  checkPeriod,
  decodeCursor,
  effectiveShareType,
  encodeCursor,
  notPending,
  requestNotFound,
  requestSubject,
} from './access-request-rules.ts'
import {
  type AccessRequestRow,
  findRequest,
  hasPendingRequest,
  insertRequest,
  lockRequest,
  type RequestStatus,
  timelineOf,
  toAccessRequest,
  updateRequest,
} from './access-request-store.ts'

/**
 * The rules of access requests (国发〔2016〕51号): unconditional data is granted at once, not-shared data
 * refused at once with the reason, conditional data waits for the provider's steward, who must decide
 * within `decisionWorkdays` working days and give reasons for a refusal.
 */

export interface AccessRequestServiceOptions {
  db: Knex
  grants: GrantService
  calendar: WorkingDayCalendar
  decisionWorkdays: number
  now?: () => Date
}

export interface RequestListQuery {
  view?: RequestView
  status?: RequestStatus
  resourceCode?: string
  limit: number
  cursor?: string
}

export const NOT_SHARED_REASON =
  'Not shared (不予共享): the catalog entry of the resource or of a requested item says so'

export class AccessRequestService {
  private readonly db: Knex
  private readonly grants: GrantService
  private readonly calendar: WorkingDayCalendar
  private readonly decisionWorkdays: number
  private readonly now: () => Date

  constructor(options: AccessRequestServiceOptions) {
    this.db = options.db
    this.grants = options.grants
    this.calendar = options.calendar
    this.decisionWorkdays = options.decisionWorkdays
    this.now = options.now ?? (() => new Date())
  }

  async create(
    ctx: RequestContext,
    input: AccessRequestCreate,
    idempotencyKey?: string,
  ): Promise<{ request: AccessRequest; replayed: boolean }> {
    const { principal } = ctx
    const department = principal.department
    if (
      department === null ||
      !can(
        (await ctx.ability()).ability,
        'create',
        asSubject('AccessRequest', { consumerDepartment: department }),
      )
    ) {
      throw new NotAllowedError('not-a-consumer', 'Only a consumer of a department may file access requests')
    }
    const { value: request, replayed } = await this.db.transaction((trx) =>
      idempotently(
        trx,
        { subject: principal.subject, key: idempotencyKey, operation: 'createAccessRequest', body: input },
        201,
        async () => toAccessRequest(await this.file(trx, ctx, department, input), this.now()),
      ),
    )
    const result = { request, replayed }
    if (!result.replayed) {
      await ctx.audit.record({
        action: 'access.request.create',
        resourceType: 'access-request',
        resourceId: result.request.id,
        items: result.request.items,
        purpose: result.request.purpose.code,
        grantId: result.request.grantId,
        outcome: 'allowed',
        details: { resourceCode: result.request.resourceCode, status: result.request.status },
      })
    }
    return result
  }

  private async file(
    trx: Knex.Transaction,
    ctx: RequestContext,
    department: string,
    input: AccessRequestCreate,
  ): Promise<AccessRequestRow> {
    const now = this.now()
    const resource = await requestableResource(trx, input.resourceCode)
    if (
      !resource ||
      resource.currentVersion === null ||
      (resource.status !== 'published' && resource.status !== 'deprecated')
    ) {
      throw new NotFoundError('resource-not-found', `No published resource has code ${input.resourceCode}`)
    }
    if (resource.status !== 'published') {
      throw new ConflictError(
        'resource-not-published',
        `Resource ${resource.code} is ${resource.status} and takes no new requests`,
      )
    }
    throwIfInvalid(
      [...checkItems(input.items, resource.items), ...checkPeriod(input.period, shanghaiDate(now))],
      'invalid-access-request',
    )
    if (await hasPendingRequest(trx, department, resource.id)) throw duplicate(resource.code)

    const shareType = effectiveShareType(resource.shareType, input.items, resource.itemShareTypes)
    const auto = shareType !== 'conditional'
    const status: RequestStatus =
      shareType === 'unconditional' ? 'granted' : shareType === 'not-shared' ? 'refused' : 'pending'
    const row = await insertUnlessDuplicate(resource.code, () =>
      insertRequest(trx, {
        consumer_department: department,
        requested_by: ctx.principal.subject,
        resource_id: resource.id,
        resource_code: resource.code,
        provider_department: resource.provider,
        resource_version: resource.currentVersion!,
        share_type: shareType,
        items: input.items,
        purpose_code: input.purpose.code,
        purpose_text: input.purpose.text,
        legal_basis: input.legalBasis,
        service_items: input.serviceItems,
        period_from: input.period.from,
        period_to: input.period.to,
        expected_volume: input.expectedVolume,
        // Inserted pending and moved on below, so the timeline shows the automatic decision as its own step.
        status: 'pending',
        decision_deadline: auto ? null : this.calendar.deadline(now, this.decisionWorkdays),
      }),
    )
    await recordAccessChange(trx, row, {
      type: 'access.requested',
      status: 'pending',
      actor: ctx.principal.subject,
      details: row.decision_deadline ? { decisionDeadline: row.decision_deadline.toISOString() } : {},
    })
    if (status === 'granted') {
      const grant = await this.grants.createForRequest(trx, row, {
        items: input.items,
        rowConditions: {},
        masking: {},
        period: input.period,
        rateLimitPerMinute: null,
        dailyVolumeCap: null,
        subjects: [],
      })
      const granted = await updateRequest(trx, row.id, {
        status,
        decided_at: now,
        decided_by: HUB_ACTOR,
        grant_id: String(grant.id),
      })
      await recordAccessChange(trx, granted, {
        type: 'access.granted',
        status,
        actor: HUB_ACTOR,
        grantId: String(grant.id),
        reason: 'unconditional',
      })
      return granted
    }
    if (status === 'refused') {
      const refused = await updateRequest(trx, row.id, {
        status,
        decided_at: now,
        decided_by: HUB_ACTOR,
        decision_reason: NOT_SHARED_REASON,
      })
      await recordAccessChange(trx, refused, {
        type: 'access.refused',
        status,
        actor: HUB_ACTOR,
        reason: NOT_SHARED_REASON,
      })
      return refused
    }
    return row
  }

  async withdraw(ctx: RequestContext, id: string, reason?: string): Promise<AccessRequest> {
    const row = await this.db.transaction(async (trx) => {
      const request = await this.visible(trx, ctx, id, true)
      if (
        !can((await ctx.ability()).ability, 'withdraw', asSubject('AccessRequest', requestSubject(request)))
      ) {
        throw new NotAllowedError(
          'not-the-requester',
          'Only the principal who filed the request may withdraw it',
        )
      }
      if (request.status !== 'pending') throw notPending(request)
      const withdrawn = await updateRequest(trx, request.id, {
        status: 'withdrawn',
        decided_at: this.now(),
        decided_by: ctx.principal.subject,
        decision_reason: reason?.trim() ?? null,
      })
      await recordAccessChange(trx, withdrawn, {
        type: 'access.withdrawn',
        status: 'withdrawn',
        actor: ctx.principal.subject,
        reason: reason?.trim() ?? null,
      })
      return withdrawn
    })
    await ctx.audit.record({
      action: 'access.request.withdraw',
      resourceType: 'access-request',
      resourceId: String(row.id),
      outcome: 'allowed',
      reason: row.decision_reason,
    })
    return toAccessRequest(row, this.now())
  }

  async get(ctx: RequestContext, id: string): Promise<AccessRequest> {
    return toAccessRequest(await this.visible(this.db, ctx, id), this.now())
  }

  async timeline(ctx: RequestContext, id: string): Promise<AccessTimeline> {
    const request = await this.visible(this.db, ctx, id)
    const entries = await timelineOf(this.db, String(request.id))
    return {
      requestId: String(request.id),
      entries: entries.map((e) => ({ ...e, at: e.at.toISOString() })),
    }
  }

  async list(ctx: RequestContext, query: RequestListQuery): Promise<AccessRequestList> {
    const now = this.now()
    const rows = await listRequests(this.db, (await ctx.ability()).ability, {
      view: query.view,
      status: query.status,
      resourceCode: query.resourceCode,
      department: ctx.principal.department,
      beforeId: query.cursor === undefined ? undefined : decodeCursor(query.cursor),
      limit: query.limit,
      now,
    })
    const page = rows.slice(0, query.limit)
    const last = page.at(-1)
    return {
      items: page.map((row) => toAccessRequest(row, now)),
      nextCursor: rows.length > query.limit && last ? encodeCursor(String(last.id)) : null,
    }
  }

  private async visible(
    db: Knex | Knex.Transaction,
    ctx: RequestContext,
    id: string,
    lock = false,
  ): Promise<AccessRequestRow> {
    const valid = /^[0-9]{1,18}$/.test(id)
    const row = valid
      ? await (lock ? lockRequest(db as Knex.Transaction, id) : findRequest(db, id))
      : undefined
    if (!row || !can((await ctx.ability()).ability, 'read', asSubject('AccessRequest', requestSubject(row))))
      throw requestNotFound(id)
    return row
  }
}

/** The pre-check can lose a race with a concurrent duplicate; the partial unique index still holds. */
async function insertUnlessDuplicate<T>(code: string, insert: () => Promise<T>): Promise<T> {
  return mapUniqueViolation(insert, (constraint) =>
    constraint === 'access_requests_one_pending_idx' ? duplicate(code) : undefined,
  )
}

function duplicate(code: string): ConflictError {
  return new ConflictError(
    'duplicate-pending-request',
    `Your department already has a pending request for ${code}`,
  )
}
