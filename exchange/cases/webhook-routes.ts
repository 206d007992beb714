import type { FastifyInstance } from 'fastify'
import { AUTHENTICATED_ERRORS, problemResponses, WRITE_ERRORS } from '../../platform/http/route-schemas.ts'
import { ref } from '../../platform/schemas/schema-catalog.ts'
import {
  type DeliveryListQuery,
  deliveryListQuery,
  replayQuery,
} from '../../platform/webhooks/delivery-route-schemas.ts'
import type { JwsWebhookSigner } from '../../platform/webhooks/jws-webhook-signer.ts'
import type { CaseWebhookCreate } from '../../schemas/generated/types.ts'
import type { WebhookService } from './webhook-service.ts'

/** Case webhooks: admin subscriptions, delivery state, replay; the public keys receivers verify with. */

const idParams = {
  type: 'object',
  required: ['id'],
  additionalProperties: false,
  properties: { id: { type: 'string', pattern: '^[0-9]{1,18}$', description: 'The webhook id.' } },
}

export function webhookRoutes({ webhooks, signer }: { webhooks: WebhookService; signer: JwsWebhookSigner }) {
  return async (app: FastifyInstance): Promise<void> => {
    app.get(
      '/v1/cases/webhook-keys',
      {
        config: { public: true, rateLimit: false },
        schema: {
          tags: ['cases'],
          operationId: 'getCaseWebhookKeys',
          summary:
            'JWKS of the keys that sign webhook deliveries (detached ES256 or SM2-SM3 JWS in x-hub-signature, a second in x-hub-signature-2)',
          security: [],
          response: { 200: ref('case-webhook-keys.json') },
        },
      },
      async () => signer.jwks(),
    )

    app.post<{ Body: CaseWebhookCreate }>(
      '/v1/cases/webhooks',
      {
        config: { roles: ['admin'] },
        schema: {
          tags: ['cases'],
          operationId: 'createCaseWebhook',
          summary: "Subscribe a department's URL to the case events its grant covers",
          body: ref('case-webhook-create.json'),
          response: { 201: ref('case-webhook.json'), ...problemResponses(...WRITE_ERRORS) },
        },
      },
      async (request, reply) => reply.code(201).send(await webhooks.create(request.ctx, request.body)),
    )

    app.get(
      '/v1/cases/webhooks',
      {
        config: { roles: ['admin'] },
        schema: {
          tags: ['cases'],
          operationId: 'listCaseWebhooks',
          summary: 'Webhook subscriptions with their pending and dead-lettered counts',
          response: { 200: ref('case-webhook-list.json'), ...problemResponses(...AUTHENTICATED_ERRORS) },
        },
      },
      async (request) => ({ items: await webhooks.list(request.ctx) }),
    )

    app.delete<{ Params: { id: string } }>(
      '/v1/cases/webhooks/:id',
      {
        config: { roles: ['admin'] },
        schema: {
          tags: ['cases'],
          operationId: 'deleteCaseWebhook',
          summary: 'Stop a webhook subscription',
          params: idParams,
          response: {
            204: { type: 'null', description: 'Deleted' },
            ...problemResponses(...AUTHENTICATED_ERRORS, 404),
          },
        },
      },
      async (request, reply) => {
        await webhooks.remove(request.ctx, request.params.id)
        return reply.code(204).send()
      },
    )

    app.get<{ Params: { id: string }; Querystring: DeliveryListQuery }>(
      '/v1/cases/webhooks/:id/deliveries',
      {
        config: { roles: ['admin'] },
        schema: {
          tags: ['cases'],
          operationId: 'listCaseWebhookDeliveries',
          summary: "A webhook's deliveries in position order; status=dead is its dead-letter list",
          params: idParams,
          querystring: deliveryListQuery(),
          response: {
            200: ref('case-webhook-deliveries.json'),
            ...problemResponses(400, ...AUTHENTICATED_ERRORS, 404),
          },
        },
      },
      async (request) =>
        webhooks.deliveries(request.ctx, request.params.id, request.query.status, request.query.limit),
    )

    app.post<{ Params: { id: string }; Querystring: { fromEventId: string } }>(
      '/v1/cases/webhooks/:id/replay',
      {
        config: { roles: ['admin'] },
        schema: {
          tags: ['cases'],
          operationId: 'replayCaseWebhook',
          summary: 'Deliver again, in order, every event from the given one on (dead letters included)',
          params: idParams,
          querystring: replayQuery({
            format: 'uuid',
            description: 'Event id to replay from (inclusive).',
          }),
          response: {
            202: ref('case-webhook-replay.json'),
            ...problemResponses(400, ...AUTHENTICATED_ERRORS, 404),
          },
        },
      },
      async (request, reply) =>
        reply
          .code(202)
          .send(await webhooks.replay(request.ctx, request.params.id, request.query.fromEventId)),
    )
  }
}
