import { createHash, randomUUID } from 'node:crypto'
import type { Knex } from 'knex'
import { findGrant, toGrantFacts } from '../../directory/grants/grant-store.ts'
import { AppError, InputError, NotAllowedError, NotFoundError } from '../../platform/errors/app-error.ts'
import { idempotently } from '../../platform/http/idempotency.ts'
import type { RequestContext } from '../../policies/request-context.ts'
import type {
  Principal,
  Subscription,
  SubscriptionCreate,
  SubscriptionReconciliation,
} from '../../schemas/generated/types.ts'
import { publishedResource } from '../fetch/fetch-source-read-model.ts'
import type { KindFields } from '../fetch/record-source.ts'
import { defaultTopic } from './kafka-target.ts'
import { liveLagSeconds, liveReconciliation } from './live-source.ts'
import { deliveredItems, projectRecord } from './subscription-projection.ts'
import {
  findSubscription,
  insertSubscription,
  lagSeconds,
  type SubscriptionRow,
  subscriptionsOf,
  updateSubscription,
} from './subscription-store.ts'
import { SAFE_IDENTIFIER, type TableTarget } from './table-target.ts'

/**
 * Subscribing and managing subscriptions. A subscription is accepted only for the caller's own
 * department, on a grant of that department on the resource, when the resource's share methods
 * include `subscription`, and to a target the department owns; every refusal is audited first.
 */

export interface SubscriptionServiceDeps {
  db: Knex
  tables: Pick<TableTarget, 'prepare' | 'seal'>
  fieldsOf: KindFields
  /** The hub's Kafka topic prefix, shown with the topic. */
  topicPrefix: string
  /** Whether the adapter of that name can page through its records (live subscriptions). */
  pageable: (adapter: string) => boolean
}

const field = (path: string, message: string) => ({ errors: [{ path, message }] })

export class SubscriptionService {
  constructor(private readonly deps: SubscriptionServiceDeps) {}

  async create(
    ctx: RequestContext,
    body: SubscriptionCreate,
    idempotencyKey: string | undefined,
  ): Promise<{ subscription: Subscription; replayed: boolean }> {
    const { principal } = ctx
    const base = {
      action: 'exchange.subscription.create',
      resourceType: 'resource',
      resourceId: body.resourceCode,
      grantId: body.grantId,
    } as const
    try {
      const { value, replayed } = await this.deps.db.transaction((trx) =>
        idempotently(
          trx,
          { subject: principal.subject, key: idempotencyKey, operation: 'createSubscription', body },
          201,
          async () => {
            const row = await this.checkedNew(principal, body)
            if (body.target === 'table') {
              try {
                await this.deps.tables.prepare(body.table!.connection, body.table!)
              } catch (error) {
                throw new InputError(
                  'target-unreachable',
                  `The front-end database could not be prepared: ${(error as Error).message}`,
                  field('/body/table/connection', 'cannot connect or create the table'),
                )
              }
              row.connection_sealed = await this.deps.tables.seal(row.id, body.table!.connection)
            }
            return this.view(await insertSubscription(trx, row))
          },
        ),
      )
      if (!replayed)
        await ctx.audit.record({
          ...base,
          outcome: 'allowed',
          details: { subscription: value.id, target: value.target },
        })
      return { subscription: value, replayed }
    } catch (error) {
      if (error instanceof AppError) throw await ctx.audit.refused(error, base)
      throw error
    }
  }

