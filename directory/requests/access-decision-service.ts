import type { Knex } from 'knex'
import { NotAllowedError } from '../../platform/errors/app-error.ts'
import { throwIfInvalid } from '../../platform/errors/violations.ts'
import { asSubject, can } from '../../policies/ability.ts'
import type { RequestContext } from '../../policies/request-context.ts'
import type { AccessDecision, AccessRequest } from '../../schemas/generated/types.ts'
import type { GrantScope, GrantService } from '../grants/grant-service.ts'
import { HUB_ACTOR, recordAccessChange } from './access-change.ts'
import {
  checkApproval,
  checkDecisionReason,
  normalizeRowConditions,
  notPending,
  requestNotFound,
  requestSubject,
} from './access-request-rules.ts'
import { lockNewlyOverdue, lockRequest, toAccessRequest, updateRequest } from './access-request-store.ts'

/**
 * The provider's side of a conditional request: the decision of a steward of the providing department
 * (approve, possibly narrowed, or refuse with reasons) and the escalation of requests nobody decided
 * within the working-day deadline.
 */
export class AccessDecisionService {
  constructor(
    private readonly db: Knex,
    private readonly grants: GrantService,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async decide(ctx: RequestContext, id: string, decision: AccessDecision): Promise<AccessRequest> {
    const row = await this.db.transaction(async (trx) => {
      const request = /^[0-9]{1,18}$/.test(id) ? await lockRequest(trx, id) : undefined
      if (!request) throw requestNotFound(id)
      if (
        !can((await ctx.ability()).ability, 'decide', asSubject('AccessRequest', requestSubject(request)))
      ) {
        throw new NotAllowedError(
          'not-provider-steward',
          `Only a steward of ${request.provider_department} may decide this request`,
        )
      }
      if (request.status !== 'pending') throw notPending(request)
      throwIfInvalid(
        [
          ...checkDecisionReason(decision),
          ...(decision.outcome === 'approve'
            ? checkApproval(
                {
                  items: request.items,
                  period: { from: request.period_from, to: request.period_to },
                  expectedVolume: request.expected_volume,
                },
                decision,
              )
            : []),
        ],
        'invalid-decision',
      )
      const now = this.now()
      const actor = ctx.principal.subject
      const reason = decision.reason?.trim() ?? null
      if (decision.outcome === 'refuse') {
        const refused = await updateRequest(trx, request.id, {
          status: 'refused',
          decided_at: now,
          decided_by: actor,
          decision_reason: reason,
        })
        await recordAccessChange(trx, refused, { type: 'access.refused', status: 'refused', actor, reason })
        return refused
      }
      const grant = await this.grants.createForRequest(trx, request, {
        items: decision.items ?? request.items,
        rowConditions: normalizeRowConditions(decision.rowConditions),
        masking: (decision.masking ?? {}) as GrantScope['masking'],
        period: decision.period ?? { from: request.period_from, to: request.period_to },
        rateLimitPerMinute: decision.rateLimitPerMinute ?? null,
        dailyVolumeCap: decision.dailyVolumeCap ?? null,
        subjects: decision.subjects ?? [],
      })
      const granted = await updateRequest(trx, request.id, {
        status: 'granted',
        decided_at: now,
        decided_by: actor,
        decision_reason: reason,
        grant_id: String(grant.id),
      })
      await recordAccessChange(trx, granted, {
        type: 'access.granted',
        status: 'granted',
        actor,
        reason,
        grantId: String(grant.id),
      })
      return granted
    })
    await ctx.audit.record({
      action: `access.request.${decision.outcome}`,
      resourceType: 'access-request',
      resourceId: String(row.id),
      grantId: row.grant_id === null ? null : String(row.grant_id),
      items: decision.outcome === 'approve' ? (decision.items ?? row.items) : [],
      outcome: 'allowed',
      reason: row.decision_reason,
    })
    return toAccessRequest(row, this.now())
  }

  /** Flags pending requests past their deadline and tells everyone (event `access.overdue`); idempotent. */
  async escalateOverdue(batch = 500): Promise<number> {
    return this.db.transaction(async (trx) => {
      const now = this.now()
      const overdue = await lockNewlyOverdue(trx, now, batch)
      for (const request of overdue) {
        const flagged = await updateRequest(trx, request.id, { overdue_at: now })
        await recordAccessChange(trx, flagged, {
          type: 'access.overdue',
          status: 'pending',
          actor: HUB_ACTOR,
          reason: 'The decision deadline passed; escalated to the reviewers',
          details: { decisionDeadline: request.decision_deadline?.toISOString() },
        })
      }
      return overdue.length
    })
  }
}
