import { createHash } from 'node:crypto'
import type { Knex } from 'knex'
import type { CanonicalRecord, DepartmentAdapter } from '../../adapters/adapter-contract.ts'
import type { DeliveredRecord } from './delivery-target.ts'
import { compileProjection } from './subscription-projection.ts'
import type { DeliveryScope } from './subscription-scope.ts'
import type { SubscriptionRow } from './subscription-store.ts'

/**
 * A subscription to a live (not hub-held) resource: the hub keeps no copy of the records, so it reads
 * the provider's pages (`pageRecords`) in passes. One batch is one page. What the grant lets out of a
 * record is hashed (SHA-256 of the delivered, masked items and the dispute mark); a record whose hash
 * is new or changed is delivered with the subscription's next position, an unchanged one only marked
 * seen in this pass, and at the end of a pass every record the pass did not see (gone at the
 * provider, or no longer let through by the grant) is delivered as deleted. The next pass starts
 * `repageMs` after the last one ended. Positions are the subscription's own counter: a re-snapshot
 * forgets the hashes and re-sends everything at higher positions, so a consumer keeping the highest
 * position per key never drops it. A record whose delivery was set aside (dead-letters.ts) keeps its
 * hash marked `dead_letter`: unchanged, it is not sent again (and refused again) on every pass, but it
 * does not count as held by the target until a replay has the next pass send it again.
 */

export interface LivePage {
  records: DeliveredRecord[]
  /** Subject of each delivered (not deleted) record, by position: for the delivery log. */
  subjects: Map<string, string>
  /** The subscription's position after the page. */
  position: string
  /** Subscription columns to store with the position. */
  updates: Partial<
    Pick<SubscriptionRow, 'live_cursor' | 'live_pass' | 'live_pass_started_at' | 'live_pass_ended_at'>
  >
  /** True when the page ended a pass. */
  passEnded: boolean
}

export interface LiveSourceDeps {
  /** The adapter of a resource's source, by name; undefined when it is not configured. */
  adapter: (name: string) => DepartmentAdapter | undefined
  /** Records per page asked of the provider (it may answer fewer). */
  pageSize: number
  /** Pause between two passes over the provider. */
  repageMs: number
}

export class LiveSource {
  constructor(private readonly deps: LiveSourceDeps) {}

  /** Whether subscriptions can read a live resource served by adapter `name`. */
  pageable(name: string): boolean {
    return typeof this.deps.adapter(name)?.pageRecords === 'function'
  }

  /**
   * Every record of a live resource as the provider lists it now, page by page (file snapshots): one
   * whole read, nothing kept. A record listed twice (the listing moved while it was read) counts once,
   * as last read. 'not-pageable' when the adapter is gone or cannot page.
   */
  async readAll(
    adapterName: string,
    kind: string,
    requestId: string,
  ): Promise<CanonicalRecord[] | 'not-pageable'> {
    const adapter = this.deps.adapter(adapterName)
    if (!adapter?.pageRecords) return 'not-pageable'
    const records = new Map<string, CanonicalRecord>()
    let after: string | null = null
    do {
      const page = await adapter.pageRecords(kind, { after, limit: this.deps.pageSize }, { requestId })
      for (const record of page.records) records.set(record.recordId, record)
      after = page.next
    } while (after !== null)
    return [...records.values()]
  }

