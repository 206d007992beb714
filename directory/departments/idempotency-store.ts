import { createHash } from 'node:crypto'
import type { Knex } from 'knex'

/**
 * `Idempotency-Key` support for creating POSTs (table `idempotency_keys`). Nothing in it is about
 * departments; it lives here only until a second feature needs it, then it belongs in platform/http.
 *
 * Protocol, all inside the transaction that makes the change:
 *   1. `claimIdempotencyKey` inserts the key. A concurrent request with the same key blocks on the
 *      primary key until the first commits or rolls back, so two requests never both do the work.
 *   2. Claimed ⇒ do the work, then `saveIdempotentResponse`; a failure rolls the claim back with it,
 *      so a rejected request can be retried with the same key.
 *   3. Not claimed ⇒ the stored row answers: same request ⇒ replay, different request ⇒ reuse error.
 */

export interface IdempotencyScope {
  /** Who sent the request; keys are private to a caller. */
  subject: string
  key: string
  /** Hash of operation and body, from `requestHash`. */
  requestHash: string
}

export interface StoredResponse {
  status: number
  body: unknown
}

export type ClaimResult =
  | { claimed: true }
  | { claimed: false; sameRequest: boolean; response: StoredResponse | null }

/** A hash of the operation and the body that ignores property order. */
export function requestHash(operation: string, body: unknown): string {
  return createHash('sha256').update(operation).update('\n').update(canonicalJson(body)).digest('hex')
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`
  }
  return JSON.stringify(value ?? null)
}

export async function claimIdempotencyKey(
  trx: Knex.Transaction,
  scope: IdempotencyScope,
): Promise<ClaimResult> {
  const inserted = await trx('idempotency_keys')
    .insert({ subject: scope.subject, key: scope.key, request_hash: scope.requestHash })
    .onConflict(['subject', 'key'])
    .ignore()
    .returning('key')
  if (inserted.length > 0) return { claimed: true }
  const row = (await trx('idempotency_keys')
    .select('request_hash', 'status', 'response')
    .where({ subject: scope.subject, key: scope.key })
    .first()) as { request_hash: string; status: number | null; response: StoredResponse | null } | undefined
  // The row can only vanish if a pruning job removed it between the two statements: treat as reuse
  // of an unknown request rather than doing the work twice.
  if (!row) return { claimed: false, sameRequest: false, response: null }
  return { claimed: false, sameRequest: row.request_hash === scope.requestHash, response: row.response }
}

export async function saveIdempotentResponse(
  trx: Knex.Transaction,
  scope: IdempotencyScope,
  response: StoredResponse,
): Promise<void> {
  await trx('idempotency_keys')
    .where({ subject: scope.subject, key: scope.key })
    .update({ status: response.status, response: JSON.stringify(response) })
}