  private async checkedNew(principal: Principal, body: SubscriptionCreate) {
    const dept = principal.department
    if (dept === null) throw new NotAllowedError('no-department', 'Only a department can subscribe.')
    if (body.target === 'table') {
      if (!body.table)
        throw new InputError(
          'table-required',
          'Target `table` needs `table`.',
          field('/body/table', 'required'),
        )
      for (const key of ['schema', 'name'] as const)
        if (!SAFE_IDENTIFIER.test(body.table[key]))
          throw new InputError(
            'unsafe-identifier',
            `table.${key} must be a plain lower-case identifier ([a-z_][a-z0-9_]*, at most 50 characters).`,
            field(`/body/table/${key}`, 'not a safe identifier'),
          )
      if (body.topic)
        throw new InputError(
          'topic-not-allowed',
          'Only target `kafka` takes a topic.',
          field('/body/topic', 'not allowed'),
        )
    } else if (body.table)
      throw new InputError(
        'table-not-allowed',
        'Only target `table` takes a table.',
        field('/body/table', 'not allowed'),
      )
    if (body.target === 'file' && body.topic)
      throw new InputError(
        'topic-not-allowed',
        'Only target `kafka` takes a topic.',
        field('/body/topic', 'not allowed'),
      )
    const topic = body.target === 'kafka' ? (body.topic ?? defaultTopic(dept, body.resourceCode)) : null
    if (topic !== null && !topic.startsWith(`records.${dept}.`))
      throw new NotAllowedError(
        'target-not-owned',
        `Topics of ${dept} start with records.${dept}.`,
        field('/body/topic', `must start with records.${dept}.`),
      )

    const resource = await publishedResource(this.deps.db, body.resourceCode)
    if (!resource)
      throw new NotFoundError(
        'resource-not-found',
        `No published resource ${body.resourceCode}.`,
        field('/body/resourceCode', 'not published'),
      )
    const grantRow = await findGrant(this.deps.db, body.grantId)
    if (!grantRow || grantRow.consumer_department !== dept || String(grantRow.resource_id) !== resource.id)
      throw new NotAllowedError(
        'no-grant',
        `Your department holds no grant ${body.grantId} on ${resource.code}.`,
        field('/body/grantId', 'not a grant of your department on this resource'),
      )
    const grant = toGrantFacts(grantRow)
    if (grant.status !== 'active' || grant.validUntil.getTime() <= Date.now())
      throw new NotAllowedError(
        grant.status === 'revoked' ? 'grant-revoked' : 'grant-expired',
        `Grant ${grant.id} is no longer usable.`,
        field('/body/grantId', 'revoked or expired'),
      )
    if (grant.rowConditions.applicantOfOpenCase)
      throw new NotAllowedError(
        'grant-needs-case',
        'This grant allows data only about the applicant of an open case, never in bulk.',
        field('/body/grantId', 'limited to applicants of open cases'),
      )
    const methods = await this.shareMethods(resource.id, resource.version)
    const method = body.target === 'file' ? 'file' : 'subscription'
    if (!methods.includes(method))
      throw new NotAllowedError(
        'method-not-allowed',
        `Resource ${resource.code} is not shared by ${method} (share methods: ${methods.join(', ') || 'none'}).`,
        field('/body/target', `the resource does not allow the ${method} method`),
      )
    // Hub-held copies stream from the change stream; a live resource only if its provider can page
    // (streams and files alike read its pages).
    const live =
      resource.explicit !== null &&
      !resource.explicit.hubHeld &&
      this.deps.pageable(resource.explicit.adapter)
    if (!resource.explicit || (!resource.explicit.hubHeld && !live))
      throw new InputError(
        'resource-not-hub-held',
        `Resource ${resource.code} is neither held by the hub nor served by a system the hub can page through.`,
        field('/body/resourceCode', 'not hub-held, and its provider cannot page'),
      )
    return {
      id: randomUUID(),
      consumer_department: dept,
      resource_code: resource.code,
      grant_id: grant.id,
      record_kind: resource.explicit.recordKind,
      target: body.target,
      topic,
      table_schema: body.table?.schema ?? null,
      table_name: body.table?.name ?? null,
      connection_sealed: null as string | null,
      created_by: principal.subject,
      source: live ? ('live' as const) : ('hub' as const),
    }
  }

  async list(ctx: RequestContext): Promise<Subscription[]> {
    const dept = ctx.principal.department
    if (dept === null) return []
    return Promise.all((await subscriptionsOf(this.deps.db, dept)).map((r) => this.view(r)))
  }

  async get(ctx: RequestContext, id: string): Promise<Subscription> {
    return this.view(await this.own(ctx.principal, id))
  }

