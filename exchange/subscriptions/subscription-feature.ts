import type { HubFeature } from '../../platform/http/hub-feature.ts'
import { subscriptionRoutes } from './subscription-routes.ts'
import type { SubscriptionWiring } from './subscription-services.ts'

/** What the subscription feature needs from the composition root (hub/services.ts). */
export interface SubscriptionServices {
  subscriptions: SubscriptionWiring
}

/** Dataset subscriptions: the routes, and the delivery loop that only the server start path runs. */
export const subscriptionFeature: HubFeature<SubscriptionServices> = {
  name: 'subscriptions',
  routes: async (app, { services: { subscriptions } }) => {
    await app.register(subscriptionRoutes, subscriptions)
  },
  start: async ({ subscriptions }) => subscriptions.runner.start(),
  // Before the pool, producer and audit writer close: the loop's last batch must finish first.
  stop: ({ subscriptions }) => subscriptions.close(),
}
