import type { Knex } from 'knex'
import { NotAllowedError, NotFoundError } from '../../platform/errors/app-error.ts'
import type { RequestContext } from '../../policies/request-context.ts'
import type { Principal, SubscriptionDeadLetters } from '../../schemas/generated/types.ts'
import type { KindFields } from '../fetch/record-source.ts'
import type { DeliveryTarget, DisputedRecordKeys } from './delivery-target.ts'
import { projectRecord } from './subscription-projection.ts'
import { resendScope } from './subscription-scope.ts'
import { findSubscription, logDeliveries, type SubscriptionRow } from './subscription-store.ts'

/**
 * The dead-letter list of a subscription and its replay: each set-aside record is sent again as it
 * is now, under the grant as it is now (FOR SHARE, like a batch); what the target takes leaves the list.
 */
export class DeadLetters {
  constructor(
    private readonly deps: {
      db: Knex
      targets: Record<'kafka' | 'table', DeliveryTarget>
      fieldsOf: KindFields
      subjectHash: (subjectId: string) => string
      disputes: DisputedRecordKeys
    },
  ) {}

  async list(ctx: RequestContext, id: string): Promise<SubscriptionDeadLetters> {
    await this.own(ctx.principal, id)
    const rows = (await this.deps
      .db('subscription_dead_letters')
      .where({ subscription_id: id })
      .orderBy('position')
      .select('position', 'record_id', 'error', 'created_at')) as {
      position: string
      record_id: string
      error: string
      created_at: Date
    }[]
    return {
      items: rows.map((r) => ({
        position: String(r.position),
        recordId: r.record_id,
        error: r.error,
        createdAt: r.created_at.toISOString(),
      })),
    }
  }

  async replay(ctx: RequestContext, id: string): Promise<{ replayed: number; remaining: number }> {
    const sub = await this.own(ctx.principal, id)
    const base = {
      action: 'exchange.subscription.replay',
      resourceType: 'resource',
      resourceId: sub.resource_code,
    }
    const result = await this.deps.db.transaction(async (trx) => {
      const scope = await resendScope(trx, sub, this.deps.fieldsOf)
      if ('refused' in scope) return scope
      const { grant, items, source } = scope
      const dead = (await trx('subscription_dead_letters as d')
        .join('hub_records as h', function () {
          this.on('h.record_id', 'd.record_id').andOn('h.kind', trx.raw('?', [sub.record_kind]))
        })
        .where('d.subscription_id', sub.id)
        .orderBy('d.position')
        .select('d.position', 'h.record_id', 'h.subject_id', 'h.data', 'h.change_seq')) as {
        position: string
        record_id: string
        subject_id: string
        data: Record<string, unknown>
        change_seq: string
      }[]
      await ctx.audit.record({
        ...base,
        grantId: grant.id,
        items,
        outcome: 'allowed',
        details: { subscription: sub.id, records: dead.length },
      })
      const target = this.deps.targets[sub.target as 'kafka' | 'table']
      const disputes = await this.deps.disputes(trx, sub.resource_code)
      let replayed = 0
      for (const row of dead) {
        const values = projectRecord(grant, items, source, row)
        const objectionId = disputes.get(row.record_id)
        try {
          if (values !== null)
            await target.deliver({
              subscription: sub,
              grantId: grant.id,
              position: String(sub.position),
              records: [
                {
                  recordId: row.record_id,
                  position: String(row.change_seq),
                  items: values,
                  ...(objectionId ? { objectionId } : {}),
                },
              ],
            })
        } catch {
          continue
        }
        replayed += 1
        await trx('subscription_dead_letters')
          .where({ subscription_id: sub.id, position: row.position })
          .delete()
        if (values !== null)
          await logDeliveries(trx, [
            {
              subscription_id: sub.id,
              position: String(row.change_seq),
              subject_hash: this.deps.subjectHash(row.subject_id),
              record_id: row.record_id,
            },
          ])
      }
      return { replayed, remaining: dead.length - replayed }
    })
    if ('refused' in result) {
      throw await ctx.audit.refused(
        new NotAllowedError(result.refused!, `Nothing can be replayed: ${result.refused}.`),
        { ...base, grantId: String(sub.grant_id) },
      )
    }
    return { replayed: result.replayed!, remaining: result.remaining! }
  }

  private async own(principal: Principal, id: string): Promise<SubscriptionRow> {
    const sub = /^[0-9a-f-]{36}$/.test(id) ? await findSubscription(this.deps.db, id) : undefined
    if (!sub || sub.consumer_department !== principal.department || sub.target === 'file')
      throw new NotFoundError('subscription-not-found', `No streaming subscription ${id}.`)
    return sub
  }
}
