import type { FastifyInstance } from 'fastify'
import { problemResponses, WRITE_ERRORS } from '../../platform/http/route-schemas.ts'
import { ref } from '../../platform/schemas/schema-catalog.ts'
import type { FetchRequest } from '../../schemas/generated/types.ts'
import type { FetchService } from './fetch-service.ts'

/** `POST /v1/exchange/fetch`: the authorized fetch. Rules live in FetchService; this only wires HTTP. */
export async function fetchRoutes(app: FastifyInstance, opts: { service: FetchService }): Promise<void> {
  app.post<{ Body: FetchRequest }>(
    '/v1/exchange/fetch',
    {
      config: { roles: ['consumer', 'clerk', 'service'] },
      schema: {
        tags: ['exchange'],
        operationId: 'fetchRecords',
        summary: 'Fetch the records of a resource about one or more subjects, as a grant allows',
        description:
          'Checks the caller’s grant (resource, version, purpose, row conditions, rate and daily volume), reads the department system through its adapter (or the hub-held copy), returns only granted items masked as the grant says, with provenance. Every subject, allowed or denied, is audited before the answer is sent.',
        body: ref('fetch-request.json'),
        response: {
          200: ref('fetch-result.json'),
          ...problemResponses(...WRITE_ERRORS, 404, 502, 503, 504),
        },
      },
    },
    // The context's signal stops the calls to the department system when the caller hangs up.
    async (request) => opts.service.fetch(request.ctx, request.body),
  )
}
