import type { Knex } from 'knex'
import { ConflictError, NotAllowedError, NotFoundError } from '../../platform/errors/app-error.ts'
import type { RequestContext } from '../../policies/request-context.ts'
import type { KindFields } from '../fetch/record-source.ts'
import type { DeliveredRecord } from './delivery-target.ts'
import { projectRecord } from './subscription-projection.ts'
import { resendScope } from './subscription-scope.ts'
import { findSubscription, logDeliveries } from './subscription-store.ts'
import type { TableTarget } from './table-target.ts'

/**
 * Re-sends what a front-end table is missing: every record the grant lets through, with a change at
 * or below the subscription's position, that the table lacks or holds at an older position. The hub
 * can read a table target's copy itself; a Kafka consumer's copy it cannot see, so for Kafka the
 * answer is a re-snapshot. Runs like a delivery batch: grant FOR SHARE, audited, logged.
 */
export class SubscriptionReconciler {
  constructor(
    private readonly deps: {
      db: Knex
      tables: Pick<TableTarget, 'copyOf' | 'deliver'>
      fieldsOf: KindFields
      subjectHash: (subjectId: string) => string
    },
  ) {}

  async resend(ctx: RequestContext, id: string): Promise<{ resent: number }> {
    const sub = /^[0-9a-f-]{36}$/.test(id) ? await findSubscription(this.deps.db, id) : undefined
    if (!sub || sub.consumer_department !== ctx.principal.department)
      throw new NotFoundError('subscription-not-found', `No subscription ${id}.`)
    // A live subscription keeps no copy of the provider's records to re-send from: re-snapshot it.
    if (sub.target !== 'table' || sub.source === 'live')
      throw new ConflictError(
        'reconcile-needs-resnapshot',
        'The hub cannot read a Kafka or file copy; compare the reconciliation checksum and ask for a re-snapshot.',
      )
    const copy = await this.deps.tables.copyOf(sub)
    const base = {
      action: 'exchange.subscription.reconcile',
      resourceType: 'resource',
      resourceId: sub.resource_code,
    }
    const result = await this.deps.db.transaction(async (trx) => {
      const scope = await resendScope(trx, sub, this.deps.fieldsOf)
      if ('refused' in scope) return scope
      const { grant, items, source } = scope
      const rows = (await trx('hub_records')
        .where({ kind: sub.record_kind })
        .where('change_seq', '<=', sub.position)
        .orderBy('change_seq')
        .select('record_id', 'subject_id', 'data', 'change_seq')) as {
        record_id: string
        subject_id: string
        data: Record<string, unknown>
        change_seq: string
      }[]
      const missing: DeliveredRecord[] = []
      const log = []
      for (const row of rows) {
        const held = copy.get(row.record_id)
        if (held !== undefined && held >= BigInt(row.change_seq)) continue
        const values = projectRecord(grant, items, source, row)
        if (values === null) continue
        missing.push({ recordId: row.record_id, position: String(row.change_seq), items: values })
        log.push({
          subscription_id: sub.id,
          position: String(row.change_seq),
          subject_hash: this.deps.subjectHash(row.subject_id),
          record_id: row.record_id,
        })
      }
      if (missing.length > 0) {
        await ctx.audit.record({
          ...base,
          grantId: grant.id,
          items,
          outcome: 'allowed',
          details: { subscription: sub.id, records: missing.length },
        })
        await this.deps.tables.deliver({
          subscription: sub,
          grantId: grant.id,
          position: String(sub.position),
          records: missing,
        })
        await logDeliveries(trx, log)
      }
      return { resent: missing.length }
    })
    if ('refused' in result) {
      throw await ctx.audit.refused(
        new NotAllowedError(result.refused!, `Nothing can be re-sent: ${result.refused}.`),
        { ...base, grantId: String(sub.grant_id) },
      )
    }
    return { resent: result.resent! }
  }
}