  /** Pause, resume, or start over from position 0 (a re-snapshot, e.g. after the grant was narrowed). */
  async change(
    ctx: RequestContext,
    id: string,
    action: 'pause' | 'resume' | 'resnapshot',
  ): Promise<Subscription> {
    const sub = await this.own(ctx.principal, id)
    const event = {
      action: `exchange.subscription.${action}`,
      resourceType: 'resource',
      resourceId: sub.resource_code,
      grantId: String(sub.grant_id),
      details: { subscription: id },
    }
    if (sub.status === 'stopped')
      throw await ctx.audit.refused(
        new NotAllowedError(
          'subscription-stopped',
          `Subscription ${id} stopped (${sub.stop_reason}); subscribe again under a new grant.`,
        ),
        event,
      )
    const changes =
      action === 'pause'
        ? { status: 'paused' as const }
        : action === 'resume'
          ? { status: 'active' as const }
          : sub.source === 'live'
            ? // Positions of a live subscription only grow: forget what was sent, page again from the start.
              { live_cursor: null, live_pass_ended_at: null, snapshot_requested_at: new Date() }
            : { position: 0, snapshot_requested_at: new Date() }
    await this.deps.db.transaction(async (trx) => {
      if (action === 'resnapshot' && sub.source === 'live')
        await trx('subscription_live_records').where({ subscription_id: id }).del()
      await updateSubscription(trx, id, changes)
    })
    await ctx.audit.record({ ...event, outcome: 'allowed' })
    return this.view((await findSubscription(this.deps.db, id))!)
  }

  /**
   * Eligible records at the subscription's position (the latest change of each record at or below it
   * that the grant lets through, under the grant as it is now) and a checksum over them that the
   * consumer recomputes from its copy: SHA-256 of `<recordId>\t<position>\n` sorted by record id.
   */
  async reconcile(ctx: RequestContext, id: string): Promise<SubscriptionReconciliation> {
    const sub = await this.own(ctx.principal, id)
    if (sub.source === 'live') return liveReconciliation(this.deps.db, sub)
    const grant = toGrantFacts((await findGrant(this.deps.db, String(sub.grant_id)))!)
    const resource = await publishedResource(this.deps.db, sub.resource_code)
    const items = resource ? deliveredItems(grant, resource.items) : []
    const source = {
      kind: sub.record_kind,
      fields: this.deps.fieldsOf(`records/${sub.record_kind}.json`),
      itemFields: null,
    }
    const rows = (await this.deps
      .db('hub_records')
      .where({ kind: sub.record_kind })
      .where('change_seq', '<=', sub.position)
      .orderBy('record_id')
      .select('record_id', 'subject_id', 'change_seq')) as {
      record_id: string
      subject_id: string
      change_seq: string
    }[]
    const hash = createHash('sha256')
    let eligible = 0
    for (const row of rows) {
      if (projectRecord(grant, items, source, { subject_id: row.subject_id, data: {} }) === null) continue
      eligible += 1
      hash.update(`${row.record_id}\t${row.change_seq}\n`)
    }
    return { position: String(sub.position), eligible, checksum: hash.digest('hex') }
  }

  private async own(principal: Principal, id: string): Promise<SubscriptionRow> {
    const sub = /^[0-9a-f-]{36}$/.test(id) ? await findSubscription(this.deps.db, id) : undefined
    if (!sub || sub.consumer_department !== principal.department)
      throw new NotFoundError('subscription-not-found', `No subscription ${id}.`)
    return sub
  }

  private async shareMethods(resourceId: string, version: number): Promise<string[]> {
    const row = (await this.deps
      .db('resource_versions')
      .where({ resource_id: resourceId, version })
      .first('share_methods')) as { share_methods: string[] } | undefined
    return row?.share_methods ?? []
  }

  private async view(row: SubscriptionRow): Promise<Subscription> {
    return {
      id: row.id,
      department: row.consumer_department,
      resourceCode: row.resource_code,
      grantId: String(row.grant_id),
      target: row.target,
      ...(row.topic ? { topic: this.deps.topicPrefix + row.topic } : {}),
      ...(row.table_schema && row.table_name
        ? { table: { schema: row.table_schema, name: row.table_name } }
        : {}),
      status: row.status,
      stopReason: row.stop_reason,
      position: String(row.position),
      delivered: Number(row.delivered),
      source: row.source,
      lagSeconds:
        row.status !== 'active'
          ? 0
          : row.source === 'live'
            ? liveLagSeconds(row)
            : await lagSeconds(this.deps.db, row.record_kind, String(row.position)),
      lastDeliveredAt: row.last_delivered_at?.toISOString() ?? null,
      createdAt: row.created_at.toISOString(),
    }
  }
}
