import type { Knex } from 'knex'
import { InputError, NotAllowedError } from '../../platform/errors/app-error.ts'
import { appendEvents } from '../../platform/events/outbox-store.ts'
import { canBackfillCaseEvents } from '../../policies/case-policy.ts'
import type { RequestContext } from '../../policies/request-context.ts'
import type { CaseBackfillRequest, CaseBackfillResult } from '../../schemas/generated/types.ts'
import { changesRecordedBetween } from './case-change-store.ts'
import type { CaseDistributor, DrainRequest, SourceEvent } from './case-distributor.ts'
import { caseEventOf } from './case-planner.ts'
import { EVENT_TYPES } from './case-rules.ts'

export const BACKFILL_MAX_DAYS = 31
export const BACKFILL_MAX_EVENTS = 10_000

/**
 * Back-fill: a department that got its grant on case data after cases it cares about began asks for
 * the events it missed. Each recorded change in the window is rebuilt as its event (the change, the
 * case's facts, the status its receipt recorded) and routed as at commit — under the grant the
 * department holds now, so it sees no more than it may today — onto the department's own topic and
 * webhooks, marked `backfilled`. Copies go through the outbox like any other; they can arrive after
 * newer events of the same case, which receivers order by `sequence` and de-duplicate by
 * `sourceEventId` (a second back-fill of the same window sends the Kafka copies again).
 */
export class CaseBackfill {
  constructor(
    private readonly db: Knex,
    private readonly distributor: CaseDistributor,
    private readonly requestDrains: (drains: DrainRequest[]) => Promise<void>,
  ) {}

  async backfill(ctx: RequestContext, request: CaseBackfillRequest): Promise<CaseBackfillResult> {
    const { principal } = ctx
    const from = new Date(request.from)
    const to = request.to === undefined ? new Date() : new Date(request.to)
    if (!(from < to) || to.getTime() - from.getTime() > BACKFILL_MAX_DAYS * 86_400_000) {
      throw new InputError(
        'invalid-backfill-window',
        `The window must be 0 to ${BACKFILL_MAX_DAYS} days long`,
        {
          errors: [{ path: '/body/to', message: `must be after from, at most ${BACKFILL_MAX_DAYS} days` }],
        },
      )
    }
    const window = { from: from.toISOString(), to: to.toISOString() }
    const department = principal.department
    const base = { action: 'cases.backfill', resourceType: 'case-events', resourceId: department } as const
    const decision = canBackfillCaseEvents(await ctx.ability())
    const refusal = !decision.allowed
      ? new NotAllowedError(decision.reason, 'Back-fills are asked for by a department’s consumer systems')
      : !(await this.distributor.hasGrant(department!))
        ? new NotAllowedError('no-case-grant', 'Your department holds no grant on case data')
        : null
    if (refusal) {
      throw await ctx.audit.refused(refusal, { ...base, details: window })
    }

    const rows = await changesRecordedBetween(this.db, {
      ...window,
      notOfDepartment: department!,
      limit: BACKFILL_MAX_EVENTS + 1,
    })
    if (rows.length > BACKFILL_MAX_EVENTS) {
      throw new InputError(
        'backfill-too-large',
        `More than ${BACKFILL_MAX_EVENTS} case changes were recorded in this window; ask for a shorter one`,
        { errors: [{ path: '/body/to', message: 'narrow the window' }] },
      )
    }
    const sources: SourceEvent[] = rows.map((r) => ({
      eventId: r.event_id,
      type: EVENT_TYPES[r.kind],
      payload: caseEventOf(r.payload, r.kind, r.receipt.status, {
        serviceItemCode: r.service_item_code,
        serviceItemName: r.service_item_name,
        department: r.department_code,
        divisionCode: r.division_code,
        applicant: r.applicant,
      }),
    }))
    const { events, drains } = await this.db.transaction(async (trx) => {
      const routed = await this.distributor.backfillCopies(trx, department!, sources)
      await appendEvents(trx, routed.events)
      return {
        events: routed.events.length,
        drains: await this.distributor.queue(trx, routed.deliveries, true),
      }
    })
    // Committed whatever happens here; a lost drain request is picked up by the sweep job.
    await this.requestDrains(drains).catch(() => {})
    await ctx.audit.record({ ...base, outcome: 'allowed', details: { ...window, events } })
    return { ...window, events }
  }
}
