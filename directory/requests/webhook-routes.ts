import type { FastifyInstance } from 'fastify'
import { AUTHENTICATED_ERRORS, problemResponses, WRITE_ERRORS } from '../../platform/http/route-schemas.ts'
import { ref } from '../../platform/schemas/schema-catalog.ts'
import type { Role } from '../../policies/roles.ts'
import type { AccessWebhookSettings } from '../../schemas/generated/types.ts'
import type { WebhookService } from './webhook-service.ts'

/** A department's signed webhook for access events; the dispatcher and deliveries run as jobs. */

/** What the access webhook routes need from the composition root (hub/services.ts). */
export interface AccessWebhookServices {
  accessWebhooks: WebhookService
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
}
