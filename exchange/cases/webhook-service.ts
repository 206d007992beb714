import type { Knex } from 'knex'
import { findDepartment } from '../../directory/departments/department-store.ts'
import { InputError, NotAllowedError, NotFoundError } from '../../platform/errors/app-error.ts'
import { listDeliveries } from '../../platform/webhooks/delivery-queue-store.ts'
import type { OrderedWebhookDispatcher } from '../../platform/webhooks/ordered-dispatcher.ts'
import { canManageWebhooks } from '../../policies/case-policy.ts'
import type { RequestContext } from '../../policies/request-context.ts'
import type { CaseWebhook, CaseWebhookCreate, CaseWebhookDeliveries } from '../../schemas/generated/types.ts'
import {
  CASE_DELIVERY_QUEUE,
  findWebhook,
  insertWebhook,
  listWebhooks,
  markWebhookDeleted,
} from './webhook-store.ts'

/** Webhook subscriptions (admin), their delivery state, and replay from a position. */
export class WebhookService {
  constructor(
    private readonly db: Knex,
    private readonly dispatcher: OrderedWebhookDispatcher,
  ) {}

  async create(ctx: RequestContext, input: CaseWebhookCreate): Promise<CaseWebhook> {
    await this.authorize(ctx, 'create')
    const problems = []
    if (!(await findDepartment(this.db, input.department))) {
      problems.push({ path: '/body/department', message: `unknown department "${input.department}"` })
    }
    if (!/^https?:$/.test(safeProtocol(input.url))) {
      problems.push({ path: '/body/url', message: 'must be an http or https URL' })
    }
    if (problems.length > 0)
      throw new InputError('invalid-webhook', 'The webhook is not valid', { errors: problems })
    const id = await insertWebhook(this.db, input.department, input.url, ctx.principal.subject)
    return (await listWebhooks(this.db, id))[0]!
  }

  async list(ctx: RequestContext): Promise<CaseWebhook[]> {
    await this.authorize(ctx, 'list')
    return listWebhooks(this.db)
  }

  async remove(ctx: RequestContext, id: string): Promise<void> {
    await this.authorize(ctx, 'delete', id)
    if (!(await markWebhookDeleted(this.db, id))) throw notFound(id)
  }

  async deliveries(
    ctx: RequestContext,
    id: string,
    status: string | undefined,
    limit: number,
  ): Promise<CaseWebhookDeliveries> {
    await this.authorize(ctx, 'deliveries', id)
    if (!(await findWebhook(this.db, id))) throw notFound(id)
    const items = await listDeliveries(this.db, CASE_DELIVERY_QUEUE, id, status, limit)
    return { items: items.map(({ key, ...d }) => ({ ...d, caseNumber: key })) }
  }

  /** Sends again, in order, everything from the given event on — delivered and dead-lettered alike. */
  async replay(ctx: RequestContext, id: string, fromEventId: string): Promise<{ requeued: number }> {
    await this.authorize(ctx, 'replay', id)
    const hook = await findWebhook(this.db, id)
    if (hook?.status !== 'active') throw notFound(id)
    const requeued = await this.dispatcher.replayFrom(id, fromEventId)
    if (requeued === undefined) {
      throw new NotFoundError('event-not-queued', `Event ${fromEventId} was never queued for webhook ${id}`)
    }
    return { requeued }
  }

  /** Safety net for a crash between the router's commit and its enqueue: drains whatever waits. */
  async sweep(): Promise<void> {
    await this.dispatcher.sweep()
  }

  private async authorize(ctx: RequestContext, operation: string, resourceId?: string): Promise<void> {
    const decision = canManageWebhooks(await ctx.ability())
    if (!decision.allowed) {
      throw await ctx.audit.refused(
        new NotAllowedError(decision.reason, 'Only admins manage case webhooks'),
        {
          action: `cases.webhook.${operation}`,
          resourceType: 'case-webhook',
          resourceId: resourceId ?? null,
        },
      )
    }
  }
}

function notFound(id: string): NotFoundError {
  return new NotFoundError('webhook-not-found', `No case webhook ${id}`)
}

function safeProtocol(url: string): string {
  try {
    return new URL(url).protocol
  } catch {
    return ''
  }
}
