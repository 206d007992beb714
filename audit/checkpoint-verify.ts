import type { Knex } from 'knex'
import type { AuditVerifyResult } from '../schemas/generated/types.ts'
import { readChainHead, readFirstId, readHashes } from './audit-store.ts'
import { verifyChain } from './audit-verify.ts'
import type { CheckpointClaims, CheckpointSigner } from './checkpoint-signer.ts'
import { type CheckpointRow, checkpointsAt, streamCheckpoints } from './checkpoint-store.ts'

export type CheckpointProblem =
  | 'bad-signature'
  | 'unknown-key'
  | 'payload-mismatch'
  | 'record-missing'
  | 'hash-differs'

export interface CheckpointCheck {
  checked: number
  firstBroken?: { checkpointId: number; lastId: number; problem: CheckpointProblem }
}

function sameClaims(row: CheckpointRow, claims: CheckpointClaims): boolean {
  return (
    claims.lastId === row.lastId &&
    claims.lastHash === row.lastHash &&
    claims.count === row.count &&
    Date.parse(claims.signedAt) === row.signedAt.getTime()
  )
}

/**
 * Every checkpoint's signature, and that the chain still has the signed hash at the signed position.
 * This is what catches an owner who rewrote records and recomputed every hash after them: the chain
 * is self-consistent again, but no longer matches what was signed. Checkpoints older than the oldest
 * kept record (retention dropped their records) can only have their signatures checked.
 */
export async function verifyCheckpoints(
  db: Knex,
  signer: CheckpointSigner,
  range: { fromId?: number; toId?: number } = {},
): Promise<CheckpointCheck> {
  const firstKept = (await readFirstId(db)) ?? Number.POSITIVE_INFINITY
  const head = await readChainHead(db)
  let checked = 0
  for await (const batch of streamCheckpoints(db)) {
    const inRange = batch.filter(
      (c) => c.lastId >= (range.fromId ?? 0) && c.lastId <= (range.toId ?? Number.POSITIVE_INFINITY),
    )
    const verdicts = await Promise.all(inRange.map((c) => signer.verify(c.jws)))
    const positions = verdicts.flatMap((v) => (v.ok && v.claims.lastId >= firstKept ? [v.claims.lastId] : []))
    const hashes = await readHashes(db, positions)
    for (const [i, checkpoint] of inRange.entries()) {
      const verdict = verdicts[i]!
      const broken = (problem: CheckpointProblem): CheckpointCheck => ({
        checked,
        firstBroken: { checkpointId: checkpoint.id, lastId: checkpoint.lastId, problem },
      })
      if (!verdict.ok) return broken(verdict.problem)
      const { claims } = verdict
      if (!sameClaims(checkpoint, claims)) return broken('payload-mismatch')
      if (claims.lastId > 0 && (claims.lastId >= firstKept || claims.lastId > head.lastId)) {
        const hash = hashes.get(claims.lastId)
        if (hash === undefined) return broken('record-missing')
        if (hash !== claims.lastHash) return broken('hash-differs')
      }
      checked += 1
    }
  }
  return { checked }
}

/** A checkpoint at exactly `lastId` whose signature holds: the anchor for a chain that starts after it. */
async function findAnchor(
  db: Knex,
  signer: CheckpointSigner,
  lastId: number,
): Promise<{ checkpointId: number; lastId: number; hash: string } | null> {
  for (const checkpoint of await checkpointsAt(db, lastId)) {
    const verdict = await signer.verify(checkpoint.jws)
    if (verdict.ok && verdict.claims.lastId === lastId)
      return { checkpointId: checkpoint.id, lastId, hash: verdict.claims.lastHash }
  }
  return null
}

/**
 * The whole verification an auditor asks for: the hash chain (from a signed anchor when retention
 * dropped its beginning) and, with a signing key, every checkpoint against it.
 */
export async function verifyTrail(
  db: Knex,
  signer: CheckpointSigner | null,
  range: { fromId?: number; toId?: number } = {},
): Promise<AuditVerifyResult> {
  const start = range.fromId ?? (await readFirstId(db)) ?? 1
  const anchor = signer && start > 1 ? await findAnchor(db, signer, start - 1) : null
  const chain = await verifyChain(db, { ...range, startPrev: anchor?.hash })
  const result: AuditVerifyResult = { ...chain }
  if (anchor) result.anchor = { checkpointId: anchor.checkpointId, lastId: anchor.lastId }
  if (signer) {
    const checkpoints = await verifyCheckpoints(db, signer, range)
    result.checkpoints = checkpoints
    if (checkpoints.firstBroken) result.ok = false
  }
  return result
}
