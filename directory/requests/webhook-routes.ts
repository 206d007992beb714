import type { FastifyInstance } from 'fastify'
import { AUTHENTICATED_ERRORS, problemResponses, WRITE_ERRORS } from '../../platform/http/route-schemas.ts'
import { ref } from '../../platform/schemas/schema-catalog.ts'
import {
  type DeliveryListQuery,
  deliveryListQuery,
  replayQuery,
} from '../../platform/webhooks/delivery-route-schemas.ts'
import type { Role } from '../../policies/roles.ts'
import type { AccessWebhookSettings } from '../../schemas/generated/types.ts'
import type { WebhookDeliveryService } from './webhook-delivery-service.ts'
import type { WebhookService } from './webhook-service.ts'

/** A department's signed webhook for access events, its deliveries (in order per request) and replay. */

/** What the access webhook routes need from the composition root (hub/services.ts). */
export interface AccessWebhookServices {
  accessWebhooks: WebhookService
  accessWebhookDeliveries: WebhookDeliveryService
}

interface DepartmentParams {
  department: string
}

const params = {
  type: 'object',
  required: ['department'],
  additionalProperties: false,
  properties: { department: { type: 'string', maxLength: 64, description: 'The department code.' } },
}

export async function webhookRoutes(
  app: FastifyInstance,
  { services }: { services: AccessWebhookServices },
): Promise<void> {
  const webhooks = services.accessWebhooks
  const deliveries = services.accessWebhookDeliveries

  const route = (operationId: string, summary: string, extra: Record<string, unknown>) => ({
    config: { roles: ['steward', 'consumer', 'admin'] as Role[] },
    schema: { tags: ['access'], operationId, summary, params, ...extra },
  })

  app.put<{ Params: DepartmentParams; Body: AccessWebhookSettings }>(
    '/v1/access-webhooks/:department',
    route('setAccessWebhook', "Set the department's access-event webhook (URL and signing secret)", {
      body: ref('access-webhook-settings.json'),
      response: { 200: ref('access-webhook.json'), ...problemResponses(...WRITE_ERRORS, 404) },
    }),
    async (request) => webhooks.set(request.ctx, request.params.department, request.body),
  )

  app.get<{ Params: DepartmentParams }>(
    '/v1/access-webhooks/:department',
    route('getAccessWebhook', "The department's access-event webhook", {
      response: { 200: ref('access-webhook.json'), ...problemResponses(...AUTHENTICATED_ERRORS, 404) },
    }),
    async (request) => webhooks.get(request.ctx, request.params.department),
  )

  app.delete<{ Params: DepartmentParams }>(
    '/v1/access-webhooks/:department',
    route('deleteAccessWebhook', "Stop the department's access-event webhook", {
      response: {
        204: { type: 'null', description: 'Removed.' },
        ...problemResponses(...AUTHENTICATED_ERRORS, 404),
      },
    }),
    async (request, reply) => {
      await webhooks.remove(request.ctx, request.params.department)
      return reply.code(204).send()
    },
  )

  app.get<{ Params: DepartmentParams; Querystring: DeliveryListQuery }>(
    '/v1/access-webhooks/:department/deliveries',
    route(
      'listAccessWebhookDeliveries',
      "The webhook's deliveries in position order; status=dead is its dead-letter list",
      {
        querystring: deliveryListQuery(),
        response: {
          200: ref('access-webhook-deliveries.json'),
          ...problemResponses(400, ...AUTHENTICATED_ERRORS, 404),
        },
      },
    ),
    async (request) =>
      deliveries.deliveries(
        request.ctx,
        request.params.department,
        request.query.status,
        request.query.limit,
      ),
  )

  app.post<{ Params: DepartmentParams; Querystring: { fromEventId: string } }>(
    '/v1/access-webhooks/:department/replay',
    route(
      'replayAccessWebhook',
      'Deliver again, in order, every change from the given one on (dead letters included)',
      {
        querystring: replayQuery({
          pattern: '^access-[0-9]{1,18}$',
          description: 'Event id (`x-hub-event-id`) to replay from (inclusive).',
        }),
        response: {
          202: ref('access-webhook-replay.json'),
          ...problemResponses(400, ...AUTHENTICATED_ERRORS, 404),
        },
      },
    ),
    async (request, reply) =>
      reply
        .code(202)
        .send(await deliveries.replay(request.ctx, request.params.department, request.query.fromEventId)),
  )
}
