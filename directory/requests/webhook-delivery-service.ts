import type { Knex } from 'knex'
import { NotFoundError } from '../../platform/errors/app-error.ts'
import type { HubInfra } from '../../platform/http/hub-feature.ts'
import { insertDeliveries, listDeliveries } from '../../platform/webhooks/delivery-queue-store.ts'
import { OrderedWebhookDispatcher } from '../../platform/webhooks/ordered-dispatcher.ts'
import { HmacWebhookSigner } from '../../platform/webhooks/webhook-signer.ts'
import type { RequestContext } from '../../policies/request-context.ts'
import type {
  AccessWebhookDeliveries,
  AccessWebhookDelivery,
  AccessWebhookReplay,
} from '../../schemas/generated/types.ts'
import { authorizeWebhook, type DeliveryJob, webhookNotFound } from './webhook-service.ts'
import { ACCESS_DELIVERY_QUEUE, findWebhook } from './webhook-store.ts'

/** The job that drains one department's access webhook queue. */
export const ACCESS_DRAIN_JOB = 'access-webhook-drain'
/** Advisory-lock namespace of access webhook drains (case webhooks use 7007). */
const DRAIN_LOCK = 7008

/**
 * The delivery side of access webhooks: the ordered queue of platform/webhooks (ADR 0010), one per
 * department, in order per access request (a receiver sees `access.requested` before the decision on
 * it), each delivery retried on the configured capped backoff (`ACCESS_WEBHOOK_*`) until it and the
 * rest of its request become dead letters; the department lists them and replays from an event.
 */
export class WebhookDeliveryService {
  constructor(
    private readonly db: Knex,
    readonly dispatcher: OrderedWebhookDispatcher,
  ) {}

  /**
   * Queues one change for one department and asks for a drain. Idempotent by event id, so the
   * timeline dispatcher may hand the same change again after a crash before its cursor moved.
   */
  async enqueue({ department, delivery }: DeliveryJob): Promise<void> {
    const queued = await insertDeliveries(
      this.db,
      ACCESS_DELIVERY_QUEUE,
      [{ webhookId: department, eventId: delivery.id, key: delivery.requestId, body: delivery }],
      true,
    )
    if (queued.length > 0) await this.dispatcher.requestDrain(department)
  }

  async deliveries(
    ctx: RequestContext,
    department: string,
    status: string | undefined,
    limit: number,
  ): Promise<AccessWebhookDeliveries> {
    await authorizeWebhook(ctx, department, 'access.webhook.deliveries')
    if (!(await findWebhook(this.db, department))) throw webhookNotFound(department)
    const items = await listDeliveries(this.db, ACCESS_DELIVERY_QUEUE, department, status, limit)
    return { items: items.map(({ key, ...d }) => ({ ...d, requestId: key })) }
  }

  /** Sends again, in order, everything from the given event on — delivered and dead-lettered alike. */
  async replay(ctx: RequestContext, department: string, fromEventId: string): Promise<AccessWebhookReplay> {
    await authorizeWebhook(ctx, department, 'access.webhook.replay')
    if (!(await findWebhook(this.db, department))) throw webhookNotFound(department)
    const requeued = await this.dispatcher.replayFrom(department, fromEventId)
    if (requeued === undefined) {
      throw new NotFoundError(
        'event-not-queued',
        `Event ${fromEventId} was never queued for the access webhook of ${department}`,
      )
    }
    await ctx.audit.record({
      action: 'access.webhook.replay',
      resourceType: 'department',
      resourceId: department,
      outcome: 'allowed',
      details: { fromEventId, requeued },
    })
    return { requeued }
  }

  /** Drains one department's queue (the drain job's handler). */
  async drain(department: string): Promise<void> {
    await this.dispatcher.drain(department)
  }

  /** Safety net for a crash between queuing a change and asking for its drain. */
  async sweep(): Promise<void> {
    await this.dispatcher.sweep()
  }
}

/** The access webhooks' queue on the one dispatcher: HMAC-signed with the department's secret. */
export function createWebhookDeliveryService(
  { db, jobs, webhooks, config }: Pick<HubInfra, 'db' | 'jobs' | 'webhooks' | 'config'>,
  now: () => Date = () => new Date(),
): WebhookDeliveryService {
  const dispatcher = new OrderedWebhookDispatcher({
    db,
    queue: ACCESS_DELIVERY_QUEUE,
    jobs,
    sender: webhooks,
    drainJob: ACCESS_DRAIN_JOB,
    lockNamespace: DRAIN_LOCK,
    retry: config.accessWebhooks,
    // Read at drain time: a changed URL or secret applies to waiting retries too.
    subscription: async (department) => {
      const hook = await findWebhook(db, department)
      return hook
        ? {
            target: { name: `access-webhook-${department}`, url: hook.url },
            signer: new HmacWebhookSigner(hook.secret, now),
          }
        : undefined
    },
    // The headers access receivers have always been sent (no position header).
    headers: (d) => ({
      'x-hub-event-id': d.event_id,
      'x-hub-event-type': (d.body as AccessWebhookDelivery).type,
    }),
  })
  return new WebhookDeliveryService(db, dispatcher)
}
