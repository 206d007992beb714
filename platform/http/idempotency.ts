import { createHash } from 'node:crypto'
import type { Knex } from 'knex'
import { canonicalJson } from '../crypto/canonical-json.ts'
import { ConflictError } from '../errors/app-error.ts'

/**
 * `Idempotency-Key` support for creating POSTs (table `idempotency_keys`); features use
 * `idempotently()`, which runs the protocol below around their work.
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

/** The header schema of a POST that takes an Idempotency-Key. */
export const idempotencyHeaders = {
  type: 'object',
  properties: {
    'idempotency-key': {
      type: 'string',
      minLength: 1,
      maxLength: 255,
      description:
        'Makes the POST safe to retry: the same key and body replay the first answer (header `idempotent-replayed: true`) and nothing is created twice; another body with the same key is 409 `idempotency-key-reused`.',
    },
  },
}

export interface IdempotentRequest {
  /** The caller's subject: keys are private to a caller. */
  subject: string
  /** The Idempotency-Key header; without one the work just runs. */
  key: string | undefined
  /** The operation (its operationId), so one key cannot replay another operation's answer. */
  operation: string
  body: unknown
}

/**
 * Runs `work` at most once per caller and key, inside `trx` — the transaction that makes the change,
 * so the claim and the change commit or roll back together. A repeat with the same body gets the
 * stored answer (`replayed`, nothing written); with another body it is 409 `idempotency-key-reused`.
 */
export async function idempotently<T>(
  trx: Knex.Transaction,
  request: IdempotentRequest,
  status: number,
  work: () => Promise<T>,
): Promise<{ value: T; replayed: boolean }> {
  if (request.key === undefined) return { value: await work(), replayed: false }
  const scope: IdempotencyScope = {
    subject: request.subject,
    key: request.key,
    requestHash: requestHash(request.operation, request.body),
  }
  const claim = await claimIdempotencyKey(trx, scope)
  if (!claim.claimed) {
    if (!claim.sameRequest || !claim.response) {
      throw new ConflictError(
        'idempotency-key-reused',
        'This Idempotency-Key was already used for a different request; use a new key',
      )
    }
    return { value: claim.response.body as T, replayed: true }
  }
  const value = await work()
  await saveIdempotentResponse(trx, scope, { status, body: value })
  return { value, replayed: false }
}
