import type { HubFeature } from '../../platform/http/hub-feature.ts'
import { type AccessWebhookServices, webhookRoutes } from './webhook-routes.ts'
import type { DeliveryJob } from './webhook-service.ts'

export const WEBHOOK_DISPATCH_JOB = 'access-webhook-dispatch'
export const WEBHOOK_DELIVERY_JOB = 'access-webhook-delivery'

/**
 * A department's signed webhook for access events: the routes set it, a dispatcher job (every 10 s;
 * undelivered changes wait in the timeline while Redis is away) turns changes into delivery jobs.
 */
export const accessWebhookFeature: HubFeature<AccessWebhookServices> = {
  name: 'access-webhooks',
  routes: webhookRoutes,
  jobs: ({ accessWebhooks }, app) => {
    const { attempts, backoffMs, maxBackoffMs } = app.config.accessWebhooks
    return [
      {
        name: WEBHOOK_DELIVERY_JOB,
        handler: (job: DeliveryJob) => accessWebhooks.deliver(job),
        options: { attempts, backoffMs, maxBackoffMs, concurrency: 4 },
      },
      {
        name: WEBHOOK_DISPATCH_JOB,
        handler: async () =>
          void (await accessWebhooks.dispatch((job, jobId) =>
            app.jobs.enqueue(WEBHOOK_DELIVERY_JOB, job, { jobId }),
          )),
        options: { attempts: 3 },
        everyMs: 10_000,
      },
    ]
  },
}
