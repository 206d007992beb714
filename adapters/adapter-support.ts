import { InputError } from '../platform/errors/app-error.ts'
import type { UpstreamClient } from '../platform/http-client/http-client-factory.ts'
import { validateCreditCode, validateResidentId } from '../platform/identifiers/index.ts'
import type { AdapterHealth, SubjectRef } from './adapter-contract.ts'

/** What the adapters share that is not a department's dialect. */

/** A resident ID, checked and normalized before a department system is asked about it. */
export function checkedResidentId(idNumber: string): string {
  const checked = validateResidentId(idNumber)
  if (!checked.ok)
    throw new InputError('invalid-resident-id', `The resident ID is not valid (${checked.reason}).`)
  return checked.normalized
}

/** A credit code, checked and normalized before a department system is asked about it. */
export function checkedCreditCode(idNumber: string): string {
  const checked = validateCreditCode(idNumber)
  if (!checked.ok)
    throw new InputError('invalid-credit-code', `The credit code is not valid (${checked.reason}).`)
  return checked.normalized
}

/** The subject's resident ID, for systems that look people up by it only (`records` names them). */
export function residentIdOnly(subject: SubjectRef, records: string): string {
  if (subject.idType !== 'resident-id')
    throw new InputError('subject-type-not-supported', `${records} are looked up by resident ID only.`)
  return checkedResidentId(subject.idNumber)
}

/**
 * Health from one cheap call to the system: up while the circuit breaker is closed, degraded while it
 * is not (the call got through, earlier ones failed), down when the call failed.
 */
export async function probeHealth(
  client: UpstreamClient,
  probe: () => Promise<unknown>,
): Promise<AdapterHealth> {
  try {
    await probe()
    return { status: client.breakerState === 'closed' ? 'up' : 'degraded', breaker: client.breakerState }
  } catch (error) {
    return { status: 'down', breaker: client.breakerState, detail: (error as Error).message }
  }
}

/**
 * A numeric cursor this adapter issued — a page number, an offset or a change sequence, as digits —
 * or `first` when there is none yet.
 */
export function numericCursor(cursor: string | null | undefined, first: 0 | 1 = 0): number {
  if (!cursor) return first
  if (!/^\d+$/.test(cursor) || Number(cursor) < first)
    throw new InputError('invalid-cursor', 'The cursor is not one this adapter issued.')
  return Number(cursor)
}

/**
 * The subject of a query filter for systems that search by subject only: `subjectId` is required,
 * and besides it only the `also` filters may be named (returned for the adapter to map).
 */
export function subjectFilter(
  filter: Record<string, string>,
  records: string,
  also: readonly string[] = [],
): { subjectId: string; others: Record<string, string> } {
  const { subjectId, ...others } = filter
  const unknown = Object.keys(others).filter((name) => !also.includes(name))
  if (!subjectId || unknown.length > 0) {
    const allowed = ['subjectId', ...also].join(' and ')
    throw new InputError(
      'unsupported-filter',
      `${records} can be filtered by ${allowed} only; subjectId is required.`,
    )
  }
  return { subjectId, others }
}
