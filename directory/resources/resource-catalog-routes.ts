import { Readable } from 'node:stream'
import type { FastifyInstance } from 'fastify'
import { AUTHENTICATED_ERRORS, problemResponses, WRITE_ERRORS } from '../../platform/http/route-schemas.ts'
import { ref } from '../../platform/schemas/schema-catalog.ts'
import { GOVERNMENT_ROLES } from '../../policies/directory-rules.ts'
import type { ResourceImport } from '../../schemas/generated/types.ts'
import { catalogDcat } from './resource-dcat.ts'
import { catalogJson, publishedResources } from './resource-export.ts'
import type { ResourceImporter } from './resource-import.ts'

/** The catalog as a whole: streamed export (our JSON or DCAT-AP 3 JSON-LD) and bulk import. */

interface ExportQuery {
  format: 'json' | 'dcat'
}

export async function resourceCatalogRoutes(
  app: FastifyInstance,
  { services }: { services: { resourceImporter: ResourceImporter } },
): Promise<void> {
  const importer = services.resourceImporter

  app.get<{ Querystring: ExportQuery }>(
    '/v1/resources/export',
    {
      config: { roles: [...GOVERNMENT_ROLES] },
      schema: {
        tags: ['directory'],
        operationId: 'exportResources',
        summary: 'The published catalog, streamed, as our JSON or as DCAT-AP 3 JSON-LD',
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            format: {
              type: 'string',
              enum: ['json', 'dcat'],
              default: 'json',
              description:
                '`json`: `{exportedAt, resources: [Resource…]}`; `dcat`: a `dcat:Catalog` with share type as `dct:accessRights`.',
            },
          },
        },
        response: {
          200: {
            description: 'The catalog (streamed)',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  additionalProperties: true,
                  description: 'The catalog in our schema.',
                },
              },
              'application/ld+json': {
                schema: {
                  type: 'object',
                  additionalProperties: true,
                  description: 'A DCAT-AP 3 dcat:Catalog.',
                },
              },
            },
          },
          ...problemResponses(400, ...AUTHENTICATED_ERRORS),
        },
      },
    },
    async (request, reply) => {
      const resources = publishedResources(app.db)
      const body =
        request.query.format === 'dcat'
          ? catalogDcat(resources, { baseUrl: app.config.publicUrl, publisher: app.config.catalogPublisher })
          : catalogJson(resources)
      return reply
        .type(request.query.format === 'dcat' ? 'application/ld+json' : 'application/json')
        .header(
          'content-disposition',
          `attachment; filename="catalog.${request.query.format === 'dcat' ? 'jsonld' : 'json'}"`,
        )
        .send(Readable.from(body))
    },
  )

  app.post<{ Body: ResourceImport }>(
    '/v1/resources/import',
    {
      config: { roles: ['steward'] },
      schema: {
        tags: ['directory'],
        operationId: 'importResources',
        summary: 'Register many drafts at once: all or nothing, with every problem listed per row',
        body: ref('resource-import.json'),
        response: { 201: ref('resource-import-result.json'), ...problemResponses(...WRITE_ERRORS) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await importer.importDrafts(request.ctx, request.body.resources)),
  )
}
