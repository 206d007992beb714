import type { Knex } from 'knex'
import type { AuditWriter } from '../../audit/audit-writer.ts'
import { writerRecorder } from '../../audit/request-context-plugin.ts'
import type { GrantFacts } from '../../policies/ability.ts'
import { type AuditEvent, detachedContext, type RequestContext } from '../../policies/request-context.ts'
import { type PublishedResource, publishedResource } from '../fetch/fetch-source-read-model.ts'
import type { KindFields } from '../fetch/record-source.ts'
import { setAside } from './dead-letters.ts'
import type { DeliveredRecord, DeliveryTarget, DisputedRecordKeys } from './delivery-target.ts'
import type { LivePage, LiveSource } from './live-source.ts'
import { compileProjection } from './subscription-projection.ts'
import { deliveryScope, lockGrant } from './subscription-scope.ts'
import {
  type ChangedRecord,
  changesAfter,
  claimSubscription,
  type DeliveryLogRow,
  logDeliveries,
  type SubscriptionRow,
  updateSubscription,
} from './subscription-store.ts'

/**
 * One batch of one subscription, in one hub transaction that
 * 1. claims the subscription row (FOR UPDATE SKIP LOCKED: one instance delivers it at a time);
 * 2. reads its grant FOR SHARE — a revocation (which locks the grant FOR UPDATE) waits for this batch
 *    to finish, and this batch sees any revocation committed before it: so no record leaves after the
 *    revocation commits, and a revoked or expired grant stops the subscription before its next batch;
 * 3. reads the next changes, keeps what the grant lets out, audits the batch (durably) and hands it to
 *    the target, which resolves only when the target holds it;
 * 4. logs each delivered record under its subject's audit HMAC (one statement, while the audit record
 *    is written and the target takes the batch) and moves the position.
 * A crash anywhere before the commit repeats the batch with the same positions.
 */

export interface DelivererDeps {
  db: Knex
  targets: Record<Exclude<SubscriptionRow['target'], 'file'>, DeliveryTarget>
  fieldsOf: KindFields
  /** The trail's writer: each subscription's batches are recorded through a detached context of its own. */
  audit: Pick<AuditWriter, 'record'>
  subjectHash: (subjectId: string) => string
  /** Records under objection are delivered with the objection's id (the `disputed` mark). */
  disputes: DisputedRecordKeys
  batchSize: number
  /**
   * While the stream is full, up to this many changes (default: one batch) go in one transaction, batch
   * after batch, each read while the previous ones are acknowledged; `runMs` (default 1 s) bounds how
   * long a run may keep starting batches, hence how long a revocation may wait for it.
   */
  runRecords?: number
  runMs?: number
  /** Reads live (not hub-held) resources page by page; without it their subscriptions stop. */
  live?: LiveSource
  now?: () => Date
}

export type BatchOutcome = 'delivered' | 'idle' | 'stopped' | 'busy'

/** One batch as read and projected, before it is audited, delivered and logged. */
interface BatchRead {
  records: DeliveredRecord[]
  log: DeliveryLogRow[]
  /** How many distinct subjects the records are about. */
  subjects: number
  items: string[]
  /** The position the batch ends at. */
  position: string
  /** Changes read (kept or not): fewer than the batch size means the stream is caught up. */
  scanned: number
  updates: LivePage['updates']
  passEnded: boolean
}

export class SubscriptionDeliverer {
  constructor(private readonly deps: DelivererDeps) {}

