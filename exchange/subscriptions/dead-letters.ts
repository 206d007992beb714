import type { Knex } from 'knex'
import { NotAllowedError, NotFoundError } from '../../platform/errors/app-error.ts'
import type { RequestContext } from '../../policies/request-context.ts'
import type { Principal, SubscriptionDeadLetters, SubscriptionReplay } from '../../schemas/generated/types.ts'
import type { KindFields } from '../fetch/record-source.ts'
import type { DeliveredRecord, DeliveryTarget, DisputedRecordKeys } from './delivery-target.ts'
import { projectRecord } from './subscription-projection.ts'
import { type DeliveryScope, resendScope } from './subscription-scope.ts'
import {
  findSubscription,
  logDeliveries,
  type SubscriptionRow,
  updateSubscription,
} from './subscription-store.ts'

/**
 * The dead-letter list of a subscription and its replay: each set-aside record is sent again as it
 * is now, under the grant as it is now (FOR SHARE, like a batch); what the target takes leaves the list.
 *
 * Live sources (live-source.ts) keep no copy to re-read one record from, and a provider can only be
 * paged, so a set-aside change is not re-read by the replay: the replay forgets its hash, and the
 * next pass over the provider (started at once when none is under way) finds the record "new" and
 * sends it as it is then, at a new position — through the same batch as every other delivery, so it
 * is audited, logged and, if the target refuses it again, set aside again. A set-aside deletion
 * needs no read: the replay sends it again itself, unless the record has come back since.
 */

/**
 * Sets aside the records of a batch the target refused one by one (`errors`: position ⇒ what the
 * target answered), in the batch's transaction. For a live subscription the refused change's hash
 * stays (an unchanged record is not re-sent on every pass) but is marked `dead_letter`, so the record
 * does not count as held by the target.
 */
export async function setAside(
  trx: Knex.Transaction,
  sub: SubscriptionRow,
  records: readonly DeliveredRecord[],
  errors: ReadonlyMap<string, string>,
): Promise<void> {
  const dead = records.filter((r) => errors.has(r.position))
  if (dead.length === 0) return
  await trx('subscription_dead_letters')
    .insert(
      dead.map((r) => ({
        subscription_id: sub.id,
        position: r.position,
        record_id: r.recordId,
        error: errors.get(r.position)!.slice(0, 2000),
        deleted: r.deleted ?? false,
      })),
    )
    .onConflict(['subscription_id', 'position'])
    .ignore()
  const changes = dead.filter((r) => !r.deleted)
  if (sub.source === 'live' && changes.length > 0)
    await trx.raw(
      `update subscription_live_records as l set dead_letter = true
         from unnest(?::text[], ?::bigint[]) as d(record_id, position)
        where l.subscription_id = ?::uuid and l.record_id = d.record_id and l.position = d.position`,
      [changes.map((r) => r.recordId), changes.map((r) => r.position), sub.id],
    )
}
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

  async replay(ctx: RequestContext, id: string): Promise<SubscriptionReplay> {
    const sub = await this.own(ctx.principal, id)
    const base = {
      action: 'exchange.subscription.replay',
      resourceType: 'resource',
      resourceId: sub.resource_code,
    }
    const result = await this.deps.db.transaction(async (trx) => {
      // Live: the subscription row before the grant, in a batch's lock order (no deadlock with one
      // under way, which finishes first), since the replay changes the hashes the batches compare.
      const live =
        sub.source === 'live'
          ? ((await trx('subscriptions').where({ id: sub.id }).forUpdate().first('live_cursor')) as Pick<
              SubscriptionRow,
              'live_cursor'
            >)
          : null
      const scope = await resendScope(trx, sub, this.deps.fieldsOf)
      if ('refused' in scope) return scope
      if (live) return this.replayLive(ctx, trx, sub, scope, live.live_cursor)
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
    return result as SubscriptionReplay
  }

  /**
   * A live subscription's dead letters (see the top of this file): deletions are sent again now, at
   * their own position; changes are requeued for the next pass, which starts at once. A dead letter a
   * later delivery of the same record has overtaken (the record changed, came back or went since)
   * just leaves the list.
   */
  private async replayLive(
    ctx: RequestContext,
    trx: Knex.Transaction,
    sub: SubscriptionRow,
    { grant, items }: DeliveryScope,
    liveCursor: string | null,
  ): Promise<{ replayed: number; remaining: number; requeued: number }> {
    const dead = (await trx('subscription_dead_letters as d')
      .leftJoin('subscription_live_records as l', function () {
        this.on('l.subscription_id', 'd.subscription_id').andOn('l.record_id', 'd.record_id')
      })
      .where('d.subscription_id', sub.id)
      .orderBy('d.position')
      .select('d.position', 'd.record_id', 'd.deleted', 'l.position as held_position', 'l.dead_letter')) as {
      position: string
      record_id: string
      deleted: boolean
      held_position: string | null
      dead_letter: boolean | null
    }[]
    await ctx.audit.record({
      action: 'exchange.subscription.replay',
      resourceType: 'resource',
      resourceId: sub.resource_code,
      grantId: grant.id,
      items,
      outcome: 'allowed',
      details: { subscription: sub.id, records: dead.length, source: 'live' },
    })
    const target = this.deps.targets[sub.target as 'kafka' | 'table']
    const settled: string[] = []
    const requeue: string[] = []
    let replayed = 0
    for (const row of dead) {
      if (row.deleted && row.held_position === null) {
        // Still gone as far as the passes know: the deletion goes again (it carries no data).
        try {
          await target.deliver({
            subscription: sub,
            grantId: grant.id,
            position: String(sub.position),
            records: [{ recordId: row.record_id, position: String(row.position), items: {}, deleted: true }],
          })
        } catch {
          continue
        }
        replayed += 1
      } else if (!row.deleted && row.dead_letter && String(row.held_position) === String(row.position))
        requeue.push(row.record_id)
      settled.push(String(row.position))
    }
    if (requeue.length > 0) {
      await trx('subscription_live_records')
        .where({ subscription_id: sub.id })
        .whereIn('record_id', requeue)
        .del()
      // Between passes the next one starts now; a pass under way sends them, or the one after it.
      if (liveCursor === null) await updateSubscription(trx, sub.id, { live_pass_ended_at: null })
    }
    if (settled.length > 0)
      await trx('subscription_dead_letters')
        .where({ subscription_id: sub.id })
        .whereIn('position', settled)
        .del()
    return { replayed, remaining: dead.length - settled.length, requeued: requeue.length }
  }

  private async own(principal: Principal, id: string): Promise<SubscriptionRow> {
    const sub = /^[0-9a-f-]{36}$/.test(id) ? await findSubscription(this.deps.db, id) : undefined
    if (!sub || sub.consumer_department !== principal.department || sub.target === 'file')
      throw new NotFoundError('subscription-not-found', `No streaming subscription ${id}.`)
    return sub
  }
}
