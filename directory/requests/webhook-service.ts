import type { Knex } from 'knex'
import { NotAllowedError, NotFoundError } from '../../platform/errors/app-error.ts'
import type { WebhookSender } from '../../platform/webhooks/webhook-sender.ts'
import { HmacWebhookSigner } from '../../platform/webhooks/webhook-signer.ts'
import { asSubject, can } from '../../policies/ability.ts'
import type { RequestContext } from '../../policies/request-context.ts'
import type {
  AccessWebhook,
  AccessWebhookDelivery,
  AccessWebhookSettings,
} from '../../schemas/generated/types.ts'
import {
  deleteWebhook,
  departmentsWithWebhooks,
  findWebhook,
  lockChangesAfterCursor,
  moveCursor,
  upsertWebhook,
  type WebhookRow,
} from './webhook-store.ts'

/**
 * Signed webhooks per department for every change of its requests and grants (as consumer or
 * provider), signed with the department's secret (HMAC, platform/webhooks). The dispatcher walks the
 * append-only timeline with a cursor and hands one delivery per change and subscribed department to
 * the ordered delivery queue (webhook-delivery-service.ts; idempotent by event id, so a re-dispatch
 * after a crash queues nothing twice). Receivers de-duplicate by `id`.
 */

export interface DeliveryJob {
  department: string
  delivery: AccessWebhookDelivery
}

export type Enqueue = (job: DeliveryJob, jobId: string) => Promise<unknown>

function toWebhook(row: WebhookRow): AccessWebhook {
  return {
    department: row.department,
    url: row.url,
    updatedBy: row.updated_by,
    updatedAt: row.updated_at.toISOString(),
  }
}

export class WebhookService {
  constructor(
    private readonly db: Knex,
    private readonly sender: WebhookSender,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async set(
    ctx: RequestContext,
    department: string,
    settings: AccessWebhookSettings,
  ): Promise<AccessWebhook> {
    await authorizeWebhook(ctx, department, 'access.webhook.set')
    const row = await this.db.transaction(async (trx) => {
      if (!(await trx('departments').where({ code: department }).first())) throw webhookNotFound(department)
      return upsertWebhook(trx, {
        department,
        url: settings.url,
        secret: settings.secret,
        updated_by: ctx.principal.subject,
      })
    })
    await ctx.audit.record({
      action: 'access.webhook.set',
      resourceType: 'department',
      resourceId: department,
      outcome: 'allowed',
      details: { url: settings.url },
    })
    return toWebhook(row)
  }

  async get(ctx: RequestContext, department: string): Promise<AccessWebhook> {
    await authorizeWebhook(ctx, department, 'access.webhook.read')
    const row = await findWebhook(this.db, department)
    if (!row) throw webhookNotFound(department)
    return toWebhook(row)
  }

  async remove(ctx: RequestContext, department: string): Promise<void> {
    await authorizeWebhook(ctx, department, 'access.webhook.remove')
    if (!(await deleteWebhook(this.db, department))) throw webhookNotFound(department)
    await ctx.audit.record({
      action: 'access.webhook.remove',
      resourceType: 'department',
      resourceId: department,
      outcome: 'allowed',
    })
  }

  /**
   * Hands the next timeline changes to `enqueue` (the delivery queue's); returns how many deliveries
   * were handed over. The cursor moves only after all of them were.
   */
  async dispatch(enqueue: Enqueue, batch = 500): Promise<number> {
    return this.db.transaction(async (trx) => {
      const changes = await lockChangesAfterCursor(trx, batch)
      if (changes.length === 0) return 0
      const departments = [...new Set(changes.flatMap((c) => [c.consumer_department, c.provider_department]))]
      const subscribed = await departmentsWithWebhooks(trx, departments)
      let enqueued = 0
      for (const change of changes) {
        const delivery: AccessWebhookDelivery = {
          id: `access-${change.id}`,
          type: change.type,
          at: change.at.toISOString(),
          requestId: String(change.request_id),
          status: change.status,
          consumerDepartment: change.consumer_department,
          providerDepartment: change.provider_department,
          resourceCode: change.resource_code,
          actor: change.actor,
          note: change.note,
          details: change.details,
        }
        for (const department of new Set([change.consumer_department, change.provider_department])) {
          if (!subscribed.has(department)) continue
          await enqueue({ department, delivery }, `wh-${change.id}-${department}`)
          enqueued++
        }
      }
      // Moved only after every enqueue succeeded; the event (and job) ids make a repeated batch harmless.
      await moveCursor(trx, String(changes.at(-1)!.id))
      return enqueued
    })
  }

  /**
   * Posts one change; throws (so the job is retried) unless the receiver answers 2xx. Only the legacy
   * `access-webhook-delivery` job calls it: deliveries still in the job runner from before the ordered
   * queue (ADR 0010) are drained by it; nothing enqueues that job any more.
   */
  async deliver(job: DeliveryJob): Promise<void> {
    // The webhook is read at delivery time: a changed URL or secret applies to pending retries too.
    const webhook = await findWebhook(this.db, job.department)
    if (!webhook) return
    await this.sender.post(
      { name: `access-webhook-${job.department}`, url: webhook.url },
      {
        body: job.delivery,
        signer: new HmacWebhookSigner(webhook.secret, this.now),
        headers: { 'x-hub-event-id': job.delivery.id, 'x-hub-event-type': job.delivery.type },
      },
    )
  }
}

/** Only the department's stewards and consumers (or admins) manage its webhook; a refusal is audited. */
export async function authorizeWebhook(
  ctx: RequestContext,
  department: string,
  action: string,
): Promise<void> {
  if (!can(await ctx.ability(), 'administer', asSubject('Webhook', { department }))) {
    throw await ctx.audit.refused(
      new NotAllowedError(
        'not-your-department',
        `Only stewards and consumers of ${department} (or admins) manage its webhook`,
      ),
      { action, resourceType: 'department', resourceId: department },
    )
  }
}

export function webhookNotFound(department: string): NotFoundError {
  return new NotFoundError('webhook-not-found', `No access webhook is set for ${department}`)
}