  /**
   * `isolate`: after the batch failed repeatedly, send its records one by one and set aside (dead
   * letter) each one the target refuses, so one poison record cannot hold up the stream.
   */
  async deliverBatch(
    id: string,
    options: { isolate?: boolean } = {},
  ): Promise<{ outcome: BatchOutcome; records: number; deadLetters?: number }> {
    const { db } = this.deps
    return db.transaction(async (trx) => {
      const sub = await claimSubscription(trx, id)
      if (!sub) return { outcome: 'busy' as const, records: 0 }
      const grant = await lockGrant(trx, sub)
      const now = (this.deps.now ?? (() => new Date()))()
      const ended =
        grant.status === 'revoked'
          ? 'grant-revoked'
          : grant.status === 'expired' || now >= grant.validUntil
            ? 'grant-expired'
            : null
      const resource = await publishedResource(trx, sub.resource_code)
      const stopReason =
        ended ??
        (!resource ||
        resource.version < grant.versionFrom ||
        (grant.versionTo !== null && resource.version > grant.versionTo)
          ? 'version-not-granted'
          : null)
      if (stopReason) {
        await updateSubscription(trx, sub.id, { status: 'stopped', stop_reason: stopReason })
        await this.auditBatch(sub, { outcome: 'denied', reason: stopReason })
        return { outcome: 'stopped' as const, records: 0 }
      }
      if (now < grant.validFrom) return { outcome: 'idle' as const, records: 0 }

      const target = this.deps.targets[sub.target as 'kafka' | 'table']
      if (sub.source === 'live' || options.isolate) {
        const read =
          sub.source === 'live'
            ? await this.readLive(trx, sub, grant, resource!, now)
            : await this.readHub(trx, sub, grant, resource!)
        if (read === 'idle') return { outcome: 'idle' as const, records: 0 }
        if (read === 'not-pageable') {
          await updateSubscription(trx, sub.id, { status: 'stopped', stop_reason: 'source-not-pageable' })
          await this.auditBatch(sub, { outcome: 'denied', reason: 'source-not-pageable' })
          return { outcome: 'stopped' as const, records: 0 }
        }
        const deadLetters = await this.deliverRead(trx, sub, grant.id, sub.position, read, target, options)
          .held
        await this.movePosition(
          trx,
          sub,
          read,
          read.records.length - deadLetters,
          read.records.length > 0,
          now,
        )
        // A live pass that ended waits for the next one: the runner moves on (idle), counting what went.
        const outcome = read.passEnded ? ('idle' as const) : ('delivered' as const)
        return { outcome, records: read.records.length - deadLetters, deadLetters }
      }

      // A run: while the stream is full (a snapshot, or far behind), batch after batch in this one
      // transaction, up to `runRecords` changes or `runMs`. The claim, the grant lock and the commit
      // are paid once per run, and each next batch is read, projected and audited while the previous
      // ones are still on their way (acknowledgements, delivery log) — everything of the run is held
      // and logged before the position moves, at the commit; a crash repeats the run from the same
      // position, hence with the same positions.
      const runStarted = Date.now()
      // The objections of the resource, once per run (in its transaction, like the grant).
      let disputes: Promise<Map<string, string>> | undefined
      // The transaction's connection takes one query at a time: the run's queries queue here.
      const query = queryQueue()
      const disputed = () => (disputes ??= query(() => this.deps.disputes(trx, sub.resource_code)))
      const pending: Promise<unknown>[] = []
      let previous: Promise<unknown> = Promise.resolve()
      let audits: Promise<unknown> = Promise.resolve()
      let failed = false
      let from = sub.position
      let last: BatchRead | undefined
      let scanned = 0
      let delivered = 0
      const { batchSize } = this.deps
      let reading = query(() => changesAfter(trx, sub.record_kind, from, batchSize))
      try {
        for (;;) {
          const changes = await reading
          if (changes.length === 0) break
          scanned += changes.length
          const more =
            changes.length === batchSize &&
            scanned < (this.deps.runRecords ?? batchSize) &&
            Date.now() - runStarted < (this.deps.runMs ?? 1000)
          // The next batch is read while this one is projected, audited and handed over.
          if (more) {
            const after = String(changes.at(-1)!.change_seq)
            reading = query(() => changesAfter(trx, sub.record_kind, after, batchSize))
            reading.catch(() => undefined) // awaited at the next turn
          }
          const read = await this.projectChanges(sub, grant, resource!, changes, disputed)
          // Successive batches go to a pipelined target (Kafka) together, in order of their audit
          // records; to others one after another. Neither waits here: the next batch is projected
          // while this one is audited and handed over.
          const after = target.pipelined ? audits : previous
          const { audited, held } = this.deliverRead(trx, sub, grant.id, from, read, target, options, {
            after,
            query,
          })
          held.catch(() => {
            failed = true // awaited below; no further batch is started
          })
          pending.push(held)
          previous = held
          audits = audited
          from = read.position
          last = read
          delivered += read.records.length
          if (!more || failed) break
        }
        await Promise.all(pending)
      } catch (error) {
        // Nothing of a failed run may still be under way when the runner tries it again.
        await Promise.allSettled(pending)
        throw error
      }
      if (!last) return { outcome: 'idle' as const, records: 0 }
      await this.movePosition(trx, sub, last, delivered, delivered > 0, now)
      return { outcome: 'delivered' as const, records: delivered, deadLetters: 0 }
    })
  }