  /**
   * Reads and compares the next page, in the batch's transaction (the hashes commit with the position
   * or not at all). 'idle' between passes; 'not-pageable' when the adapter is gone or cannot page.
   */
  async nextPage(
    trx: Knex.Transaction,
    sub: SubscriptionRow,
    adapterName: string,
    scope: DeliveryScope,
    disputes: Map<string, string>,
    now: Date,
  ): Promise<LivePage | 'idle' | 'not-pageable'> {
    const adapter = this.deps.adapter(adapterName)
    if (!adapter?.pageRecords) return 'not-pageable'
    const starting = sub.live_cursor === null
    if (
      starting &&
      sub.live_pass_ended_at !== null &&
      now.getTime() - sub.live_pass_ended_at.getTime() < this.deps.repageMs
    )
      return 'idle'
    const pass = Number(sub.live_pass) + (starting ? 1 : 0)
    const page = await adapter.pageRecords(
      sub.record_kind,
      { after: sub.live_cursor, limit: this.deps.pageSize },
      { requestId: `subscription:${sub.id}` },
    )
    const project = compileProjection(scope.grant, scope.items, scope.source)
    const ids = page.records.map((r) => r.recordId)
    const known = new Map(
      (
        (await trx('subscription_live_records')
          .where({ subscription_id: sub.id })
          .whereIn('record_id', ids)
          .select('record_id', 'hash')) as { record_id: string; hash: string }[]
      ).map((r) => [r.record_id, r.hash]),
    )
    let position = BigInt(sub.position)
    const records: DeliveredRecord[] = []
    const subjects = new Map<string, string>()
    const changed: { record_id: string; hash: string; position: string }[] = []
    const seen: string[] = []
    for (const record of page.records) {
      const subjectId = String(record.data.subjectId ?? '')
      const values = project({ subject_id: subjectId, data: record.data })
      if (values === null) continue // not let through: unseen, so deleted at the end of the pass if delivered
      const objectionId = disputes.get(record.recordId)
      const hash = createHash('sha256')
        .update(JSON.stringify([values, objectionId ?? null]))
        .digest('hex')
      if (known.get(record.recordId) === hash) {
        seen.push(record.recordId)
        continue
      }
      position += 1n
      records.push({
        recordId: record.recordId,
        position: String(position),
        items: values,
        ...(objectionId ? { objectionId } : {}),
      })
      subjects.set(String(position), subjectId)
      changed.push({ record_id: record.recordId, hash, position: String(position) })
    }
    if (changed.length > 0)
      await trx.raw(
        `insert into subscription_live_records (subscription_id, record_id, hash, position, seen_pass)
         select ?::uuid, r.record_id, r.hash, r.position, ?
           from unnest(?::text[], ?::text[], ?::bigint[]) as r(record_id, hash, position)
         on conflict (subscription_id, record_id)
           do update set hash = excluded.hash, position = excluded.position, seen_pass = excluded.seen_pass,
                         dead_letter = false`,
        [
          sub.id,
          pass,
          changed.map((c) => c.record_id),
          changed.map((c) => c.hash),
          changed.map((c) => c.position),
        ],
      )
    if (seen.length > 0)
      await trx('subscription_live_records')
        .where({ subscription_id: sub.id })
        .whereIn('record_id', seen)
        .update({ seen_pass: pass })
    const passEnded = page.next === null
    if (passEnded) {
      const gone = (await trx('subscription_live_records')
        .where({ subscription_id: sub.id })
        .where('seen_pass', '<', pass)
        .del()
        .returning('record_id')) as { record_id: string }[]
      for (const record_id of gone.map((g) => g.record_id).sort()) {
        position += 1n
        records.push({ recordId: record_id, position: String(position), items: {}, deleted: true })
      }
    }
    return {
      records,
      subjects,
      position: String(position),
      updates: {
        live_cursor: page.next,
        live_pass: String(pass),
        ...(starting ? { live_pass_started_at: now } : {}),
        ...(passEnded ? { live_pass_ended_at: now } : {}),
      },
      passEnded,
    }
  }
}

/** How stale a live copy may be: seconds since the pass under way started, 0 between passes. */
export function liveLagSeconds(sub: SubscriptionRow): number {
  if (sub.live_cursor === null || sub.live_pass_started_at === null) return 0
  return Math.max(0, (Date.now() - sub.live_pass_started_at.getTime()) / 1000)
}

/**
 * A live subscription's reconciliation: what it delivered and still holds as current (it keeps no
 * copy of the provider's data, so "eligible" is what the last passes found and the target took — a
 * dead-lettered delivery is not counted), with the same checksum as a hub-held one — SHA-256 of
 * `<record_id>\t<position>\n` sorted by record id.
 */
export async function liveReconciliation(
  db: Knex,
  sub: SubscriptionRow,
): Promise<{ position: string; eligible: number; checksum: string }> {
  const rows = (await db('subscription_live_records')
    .where({ subscription_id: sub.id, dead_letter: false })
    .orderBy('record_id')
    .select('record_id', 'position')) as { record_id: string; position: string }[]
  const hash = createHash('sha256')
  for (const row of rows) hash.update(`${row.record_id}\t${row.position}\n`)
  return { position: String(sub.position), eligible: rows.length, checksum: hash.digest('hex') }
}
