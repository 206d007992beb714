import type { HubFeature } from '../../platform/http/hub-feature.ts'
import { ACCESS_DRAIN_JOB } from './webhook-delivery-service.ts'
import { type AccessWebhookServices, webhookRoutes } from './webhook-routes.ts'
import type { DeliveryJob } from './webhook-service.ts'

export const WEBHOOK_DISPATCH_JOB = 'access-webhook-dispatch'
const SWEEP_JOB = 'access-webhook-sweep'
/**
 * Legacy: one job per change and department, as access webhooks were delivered before the ordered
 * queue (ADR 0010). Nothing enqueues it any more; its handler stays for one release so jobs still
 * waiting in Redis from before the upgrade are delivered (with their old retries) rather than lost.
 */
export const WEBHOOK_DELIVERY_JOB = 'access-webhook-delivery'

/**
 * A department's signed webhook for access events: the routes set it and show and replay its
 * deliveries; a dispatcher job (every 10 s; undelivered changes wait in the timeline while Redis is
 * away) queues changes for the ordered delivery queue, whose drain job sends them in order per request.
 */
export const accessWebhookFeature: HubFeature<AccessWebhookServices> = {
  name: 'access-webhooks',
  routes: webhookRoutes,
  jobs: ({ accessWebhooks, accessWebhookDeliveries: deliveries }, app) => {
    const { attempts, backoffMs, maxBackoffMs } = app.config.accessWebhooks
    return [
      {
        name: WEBHOOK_DISPATCH_JOB,
        handler: async () => void (await accessWebhooks.dispatch((job) => deliveries.enqueue(job))),
        options: { attempts: 3 },
        everyMs: 10_000,
      },
      // The job's own attempts only cover the hub's side failing (database away); receivers' failures
      // are counted per delivery by the dispatcher.
      {
        name: ACCESS_DRAIN_JOB,
        handler: (data: { webhookId: string }) => deliveries.drain(data.webhookId),
        options: { attempts: 5, backoffMs: 1_000, maxBackoffMs: 60_000, concurrency: 4 },
      },
      { name: SWEEP_JOB, handler: () => deliveries.sweep(), options: { attempts: 1 }, everyMs: 30_000 },
      {
        name: WEBHOOK_DELIVERY_JOB,
        handler: (job: DeliveryJob) => accessWebhooks.deliver(job),
        options: { attempts, backoffMs, maxBackoffMs, concurrency: 4 },
      },
    ]
  },
}
