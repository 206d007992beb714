import { ConflictError, NotFoundError } from '../../platform/errors/app-error.ts'
import type { Violation } from '../../platform/errors/violations.ts'
import { cursorCodec } from '../../platform/http/cursor.ts'
import type { AccessDecision, AccessPeriod, AccessRowConditions } from '../../schemas/generated/types.ts'
import type { AccessRequestRow } from './access-request-store.ts'

/** Pure rules of access requests and approvals: no I/O, so they are tested without a database. */

const violation = (code: string, path: string, message: string): Violation => ({ code, path, message })

/** Requested items that the resource's current version does not have, each as a violation. */
export function checkItems(requested: readonly string[], available: readonly string[]): Violation[] {
  const known = new Set(available)
  return requested.flatMap((item, i) =>
    known.has(item)
      ? []
      : [violation('unknown-items', `/body/items/${i}`, `${item} is not an item of the resource`)],
  )
}

type ShareType = 'unconditional' | 'conditional' | 'not-shared'
const SHARE_RANK: Record<ShareType, number> = { unconditional: 0, conditional: 1, 'not-shared': 2 }

/**
 * How a request is decided: by the strictest of the resource's share type and the share types of the
 * requested items (an unconditional resource may hold a conditional item, which then needs a decision).
 */
export function effectiveShareType(
  resourceShare: ShareType,
  items: readonly string[],
  itemShareTypes: ReadonlyMap<string, ShareType>,
): ShareType {
  let strictest = resourceShare
  for (const item of items) {
    const share = itemShareTypes.get(item) ?? resourceShare
    if (SHARE_RANK[share] > SHARE_RANK[strictest]) strictest = share
  }
  return strictest
}

/** A period must not start before `today` (Shanghai date) and must end after it starts. */
export function checkPeriod(period: AccessPeriod, today: string, path = '/body/period'): Violation[] {
  const out: Violation[] = []
  if (period.from < today)
    out.push(violation('period-in-the-past', `${path}/from`, `must be ${today} or later`))
  if (period.to <= period.from) out.push(violation('period-inverted', `${path}/to`, 'must be after from'))
  return out
}

export interface RequestedScope {
  items: readonly string[]
  period: AccessPeriod
  expectedVolume: number
}

/**
 * An approval may narrow the request (fewer items, a shorter period, a cap below the expected volume,
 * added conditions, masking), never widen it: every widening is listed as `approval-broader-than-request`.
 */
export function checkApproval(requested: RequestedScope, decision: AccessDecision): Violation[] {
  const out: Violation[] = []
  const broader = (path: string, message: string) =>
    out.push(violation('approval-broader-than-request', path, message))
  const asked = new Set(requested.items)
  decision.items?.forEach((item, i) => {
    if (!asked.has(item)) broader(`/body/items/${i}`, `${item} was not requested`)
  })
  const granted = new Set(decision.items ?? requested.items)
  for (const item of Object.keys(decision.masking ?? {})) {
    if (!granted.has(item))
      out.push(violation('masking-item-not-granted', `/body/masking/${item}`, 'is not a granted item'))
  }
  if (decision.period) {
    if (decision.period.from < requested.period.from)
      broader('/body/period/from', `must not be before the requested ${requested.period.from}`)
    if (decision.period.to > requested.period.to)
      broader('/body/period/to', `must not be after the requested ${requested.period.to}`)
    if (decision.period.to <= decision.period.from)
      out.push(violation('period-inverted', '/body/period/to', 'must be after from'))
  }
  if (decision.dailyVolumeCap !== undefined && decision.dailyVolumeCap > requested.expectedVolume) {
    broader('/body/dailyVolumeCap', `must not exceed the requested volume ${requested.expectedVolume}`)
  }
  return out
}

export function checkDecisionReason(decision: AccessDecision): Violation[] {
  if (decision.outcome === 'refuse' && !decision.reason?.trim())
    return [violation('refusal-reason-required', '/body/reason', 'a refusal must give its reasons')]
  return []
}

/** Row conditions as stored: absent keys mean "no restriction". */
export function normalizeRowConditions(conditions: AccessRowConditions | undefined): AccessRowConditions {
  const out: AccessRowConditions = {}
  if (conditions?.applicantOfOpenCase) out.applicantOfOpenCase = true
  if (conditions?.districtIn?.length)
    out.districtIn = [...conditions.districtIn].sort() as AccessRowConditions['districtIn']
  return out
}

export interface Cursor {
  id: string
}

/** A page of requests (or grants) continues below an id. */
export const { encode: encodeCursor, decode: decodeCursor } = cursorCodec<string>({
  write: (id) => `r:${id}`,
  read: (text) => /^r:([0-9]{1,19})$/.exec(text)?.[1],
})

/** The attributes of a request that policies test (see policies/ability.ts). */
export function requestSubject(row: AccessRequestRow): Record<string, unknown> {
  return {
    consumerDepartment: row.consumer_department,
    providerDepartment: row.provider_department,
    requestedBy: row.requested_by,
  }
}

export function notPending(request: AccessRequestRow): ConflictError {
  return new ConflictError('request-not-pending', `Request ${request.id} is already ${request.status}`)
}

export function requestNotFound(id: string): NotFoundError {
  return new NotFoundError('access-request-not-found', `No access request ${id} visible to you`)
}
