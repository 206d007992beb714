import type { Knex } from 'knex'
import { findDepartment } from '../../directory/departments/department-store.ts'
import { InputError, NotAllowedError, NotFoundError } from '../../platform/errors/app-error.ts'
import { listDeliveries } from '../../platform/webhooks/delivery-queue-store.ts'
import type { OrderedWebhookDispatcher } from '../../platform/webhooks/ordered-dispatcher.ts'
import { canManageWebhooks } from '../../policies/case-policy.ts'
import type {
  CaseWebhook,
  CaseWebhookCreate,
  CaseWebhookDeliveries,
  Principal,
} from '../../schemas/generated/types.ts'
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

  async create(principal: Principal, input: CaseWebhookCreate): Promise<CaseWebhook> {
    this.authorize(principal)
    const problems = []
    if (!(await findDepartment(this.db, input.department))) {
      problems.push({ path: '/body/department', message: `unknown department "${input.department}"` })
    }
    if (!/^https?:$/.test(safeProtocol(input.url))) {
      problems.push({ path: '/body/url', message: 'must be an http or https URL' })
    }
    if (problems.length > 0)
      throw new InputError('invalid-webhook', 'The webhook is not valid', { errors: problems })
    const id = await insertWebhook(this.db, input.department, input.url, principal.subject)
    return (await listWebhooks(this.db, id))[0]!
  }

  async list(principal: Principal): Promise<CaseWebhook[]> {
    this.authorize(principal)
    return listWebhooks(this.db)
  }

  async remove(principal: Principal, id: string): Promise<void> {
    this.authorize(principal)
    if (!(await markWebhookDeleted(this.db, id))) throw notFound(id)
  }

  async deliveries(
    principal: Principal,
    id: string,
    status: string | undefined,
    limit: number,
  ): Promise<CaseWebhookDeliveries> {
    this.authorize(principal)
    if (!(await findWebhook(this.db, id))) throw notFound(id)
    const items = await listDeliveries(this.db, CASE_DELIVERY_QUEUE, id, status, limit)
    return { items: items.map(({ key, ...d }) => ({ ...d, caseNumber: key })) }
  }

  /** Sends again, in order, everything from the given event on — delivered and dead-lettered alike. */
  async replay(principal: Principal, id: string, fromEventId: string): Promise<{ requeued: number }> {
    this.authorize(principal)
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

  private authorize(principal: Principal): void {
    const decision = canManageWebhooks(principal)
    if (!decision.allowed) throw new NotAllowedError(decision.reason, 'Only admins manage case webhooks')
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
