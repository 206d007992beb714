import type { Knex } from 'knex'
import { endOfShanghaiDay, shanghaiDate, startOfShanghaiDay } from '../../platform/calendar/working-days.ts'
import { ConflictError, InputError, NotAllowedError, NotFoundError } from '../../platform/errors/app-error.ts'
import { asSubject, can } from '../../policies/ability.ts'
import { toKnexWhere } from '../../policies/knex-where.ts'
import type { RequestContext } from '../../policies/request-context.ts'
import type { AccessRowConditions, Grant, GrantList, GrantRenewal } from '../../schemas/generated/types.ts'
import { HUB_ACTOR, recordAccessChange } from '../requests/access-change.ts'
import { decodeCursor, encodeCursor } from '../requests/access-request-rules.ts'
import { type AccessRequestRow, findRequest } from '../requests/access-request-store.ts'
import {
  bumpGrantEpoch,
  GRANT_COLUMNS,
  type GrantRow,
  insertGrant,
  lockEndedGrants,
  lockGrant,
  toGrant,
  updateGrant,
} from './grant-store.ts'

/** Longest a renewal may reach, counted from today: the provider's policy is one year at a time. */
export const MAX_RENEWAL_DAYS = 366
const DAY_MS = 86_400_000

/** What an approval (or an unconditional request) turns into a grant. */
export interface GrantScope {
  items: readonly string[]
  rowConditions: AccessRowConditions
  masking: Record<string, 'resident-id' | 'phone' | 'name'>
  period: { from: string; to: string }
  rateLimitPerMinute: number | null
  dailyVolumeCap: number | null
  subjects: readonly string[]
}

export interface GrantListQuery {
  view?: 'held' | 'given'
  status?: Grant['status']
  resourceCode?: string
  limit: number
  cursor?: string
}

