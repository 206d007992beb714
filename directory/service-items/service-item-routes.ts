import type { FastifyInstance } from 'fastify'
import { idempotencyHeaders } from '../../platform/http/idempotency.ts'
import { AUTHENTICATED_ERRORS, problemResponses, WRITE_ERRORS } from '../../platform/http/route-schemas.ts'
import { ref } from '../../platform/schemas/schema-catalog.ts'
import type {
  ServiceItemDraft,
  ServiceItemImport,
  ServiceItemMaterialPut,
  ServiceItemRetire,
  ServiceItemUpdate,
} from '../../schemas/generated/types.ts'
import type { ServiceItemSearchQuery } from './service-item-read-model.ts'
import { searchServiceItems } from './service-item-read-model.ts'
import {
  type CodeParams,
  codeParams,
  listQuery,
  type MaterialParams,
  materialParams,
  type VersionParams,
  versionParams,
} from './service-item-route-params.ts'
import type { ServiceItemFacade } from './service-item-services.ts'

/**
 * The 事项 catalog over HTTP (tag `directory`). Reads are open to every signed-in caller; changes
 * are for hub admins and the handling department's steward, decided (and, when refused, audited)
 * by the service, so no route-level role gate refuses before the trail has the attempt.
 */

const tags = ['directory']

