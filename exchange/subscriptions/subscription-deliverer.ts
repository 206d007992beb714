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
      const { records, log, subjects, items, position } = read
      let deadLetters = 0
      if (records.length > 0) {
        // The log goes in while the audit record is made and the target takes the batch: it is in
        // this transaction, so it commits with the position or not at all. Record by record
        // (isolate), only what the target took is logged, afterwards.
        const logged = options.isolate ? null : logDeliveries(trx, log)
        logged?.catch(() => undefined) // awaited below; rejected alone if the audit or target fails first
        await this.auditBatch(sub, {
          outcome: 'allowed',
          items,
          details: {
            subscription: sub.id,
            target: sub.target,
            from: sub.position,
            to: position,
            records: records.length,
            subjects,
          },
        })
        const target = this.deps.targets[sub.target as 'kafka' | 'table']
        const dead = new Map<string, string>()
        if (logged)
          await Promise.all([
            target.deliver({ subscription: sub, grantId: grant.id, position, records }),
            logged,
          ])
        else
          for (const record of records) {
            try {
              await target.deliver({ subscription: sub, grantId: grant.id, position, records: [record] })
            } catch (error) {
              dead.set(record.position, (error as Error).message ?? String(error))
            }
          }
        await setAside(trx, sub, records, dead)
        if (!logged)
          await logDeliveries(
            trx,
            log.filter((l) => !dead.has(l.position)),
          )
        deadLetters = dead.size
      }
      await updateSubscription(trx, sub.id, {
        ...read.updates,
        position,
        delivered: trx.raw('delivered + ?', [records.length - deadLetters]),
        ...(records.length > 0 ? { last_delivered_at: now } : {}),
      })
      // A live pass that ended waits for the next one: the runner moves on (idle), counting what went.
      const outcome = read.passEnded ? ('idle' as const) : ('delivered' as const)
      return { outcome, records: records.length - deadLetters, deadLetters }
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
    const { items, source } = deliveryScope(grant, resource, sub.record_kind, this.deps.fieldsOf)
    const records: DeliveredRecord[] = []
    const log: DeliveryLogRow[] = []
    const subjects = new Set<string>()
    const disputes = await this.deps.disputes(trx, sub.resource_code)
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
    return { records, log, subjects: subjects.size, items, position, updates: {}, passEnded: false }
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
