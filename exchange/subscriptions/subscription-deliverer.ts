import type { Knex } from 'knex'
import type { AuditWriter } from '../../audit/audit-writer.ts'
import { writerRecorder } from '../../audit/request-context-plugin.ts'
import { type AuditEvent, detachedContext, type RequestContext } from '../../policies/request-context.ts'
import { publishedResource } from '../fetch/fetch-source-read-model.ts'
import type { KindFields } from '../fetch/record-source.ts'
import type { DeliveredRecord, DeliveryTarget, DisputedRecordKeys } from './delivery-target.ts'
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
  now?: () => Date
}

export type BatchOutcome = 'delivered' | 'idle' | 'stopped' | 'busy'

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

      const changes = await changesAfter(trx, sub.record_kind, sub.position, this.deps.batchSize)
      if (changes.length === 0) return { outcome: 'idle' as const, records: 0 }
      const { items, source } = deliveryScope(grant, resource!, sub.record_kind, this.deps.fieldsOf)
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
            subjects: subjects.size,
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
        if (dead.size > 0)
          await trx('subscription_dead_letters')
            .insert(
              records
                .filter((r) => dead.has(r.position))
                .map((r) => ({
                  subscription_id: sub.id,
                  position: r.position,
                  record_id: r.recordId,
                  error: dead.get(r.position)!.slice(0, 2000),
                })),
            )
            .onConflict(['subscription_id', 'position'])
            .ignore()
        if (!logged)
          await logDeliveries(
            trx,
            log.filter((l) => !dead.has(l.position)),
          )
        deadLetters = dead.size
      }
      await updateSubscription(trx, sub.id, {
        position,
        delivered: trx.raw('delivered + ?', [records.length - deadLetters]),
        ...(records.length > 0 ? { last_delivered_at: now } : {}),
      })
      return { outcome: 'delivered' as const, records: records.length - deadLetters, deadLetters }
    })
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