export async function serviceItemRoutes(
  app: FastifyInstance,
  { services }: { services: { serviceItems: ServiceItemFacade } },
): Promise<void> {
  const { service, importer, sync } = services.serviceItems
  app.addContentTypeParser('text/csv', { parseAs: 'string' }, (_request, body, done) => done(null, body))

  app.get<{ Querystring: ServiceItemSearchQuery }>(
    '/v1/service-items',
    {
      schema: {
        tags,
        operationId: 'listServiceItems',
        summary: 'Search the 事项 catalog: Chinese keywords, department, type, status; cursor pages',
        description:
          'Every keyword (space-separated, one or two Chinese characters are fine) must match the code, name, implementation code, department name or a material name. Pages are in code order; pass `nextCursor` as `cursor` for the next one.',
        querystring: listQuery,
        response: { 200: ref('service-item-list.json'), ...problemResponses(400, ...AUTHENTICATED_ERRORS) },
      },
    },
    async (request) => searchServiceItems(app.db, request.query),
  )

  app.post<{ Body: ServiceItemDraft; Headers: { 'idempotency-key'?: string } }>(
    '/v1/service-items',
    {
      schema: {
        tags,
        operationId: 'createServiceItem',
        summary:
          'Create a service item with its materials (version 1); admins or the handling department’s steward',
        description:
          'The basic and implementation codes are checked against the configured patterns, the implementing body’s credit code (GB 32100) and division (GB/T 2260) are validated, and every certificate type and resource a material names must exist. A taken code is 409 `service-item-exists`.',
        headers: idempotencyHeaders,
        body: ref('service-item-draft.json'),
        response: { 201: ref('service-item.json'), ...problemResponses(...WRITE_ERRORS) },
      },
    },
    async (request, reply) => {
      const { item, replayed } = await service.create(
        request.ctx,
        request.body,
        request.headers['idempotency-key'],
      )
      if (replayed) reply.header('idempotent-replayed', 'true')
      return reply
        .code(201)
        .header('location', `/v1/service-items/${encodeURIComponent(item.code)}`)
        .send(item)
    },
  )

  app.post<{ Body: ServiceItemImport | string }>(
    '/v1/service-items/import',
    {
      schema: {
        tags,
        operationId: 'importServiceItems',
        summary:
          'Create many service items at once from JSON or CSV: all or nothing, every problem listed per row',
        description:
          'JSON: `{"items": [ServiceItemDraft…]}`, problems at `/body/items/<i>/…`. CSV (`Content-Type: text/csv`): header `code,implementationCode,name,type,department,legalBasis,promisedWorkingDays,oneVisit,materialCode,materialName,materialRequired,paperCopies,certificateTypes,resourceCodes`, one row per material (rows of one item share its code; item columns may be left blank after its first row), lists separated by `;`, `type` as code or Chinese name (行政许可 …); problems at `/body/rows/<line>/<column>`.',
        body: {
          content: {
            'application/json': { schema: ref('service-item-import.json') },
            'text/csv': {
              schema: { type: 'string', minLength: 1, description: 'The items as CSV (UTF-8).' },
            },
          },
        },
        response: { 201: ref('service-item-import-result.json'), ...problemResponses(...WRITE_ERRORS) },
      },
    },
    async (request, reply) => {
      const body = request.body
      const result =
        typeof body === 'string'
          ? await importer.importCsv(request.ctx, body)
          : await importer.importDrafts(request.ctx, body.items)
      return reply.code(201).send(result)
    },
  )

  app.post(
    '/v1/service-items/sync',
    {
      schema: {
        tags,
        operationId: 'syncServiceItems',
        summary: 'Pull the provincial platform’s service items now (admins; it also runs on a schedule)',
        description:
          'Items new or changed at the province are written with `origin: province` (a new version when something changed); items the hub maintains locally under the same code are skipped, not overwritten.',
        response: { 200: ref('service-item-sync-result.json'), ...problemResponses(...AUTHENTICATED_ERRORS) },
      },
    },
    async (request) => sync.pullAllFor(request.ctx),
  )

  app.get<{ Params: CodeParams }>(
    '/v1/service-items/:code',
    {
      schema: {
        tags,
        operationId: 'getServiceItem',
        summary: 'A service item in its current version, with its materials',
        params: codeParams,
        response: { 200: ref('service-item.json'), ...problemResponses(...AUTHENTICATED_ERRORS, 404) },
      },
    },
    async (request) => service.get(request.params.code),
  )

  app.put<{ Params: CodeParams; Body: ServiceItemUpdate }>(
    '/v1/service-items/:code',
    {
      schema: {
        tags,
        operationId: 'updateServiceItem',
        summary: 'Make the next version of a service item; cases keep the version they were accepted under',
        description:
          'Items synced from the province answer 409 `service-item-maintained-by-province` unless an admin sends `overrideProvince: true` (the item is then maintained in the hub, and later province changes of it are skipped). A retired item answers 409 `service-item-retired`.',
        params: codeParams,
        body: ref('service-item-update.json'),
        response: { 200: ref('service-item.json'), ...problemResponses(...WRITE_ERRORS, 404) },
      },
    },
    async (request) => service.update(request.ctx, request.params.code, request.body),
  )

  app.post<{ Params: CodeParams; Body: ServiceItemRetire }>(
    '/v1/service-items/:code/retire',
    {
      schema: {
        tags,
        operationId: 'retireServiceItem',
        summary: 'Retire a service item (a new version): new cases under it are refused',
        params: codeParams,
        body: ref('service-item-retire.json'),
        response: { 200: ref('service-item.json'), ...problemResponses(...WRITE_ERRORS, 404) },
      },
    },
    async (request) =>
      service.retire(
        request.ctx,
        request.params.code,
        request.body.reason,
        request.body.overrideProvince === true,
      ),
  )

  app.get<{ Params: VersionParams }>(
    '/v1/service-items/:code/versions/:version',
    {
      schema: {
        tags,
        operationId: 'getServiceItemVersion',
        summary: 'A service item as it was in one version (e.g. the version a case was accepted under)',
        params: versionParams,
        response: { 200: ref('service-item.json'), ...problemResponses(...AUTHENTICATED_ERRORS, 404) },
      },
    },
    async (request) => service.getVersion(request.params.code, request.params.version),
  )

  app.get<{ Params: CodeParams }>(
    '/v1/service-items/:code/materials',
    {
      schema: {
        tags,
        operationId: 'listServiceItemMaterials',
        summary: 'The materials of a service item and what can replace the paper',
        params: codeParams,
        response: {
          200: ref('service-item-material-list.json'),
          ...problemResponses(...AUTHENTICATED_ERRORS, 404),
        },
      },
    },
    async (request) => service.listMaterials(request.params.code),
  )

  app.put<{ Params: MaterialParams; Body: ServiceItemMaterialPut }>(
    '/v1/service-items/:code/materials/:materialCode',
    {
      schema: {
        tags,
        operationId: 'putServiceItemMaterial',
        summary:
          'Define or replace a material of a service item (a new version); admins or the handling department’s steward',
        description:
          'Every certificate type and resource named must exist (400 `unknown-certificate-type` / `unknown-resource`, naming the field). On an item synced from the province only what replaces the paper (`certificateTypes`, `resourceCodes`) of an existing material may change.',
        params: materialParams,
        body: ref('service-item-material-put.json'),
        response: { 200: ref('service-item-material.json'), ...problemResponses(...WRITE_ERRORS, 404) },
      },
    },
    async (request) =>
      service.putMaterial(request.ctx, request.params.code, request.params.materialCode, request.body),
  )

  app.delete<{ Params: MaterialParams }>(
    '/v1/service-items/:code/materials/:materialCode',
    {
      schema: {
        tags,
        operationId: 'deleteServiceItemMaterial',
        summary:
          'Remove a material from a service item (a new version); admins or the handling department’s steward',
        params: materialParams,
        response: {
          204: { type: 'null', description: 'Removed.' },
          ...problemResponses(...AUTHENTICATED_ERRORS, 404, 409),
        },
      },
    },
    async (request, reply) => {
      await service.removeMaterial(request.ctx, request.params.code, request.params.materialCode)
      return reply.code(204).send()
    },
  )
}
