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
