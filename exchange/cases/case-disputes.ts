import type { Knex } from 'knex'
import type { CaseEvent } from '../../schemas/generated/types.ts'
import { disputedCertificates } from '../objections/objection-read-model.ts'

/**
 * Case events that name a certificate under an unresolved data objection (数据异议) say so, as the
 * clerk's certificate answers do: `disputed: [{certificateId, objectionId}]`, copied into every
 * routed copy and webhook delivery of the event. An event recorded after the objection is resolved
 * carries none.
 */

/** The certificates an event names: materials obtained as e-certificates, results issued electronically. */
export function certificatesNamed(event: CaseEvent): string[] {
  const materials = (event.basic?.materials ?? [])
    .filter((m) => m.source === 'certificate' && m.reference)
    .map((m) => m.reference!)
  const issued = (event.result?.certificates ?? []).flatMap((c) => (c.identifier ? [c.identifier] : []))
  return [...new Set([...materials, ...issued])]
}

/** The events, each naming disputed certificates marked; one look-up for the whole batch. */
export async function markDisputedCertificates(
  db: Knex | Knex.Transaction,
  events: readonly CaseEvent[],
): Promise<CaseEvent[]> {
  const named = events.map(certificatesNamed)
  const disputes = await disputedCertificates(db, named.flat())
  if (disputes.size === 0) return [...events]
  return events.map((event, i) => {
    const disputed = named[i]!.flatMap((certificateId) => {
      const objectionId = disputes.get(certificateId)
      return objectionId ? [{ certificateId, objectionId }] : []
    })
    return disputed.length > 0 ? { ...event, disputed } : event
  })
}
