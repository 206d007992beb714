import type { FastifyInstance } from 'fastify'
import { problemResponses } from '../platform/http/route-schemas.ts'
import { ref } from '../platform/schemas/schema-catalog.ts'
import { auditPageQuery } from './audit-page-query.ts'
import type { AuditServices } from './audit-services.ts'

interface PageQuery {
  cursor?: string
  limit: number
}

/** Signed checkpoints: the public keys for anyone who wants to check a JWS, the rest for auditors. */
export async function checkpointRoutes(
  app: FastifyInstance,
  { services }: { services: { audit: AuditServices } },
): Promise<void> {
  const { audit } = services
  app.get(
    '/v1/audit/checkpoint-keys',
    {
      config: { public: true, rateLimit: false },
      schema: {
        tags: ['audit'],
        operationId: 'getAuditCheckpointKeys',
        summary: 'The public keys (JWKS) that verify audit checkpoint signatures',
        security: [],
        response: { 200: ref('audit-checkpoint-keys.json') },
      },
    },
    async () => audit.checkpoints.keys(),
  )

  app.post(
    '/v1/audit/checkpoints',
    {
      schema: {
        tags: ['audit'],
        operationId: 'createAuditCheckpoint',
        summary: 'Sign the current chain head now',
        response: { 201: ref('audit-checkpoint.json'), ...problemResponses(401, 403, 429, 503) },
      },
    },
    async (request, reply) => reply.code(201).send(await audit.checkpoints.create(request.ctx)),
  )

  app.get<{ Querystring: PageQuery }>(
    '/v1/audit/checkpoints',
    {
      schema: {
        tags: ['audit'],
        operationId: 'listAuditCheckpoints',
        summary: 'Signed checkpoints of the audit chain, newest first',
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            ...auditPageQuery(500, 100),
          },
        },
        response: { 200: ref('audit-checkpoint-list.json'), ...problemResponses(400, 401, 403, 429) },
      },
    },
    async (request) => audit.checkpoints.list(request.ctx, request.query),
  )
}
