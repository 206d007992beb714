import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import { createHttpClientFactory } from '../http-client/http-client-factory.ts'
import { WebhookSender } from './webhook-sender.ts'

declare module 'fastify' {
  interface FastifyInstance {
    /** Posts signed webhook deliveries (access, objection and case webhooks) through the one client factory. */
    webhooks: WebhookSender
  }
}

/** Infrastructure: the webhook sender and its HTTP pools, closed with the app. */
export const webhooksPlugin = fp(
  async (app: FastifyInstance) => {
    const http = createHttpClientFactory({ registry: app.metrics.registry })
    app.decorate('webhooks', new WebhookSender(http))
    app.addHook('onClose', async () => http.close())
  },
  { name: 'webhooks', dependencies: ['metrics'] },
)
