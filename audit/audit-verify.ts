import type { Knex } from 'knex'
import { GENESIS_HASH } from './audit-chain.ts'
import { checkChainRange, type RangeCheck, readChainHead, readFirstId, readHash } from './audit-store.ts'

export type ChainProblem = 'hash-mismatch' | 'broken-link' | 'gap'

export interface VerifyResult {
  ok: boolean
  /** Records whose hash and link were checked and found intact. */
  checked: number
  /** The first position where the chain is not what was written, and why. */
  firstBroken?: { id: number; problem: ChainProblem }
}

export interface VerifyOptions {
  fromId?: number
  toId?: number
  /** Records per range query. */
  batchSize?: number
  /** Range queries in flight at once (each is one PostgreSQL backend, i.e. one CPU). */
  concurrency?: number
  /**
   * What the first record must link to when its predecessor is gone (retention dropped it): the hash
   * of a signed checkpoint at that position. Without it, that one link is taken on trust.
   */
  startPrev?: string
}

/**
 * Re-walks the chain in id order, range by range, and names the first broken position: after it,
 * every later link is suspect anyway, and the auditor needs the place to start looking. The hashes
 * are recomputed by PostgreSQL (`audit_record_hash()`, the same serialization as the writer's, kept
 * equal by a property test) so that rows never cross the wire; see docs/adr/0004-audit-group-commit.md.
 *
 * Without `fromId` the walk starts at the oldest record kept; if that is not record 1 (retention
 * dropped old months), its link to the dropped record is taken on trust. Without `toId` it ends at
 * the chain head row, so records cut off the end show as a gap and a re-hashed last record as a
 * hash mismatch.
 */
export async function verifyChain(db: Knex, options: VerifyOptions = {}): Promise<VerifyResult> {
  const batchSize = options.batchSize ?? 20_000
  const concurrency = options.concurrency ?? 2
  const head = await readChainHead(db)
  const start = options.fromId ?? (await readFirstId(db)) ?? 1
  const end = Math.min(options.toId ?? head.lastId, head.lastId)

  const ranges: [number, number][] = []
  for (let lo = start; lo <= end; lo += batchSize) ranges.push([lo, Math.min(lo + batchSize - 1, end)])
  const startPrev = start === 1 ? GENESIS_HASH : (options.startPrev ?? null)
  const inFlight: Promise<RangeCheck>[] = []
  const launch = (i: number) => {
    const range = ranges[i]
    if (range) inFlight[i] = checkChainRange(db, range[0], range[1], range[0] === start ? startPrev : null)
  }
  for (let i = 0; i < concurrency; i++) launch(i)

  let checked = 0
  const stop = async (id: number, problem: ChainProblem): Promise<VerifyResult> => {
    // Let queries already sent finish, so none outlives the call (and its pool).
    await Promise.allSettled(inFlight)
    return { ok: false, checked, firstBroken: { id, problem } }
  }
  for (const [i, [lo, hi]] of ranges.entries()) {
    const result = await inFlight[i]!
    launch(i + concurrency)
    if (result.broken) {
      checked += result.checked
      return stop(result.broken.id, result.broken.problem)
    }
    checked += result.found
    if ((result.lastId ?? lo - 1) < hi) return stop((result.lastId ?? lo - 1) + 1, 'gap')
  }

  if (options.toId === undefined && head.lastId > 0 && start <= head.lastId) {
    if ((await readHash(db, head.lastId)) !== head.lastHash) return stop(head.lastId, 'hash-mismatch')
  }
  return { ok: true, checked }
}
