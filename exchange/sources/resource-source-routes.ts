import type { FastifyInstance, FastifyRequest } from 'fastify'
import { type CodeParams, codeParams } from '../../directory/resources/resource-route-params.ts'
import { AUTHENTICATED_ERRORS, problemResponses, WRITE_ERRORS } from '../../platform/http/route-schemas.ts'
import { ref } from '../../platform/schemas/schema-catalog.ts'
import type { ResourceSourcePut } from '../../schemas/generated/types.ts'
import type { ResourceSourceService } from './resource-source-service.ts'

/**
 * `GET|PUT /v1/resources/{code}/source`: how the exchange serves a resource. No `config.roles`: who
 * may is decided in the service by the caller's CASL ability (policies/directory-rules.ts, explained by
 * policies/directory-decisions.ts), and a refused PUT is audited.
 */
export async function resourceSourceRoutes(
  app: FastifyInstance,
  opts: { service: ResourceSourceService },
): Promise<void> {
  const code = (request: FastifyRequest<{ Params: CodeParams }>) => request.params.code.replace('-', '/')

  app.get<{ Params: CodeParams }>(
    '/v1/resources/:code/source',
    {
      schema: {
        tags: ['exchange'],
        operationId: 'getResourceSource',
        summary: 'How the exchange serves a resource: adapter, record kind, live or hub-held',
        description:
          'The stored setting (`origin: explicit`), or for a published resource without one what the convention derives (`origin: convention`). For the providing department’s stewards and admins.',
        params: codeParams,
        response: { 200: ref('resource-source.json'), ...problemResponses(...AUTHENTICATED_ERRORS, 404) },
      },
    },
    async (request) => opts.service.get(request.ctx, code(request)),
  )

  app.put<{ Params: CodeParams; Body: ResourceSourcePut }>(
    '/v1/resources/:code/source',
    {
      schema: {
        tags: ['exchange'],
        operationId: 'setResourceSource',
        summary: 'Say how the exchange serves a resource',
        description:
          'Replaces the setting as a whole. The adapter must be configured, serve the record kind, and support look-ups by subject (live) or a change feed (hub-held). Stewards may name only their own department’s adapters. Audited as `exchange.source.set`, allowed or denied. Answers once every instance’s fetch cache has turned over (about a second), so the next fetch anywhere uses the new source.',
        params: codeParams,
        body: ref('resource-source-put.json'),
        response: { 200: ref('resource-source.json'), ...problemResponses(...WRITE_ERRORS, 404) },
      },
    },
    async (request) => opts.service.set(request.ctx, code(request), request.body),
  )
}