  /**
   * Audits one batch, hands it to the target (after `after`, when given) and logs what it took:
   * `audited` settles once the batch's audit record is durable, `held` (the number of dead letters)
   * once the target holds the batch and the log is written.
   */
  private deliverRead(
    trx: Knex.Transaction,
    sub: SubscriptionRow,
    grantId: string,
    from: string,
    read: BatchRead,
    target: DeliveryTarget,
    options: { isolate?: boolean },
    pipeline: { after?: Promise<unknown>; query?: QueryQueue } = {},
  ): { audited: Promise<unknown>; held: Promise<number> } {
    const { records, log, subjects, items, position } = read
    if (records.length === 0) return { audited: Promise.resolve(), held: Promise.resolve(0) }
    // The log goes in while the audit record is made and the target takes the batch: it is in
    // this transaction, so it commits with the position or not at all. Record by record
    // (isolate), only what the target took is logged, afterwards.
    const query = pipeline.query ?? ((q) => q())
    const logged = options.isolate ? null : query(() => logDeliveries(trx, log))
    logged?.catch(() => undefined) // awaited below; rejected alone if the audit or target fails first
    const audited = this.auditBatch(sub, {
      outcome: 'allowed',
      items,
      details: {
        subscription: sub.id,
        target: sub.target,
        from,
        to: position,
        records: records.length,
        subjects,
      },
    })
    const held = (async () => {
      await audited
      await pipeline.after
      const batch = { subscription: sub, grantId, position, records }
      if (logged) {
        await Promise.all([target.deliver(batch), logged])
        return 0
      }
      const dead = new Map<string, string>()
      for (const record of records) {
        try {
          await target.deliver({ ...batch, records: [record] })
        } catch (error) {
          dead.set(record.position, (error as Error).message ?? String(error))
        }
      }
      await setAside(trx, sub, records, dead)
      await logDeliveries(
        trx,
        log.filter((l) => !dead.has(l.position)),
      )
      return dead.size
    })()
    return { audited, held }
  }

  private async movePosition(
    trx: Knex.Transaction,
    sub: SubscriptionRow,
    read: BatchRead,
    delivered: number,
    sent: boolean,
    now: Date,
  ): Promise<void> {
    await updateSubscription(trx, sub.id, {
      ...read.updates,
      position: read.position,
      delivered: trx.raw('delivered + ?', [delivered]),
      ...(sent ? { last_delivered_at: now } : {}),
    })
  }

  /** The next changes of the hub-held record kind after the position, projected through the grant. */
  private async readHub(
    trx: Knex.Transaction,
    sub: SubscriptionRow,
    grant: GrantFacts,
    resource: PublishedResource,
  ): Promise<BatchRead | 'idle'> {
    const changes = await changesAfter(trx, sub.record_kind, sub.position, this.deps.batchSize)
    if (changes.length === 0) return 'idle'
    return this.projectChanges(sub, grant, resource, changes, () =>
      this.deps.disputes(trx, sub.resource_code),
    )
  }