export class GrantService {
  constructor(
    private readonly db: Knex,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Makes the grant of a request in its transaction; the version range starts at the version requested. */
  async createForRequest(
    trx: Knex.Transaction,
    request: AccessRequestRow,
    scope: GrantScope,
  ): Promise<GrantRow> {
    const grant = await insertGrant(trx, {
      request_id: request.id,
      resource_id: request.resource_id,
      resource_code: request.resource_code,
      provider_department: request.provider_department,
      consumer_department: request.consumer_department,
      subjects: [...scope.subjects],
      version_from: request.resource_version,
      version_to: null,
      items: [...scope.items],
      row_conditions: scope.rowConditions,
      masking: scope.masking,
      purpose_code: request.purpose_code,
      valid_from: startOfShanghaiDay(scope.period.from),
      valid_until: endOfShanghaiDay(scope.period.to),
      rate_limit_per_minute: scope.rateLimitPerMinute,
      daily_volume_cap: scope.dailyVolumeCap,
    })
    await bumpGrantEpoch(trx, request.consumer_department)
    return grant
  }

  async get(ctx: RequestContext, id: string): Promise<Grant> {
    const row = await this.visible(this.db, ctx, id)
    return toGrant(row)
  }

  async list(ctx: RequestContext, query: GrantListQuery): Promise<GrantList> {
    const q = this.db('grants')
      .where(toKnexWhere((await ctx.ability()).ability, 'read', 'Grant', GRANT_COLUMNS))
      .orderBy('id', 'desc')
      .limit(query.limit + 1)
    const department = ctx.principal.department ?? ''
    if (query.view === 'held') q.where('consumer_department', department)
    if (query.view === 'given') q.where('provider_department', department)
    if (query.status) q.where('status', query.status)
    if (query.resourceCode) q.where('resource_code', query.resourceCode)
    if (query.cursor) q.where('id', '<', decodeCursor(query.cursor))
    const rows = (await q) as GrantRow[]
    const page = rows.slice(0, query.limit)
    const last = page.at(-1)
    return {
      items: page.map(toGrant),
      nextCursor: rows.length > query.limit && last ? encodeCursor(String(last.id)) : null,
    }
  }

  async revoke(ctx: RequestContext, id: string, reason: string): Promise<Grant> {
    const grant = await this.db.transaction(async (trx) => {
      const row = await this.lockForChange(trx, ctx, id, 'revoke')
      if (row.status !== 'active') throw new ConflictError('grant-not-active', `Grant ${id} is ${row.status}`)
      const revoked = await updateGrant(trx, id, {
        status: 'revoked',
        revoked_at: this.now(),
        revoked_by: ctx.principal.subject,
        revoke_reason: reason.trim(),
      })
      await bumpGrantEpoch(trx, row.consumer_department)
      await this.recordOnRequest(trx, revoked, 'grant.revoked', ctx.principal.subject, reason.trim())
      return revoked
    })
    await ctx.audit.record({
      action: 'access.grant.revoke',
      resourceType: 'grant',
      resourceId: String(grant.id),
      grantId: String(grant.id),
      outcome: 'allowed',
      reason: reason.trim(),
    })
    return toGrant(grant)
  }

  async renew(ctx: RequestContext, id: string, renewal: GrantRenewal): Promise<Grant> {
    const grant = await this.db.transaction(async (trx) => {
      const row = await this.lockForChange(trx, ctx, id, 'renew')
      if (row.status === 'revoked')
        throw new ConflictError('grant-revoked', `Grant ${id} was revoked; file a new request`)
      const now = this.now()
      const latest = shanghaiDate(new Date(now.getTime() + MAX_RENEWAL_DAYS * DAY_MS))
      const current = shanghaiDate(new Date(row.valid_until.getTime() - 1))
      if (renewal.until <= current || renewal.until > latest) {
        throw new InputError(
          'renewal-out-of-policy',
          `The new last day must be after ${current} and at most ${latest} (${MAX_RENEWAL_DAYS} days from today)`,
          { errors: [{ path: '/body/until', message: `must be after ${current} and at most ${latest}` }] },
        )
      }
      const renewed = await updateGrant(trx, id, {
        status: 'active',
        valid_until: endOfShanghaiDay(renewal.until),
      })
      await bumpGrantEpoch(trx, row.consumer_department)
      await this.recordOnRequest(
        trx,
        renewed,
        'grant.renewed',
        ctx.principal.subject,
        renewal.reason ?? null,
        {
          until: renewal.until,
        },
      )
      return renewed
    })
    await ctx.audit.record({
      action: 'access.grant.renew',
      resourceType: 'grant',
      resourceId: String(grant.id),
      grantId: String(grant.id),
      outcome: 'allowed',
      details: { until: renewal.until },
    })
    return toGrant(grant)
  }

  /** Marks grants whose validity ended as expired (idempotent; the ability already ignores them). */
  async expireEnded(batch = 500): Promise<number> {
    return this.db.transaction(async (trx) => {
      const ended = await lockEndedGrants(trx, this.now(), batch)
      for (const departments of new Set(ended.map((g) => g.consumer_department)))
        await bumpGrantEpoch(trx, departments)
      for (const row of ended) {
        const expired = await updateGrant(trx, String(row.id), { status: 'expired' })
        await this.recordOnRequest(trx, expired, 'grant.expired', HUB_ACTOR, null)
      }
      return ended.length
    })
  }

  private async visible(
    db: Knex | Knex.Transaction,
    ctx: RequestContext,
    id: string,
    lock = false,
  ): Promise<GrantRow> {
    const row = /^[0-9]{1,18}$/.test(id)
      ? await (lock ? lockGrant(db, id) : db('grants').where({ id }).first())
      : undefined
    if (!row || !can((await ctx.ability()).ability, 'read', asSubject('Grant', grantSubject(row)))) {
      throw new NotFoundError('grant-not-found', `No grant ${id} visible to you`)
    }
    return row as GrantRow
  }

  private async lockForChange(
    trx: Knex.Transaction,
    ctx: RequestContext,
    id: string,
    action: 'revoke' | 'renew',
  ) {
    const row = await this.visible(trx, ctx, id, true)
    if (!can((await ctx.ability()).ability, action, asSubject('Grant', grantSubject(row)))) {
      throw new NotAllowedError(
        'not-provider-steward',
        `Only a steward of ${row.provider_department} may ${action} this grant`,
      )
    }
    return row
  }

  private async recordOnRequest(
    trx: Knex.Transaction,
    grant: GrantRow,
    type: 'grant.revoked' | 'grant.renewed' | 'grant.expired',
    actor: string,
    reason: string | null,
    details: Record<string, unknown> = {},
  ): Promise<void> {
    if (grant.request_id === null) return
    const request = await findRequest(trx, String(grant.request_id))
    if (!request) return
    await recordAccessChange(trx, request, {
      type,
      status: grant.status,
      actor,
      reason,
      grantId: String(grant.id),
      details,
    })
  }
}

function grantSubject(row: GrantRow): Record<string, unknown> {
  return { consumerDepartment: row.consumer_department, providerDepartment: row.provider_department }
}
