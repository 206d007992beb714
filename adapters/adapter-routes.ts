import type { FastifyInstance } from 'fastify'
import { AUTHENTICATED_ERRORS, problemResponses } from '../platform/http/route-schemas.ts'
import { ref } from '../platform/schemas/schema-catalog.ts'

/** Operators see every configured department system and whether it answers. */
export async function adapterRoutes(app: FastifyInstance): Promise<void> {
  app.get(
    '/v1/admin/adapters',
    {
      config: { roles: ['admin'] },
      schema: {
        operationId: 'listAdapters',
        tags: ['admin'],
        summary: 'Configured department adapters, the record kinds they serve, and their health',
        response: { 200: ref('adapter-list.json'), ...problemResponses(...AUTHENTICATED_ERRORS) },
      },
    },
    async () => {
      const health = await app.adapters.health()
      return {
        items: app.adapters.list().map((adapter) => ({
          name: adapter.name,
          department: adapter.department,
          kinds: adapter.kinds.map((k) => k.kind),
          resourceCodes: adapter.resourceCodes,
          health: health[adapter.name] ?? { status: 'down', breaker: 'closed', detail: 'no answer' },
        })),
      }
    },
  )
}
