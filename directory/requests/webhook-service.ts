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
 * provider), signed with the department's secret (HMAC, platform/webhooks). A dispatcher walks the append-only timeline with a cursor and enqueues one delivery job
 * per change and department (job id = change + department, so a re-dispatch after a crash enqueues
 * nothing twice); delivery jobs POST with a timeout and throw on anything but 2xx, so the job runner
 * retries them with backoff and keeps the hopeless ones as dead letters. Receivers de-duplicate by `id`.
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
    await this.authorize(ctx, department)
    const row = await this.db.transaction(async (trx) => {
      if (!(await trx('departments').where({ code: department }).first())) throw notFound(department)
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
    await this.authorize(ctx, department)
    const row = await findWebhook(this.db, department)
    if (!row) throw notFound(department)
    return toWebhook(row)
  }

  async remove(ctx: RequestContext, department: string): Promise<void> {
    await this.authorize(ctx, department)
    if (!(await deleteWebhook(this.db, department))) throw notFound(department)
    await ctx.audit.record({
      action: 'access.webhook.remove',
      resourceType: 'department',
      resourceId: department,
      outcome: 'allowed',
    })
  }

  /** Hands the next timeline changes to the delivery queue; returns how many jobs were enqueued. */
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
      // Moved only after every enqueue succeeded; the job ids make a repeated batch harmless.
      await moveCursor(trx, String(changes.at(-1)!.id))
      return enqueued
    })
  }

  /** Posts one change; throws (so the job is retried) unless the receiver answers 2xx. */
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

  private async authorize(ctx: RequestContext, department: string): Promise<void> {
    if (!can(await ctx.ability(), 'administer', asSubject('Webhook', { department }))) {
      throw new NotAllowedError(
        'not-your-department',
        `Only stewards and consumers of ${department} (or admins) manage its webhook`,
      )
    }
  }
}

function notFound(department: string): NotFoundError {
  return new NotFoundError('webhook-not-found', `No access webhook is set for ${department}`)
}