  /** Changes of the stream as the grant lets them out, with their delivery log rows. */
  private async projectChanges(
    sub: SubscriptionRow,
    grant: GrantFacts,
    resource: PublishedResource,
    changes: ChangedRecord[],
    disputed: () => Promise<Map<string, string>>,
  ): Promise<BatchRead> {
    const { items, source } = deliveryScope(grant, resource, sub.record_kind, this.deps.fieldsOf)
    const records: DeliveredRecord[] = []
    const log: DeliveryLogRow[] = []
    const subjects = new Set<string>()
    const disputes = await disputed()
    const project = compileProjection(grant, items, source)
    for (const change of changes) {
      const values = project(change)
      if (values === null) continue
      const position = String(change.change_seq)
      const objectionId = disputes.get(change.record_id)
      records.push({
        recordId: change.record_id,
        position,
        items: values,
        ...(objectionId ? { objectionId } : {}),
      })
      subjects.add(change.subject_id)
      log.push({
        subscription_id: sub.id,
        position,
        subject_hash: this.deps.subjectHash(change.subject_id),
        record_id: change.record_id,
      })
    }
    const position = String(changes.at(-1)!.change_seq)
    return {
      records,
      log,
      subjects: subjects.size,
      items,
      position,
      scanned: changes.length,
      updates: {},
      passEnded: false,
    }
  }

  /** The next page of a live resource, compared with what was delivered (live-source.ts). */
  private async readLive(
    trx: Knex.Transaction,
    sub: SubscriptionRow,
    grant: GrantFacts,
    resource: PublishedResource,
    now: Date,
  ): Promise<BatchRead | 'idle' | 'not-pageable'> {
    if (!this.deps.live || !resource.explicit) return 'not-pageable'
    const scope = deliveryScope(grant, resource, sub.record_kind, this.deps.fieldsOf)
    const disputes = await this.deps.disputes(trx, sub.resource_code)
    const page = await this.deps.live.nextPage(trx, sub, resource.explicit.adapter, scope, disputes, now)
    if (typeof page === 'string') return page
    // Deleted records carry no data about anyone: only deliveries of items go in the log.
    const keys = new Map(page.records.map((r) => [r.position, r.recordId]))
    const log = [...page.subjects].map(([position, subjectId]) => ({
      subscription_id: sub.id,
      position,
      subject_hash: this.deps.subjectHash(subjectId),
      record_id: keys.get(position)!,
    }))
    return {
      records: page.records,
      log,
      subjects: new Set(page.subjects.values()).size,
      items: scope.items,
      position: page.position,
      scanned: page.records.length,
      updates: page.updates,
      passEnded: page.passEnded,
    }
  }

  /** Every batch, delivered or refused, is on the audit trail before data leaves. */
  private auditBatch(
    sub: SubscriptionRow,
    event: Pick<AuditEvent, 'outcome'> & Partial<AuditEvent>,
  ): Promise<unknown> {
    return subscriptionContext(this.deps.audit, sub).audit.record({
      action: 'exchange.subscription.deliver',
      resourceType: 'resource',
      resourceId: sub.resource_code,
      grantId: String(sub.grant_id),
      ...event,
      details: { subscription: sub.id, target: sub.target, ...event.details },
    })
  }
}

type QueryQueue = <T>(query: () => Promise<T>) => Promise<T>

/** Runs the queries given to it one after another, each once the previous one has settled. */
function queryQueue(): QueryQueue {
  let tail: Promise<unknown> = Promise.resolve()
  return (query) => {
    const next = tail.then(query)
    tail = next.catch(() => undefined)
    return next
  }
}

/**
 * The context background delivery acts in: no caller asked, so the subscription itself is the
 * principal (`subscription:<id>`, a service of the consumer department), recorded through the writer.
 */
export function subscriptionContext(
  writer: Pick<AuditWriter, 'record'>,
  sub: SubscriptionRow,
): RequestContext {
  const principal = {
    subject: `subscription:${sub.id}`,
    department: sub.consumer_department,
    roles: ['service' as const],
    district: null,
  }
  return detachedContext(principal, {
    audit: writerRecorder(writer, principal),
    requestId: `subscription:${sub.id}`,
  })
}
