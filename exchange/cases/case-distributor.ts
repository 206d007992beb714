import type { Knex } from 'knex'
import type { NewEvent } from '../../platform/events/event-types.ts'
import { insertDeliveries } from '../../platform/webhooks/delivery-queue-store.ts'
import { type CaseView, maskIdentifier, viewUnderGrant } from '../../policies/case-policy.ts'
import type { CaseEvent, CaseParty } from '../../schemas/generated/types.ts'
import type { ActiveCaseGrant, DbCaseGrantLookup } from './case-grant-lookup.ts'
import { activeWebhooks, CASE_DELIVERY_QUEUE } from './webhook-store.ts'

export const CASE_TOPIC = 'case-events'

/** The per-department topic a consumer department reads (Kafka: `<prefix>case-events.<dept>`). */
export function departmentTopic(department: string): string {
  return `${CASE_TOPIC}.${department}`
}

/** A webhook drain to ask for once the transaction committed: the highest position queued. */
export type DrainRequest = [webhookId: string, position: string]

/** A case event about to be appended: its id is chosen before the insert so copies can name it. */
export interface SourceEvent {
  eventId: string
  type: string
  payload: CaseEvent
}

export interface Delivery {
  webhookId: string
  eventId: string
  caseNumber: string
  body: unknown
}

/** What routing adds to a transaction: outbox copies and webhook deliveries. */
export interface RoutedCopies {
  events: NewEvent[]
  deliveries: Delivery[]
}

/**
 * Routing at commit (ADR 0006): in the transaction that records case changes, every department whose
 * grant on case data covers a change gets a filtered copy on its own topic and in its webhook queues.
 * The copies are outbox rows and delivery rows of that same transaction, so they exist exactly when
 * the change does, and leave with the outbox's at-least-once, per-key-ordered publishing. The copies
 * are planned before the source events are written, so that the ingest appends sources and copies
 * in one multi-row insert (sources first, which keeps each key's publish order).
 */
export class CaseDistributor {
  constructor(private readonly grants: DbCaseGrantLookup) {}

  /** The copies of `events` each granted department gets (reads grants and webhooks, writes nothing). */
  async copies(trx: Knex.Transaction, events: readonly SourceEvent[]): Promise<RoutedCopies> {
    if (events.length === 0) return { events: [], deliveries: [] }
    const grants = await this.grants.allActive(trx)
    if (grants.length === 0) return { events: [], deliveries: [] }
    return route(grants, await activeWebhooks(trx), events)
  }

  /**
   * Copies of earlier events for one department, as routing would have made them had its grant
   * existed then — under the grant it holds now — marked `backfilled`.
   */
  async backfillCopies(
    trx: Knex.Transaction,
    department: string,
    events: readonly SourceEvent[],
  ): Promise<RoutedCopies> {
    const grants = (await this.grants.allActive(trx)).filter((g) => g.department === department)
    if (grants.length === 0 || events.length === 0) return { events: [], deliveries: [] }
    return route(grants, await activeWebhooks(trx), events, true)
  }

  /** Whether the department holds a grant on case data now. */
  async hasGrant(department: string): Promise<boolean> {
    return (await this.grants.allActive()).some((g) => g.department === department)
  }

  /** Queues the deliveries (after their events are written); returns the drains to request at commit. */
  async queue(
    trx: Knex.Transaction,
    deliveries: readonly Delivery[],
    skipQueued = false,
  ): Promise<DrainRequest[]> {
    const queued = await insertDeliveries(
      trx,
      CASE_DELIVERY_QUEUE,
      deliveries.map((d) => ({ ...d, key: d.caseNumber })),
      skipQueued,
    )
    const last = new Map<string, string>()
    for (const { webhookId, position } of queued) last.set(webhookId, position)
    return [...last]
  }
}

function route(
  grants: readonly ActiveCaseGrant[],
  hooks: Awaited<ReturnType<typeof activeWebhooks>>,
  events: readonly SourceEvent[],
  backfilled = false,
): RoutedCopies {
  const copies: NewEvent[] = []
  const deliveries: Delivery[] = []
  for (const event of events) {
    const payload = event.payload
    for (const [department, view] of targets(grants, payload)) {
      const body = routedCopy(payload, view, event.eventId)
      if (backfilled) body.backfilled = true
      copies.push({
        topic: departmentTopic(department),
        key: payload.caseNumber,
        type: event.type,
        payload: body,
      })
      for (const hook of hooks) {
        if (hook.department !== department) continue
        deliveries.push({
          webhookId: hook.id,
          eventId: event.eventId,
          caseNumber: payload.caseNumber,
          body: { eventId: event.eventId, type: event.type, ...body },
        })
      }
    }
  }
  return { events: copies, deliveries }
}

/** Departments (other than the handling one) whose grant covers the event, with what they may see. */
function targets(grants: readonly ActiveCaseGrant[], event: CaseEvent): Map<string, CaseView> {
  const out = new Map<string, CaseView>()
  for (const grant of grants) {
    if (grant.department === event.department || out.has(grant.department)) continue
    if (grant.serviceItems.length > 0 && !grant.serviceItems.includes(event.serviceItemCode)) continue
    const view = viewUnderGrant(grant, event.divisionCode)
    if (view) out.set(grant.department, view)
  }
  return out
}

/** What a department may see of an event: identifiers masked and the form dropped unless granted. */
export function routedCopy(payload: CaseEvent, view: CaseView, sourceEventId: string): CaseEvent {
  const mask = (party: CaseParty): CaseParty =>
    view.identifiers ? party : { ...party, idNumber: maskIdentifier(party.idType, party.idNumber) }
  const copy: CaseEvent = { ...payload, applicant: mask(payload.applicant), sourceEventId }
  if (view.grantId) copy.grantId = view.grantId
  if (payload.basic) {
    const { form, agent, ...basic } = payload.basic
    copy.basic = {
      ...basic,
      applicant: mask(payload.basic.applicant),
      ...(agent ? { agent: mask(agent) } : {}),
      ...(view.form && form !== undefined ? { form } : {}),
    }
  }
  return copy
}
