import { createHash } from 'node:crypto'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { idempotencyHeaders } from '../../platform/http/idempotency.ts'
import { AUTHENTICATED_ERRORS, problemResponses, WRITE_ERRORS } from '../../platform/http/route-schemas.ts'
import { ref } from '../../platform/schemas/schema-catalog.ts'
import { GOVERNMENT_ROLES } from '../../policies/directory-rules.ts'
import type {
  ResourceDraft,
  ResourceReviewComment,
  ResourceStatusReason,
} from '../../schemas/generated/types.ts'
import { resourceCatalogRoutes } from './resource-catalog-routes.ts'
import type { ResourceImporter } from './resource-import.ts'
import {
  type CodeParams,
  codeParams,
  etagHeaders,
  listQuery,
  type VersionParams,
  versionParams,
} from './resource-route-params.ts'
import { searchResources } from './resource-search.ts'
import type { ResourceSearchCache } from './resource-search-cache.ts'
import type { ResourceSearchQuery } from './resource-search-model.ts'
import type { ResourceService } from './resource-service.ts'

/**
 * The information-resource directory over HTTP. Codes appear in URLs in their rendered form with
 * the slash percent-encoded (`301001001%2F00001`) or replaced by a hyphen (`301001001-00001`).
 */

const read = (operationId: string, summary: string, params: object, response: object, extra = {}) => ({
  config: { roles: [...GOVERNMENT_ROLES] },
  schema: {
    tags: ['directory'],
    operationId,
    summary,
    params,
    headers: etagHeaders,
    response: {
      200: response,
      304: { description: 'Not modified since the ETag given in If-None-Match', type: 'null' },
      ...problemResponses(...AUTHENTICATED_ERRORS, 404),
    },
    ...extra,
  },
})

const transitionRoute = (operationId: string, summary: string, body?: string) => ({
  schema: {
    tags: ['directory'],
    operationId,
    summary,
    params: codeParams,
    ...(body ? { body: ref(body) } : {}),
    response: { 200: ref('resource.json'), ...problemResponses(...WRITE_ERRORS, 404) },
  },
})

/** What the directory's routes need from the composition root (hub/services.ts). */
export interface ResourceServices {
  resources: ResourceService
  resourceImporter: ResourceImporter
  resourceSearches: ResourceSearchCache
}

export async function resourceRoutes(
  app: FastifyInstance,
  { services }: { services: ResourceServices },
): Promise<void> {
  const { resources, resourceSearches: searches } = services
  await app.register(resourceCatalogRoutes, { services })
  const code = (request: FastifyRequest<{ Params: CodeParams }>) => request.params.code.replace('-', '/')

  app.get<{ Querystring: ResourceSearchQuery }>(
    '/v1/resources',
    {
      config: { roles: [...GOVERNMENT_ROLES] },
      schema: {
        tags: ['directory'],
        operationId: 'listResources',
        summary: 'Search the catalog: keywords, filters, facet counts, cursor pages',
        querystring: listQuery,
        response: { 200: ref('resource-list.json'), ...problemResponses(400, ...AUTHENTICATED_ERRORS) },
      },
    },
    async (request) => searchResources(app.db, await request.ctx.roleAbility(), request.query, searches),
  )

  app.get<{ Params: CodeParams }>(
    '/v1/resources/:code',
    read(
      'getResource',
      'A resource: its current version, or its draft before the first publication',
      codeParams,
      ref('resource.json'),
    ),
    async (request, reply) => withEtag(request, reply, await resources.get(request.ctx, code(request))),
  )

  app.get<{ Params: CodeParams }>(
    '/v1/resources/:code/versions',
    read(
      'listResourceVersions',
      'The version history of a resource, newest first',
      codeParams,
      ref('resource-version-list.json'),
    ),
    async (request, reply) => withEtag(request, reply, await resources.versions(request.ctx, code(request))),
  )

  app.get<{ Params: VersionParams }>(
    '/v1/resources/:code/versions/:version',
    read('getResourceVersion', 'One version of a resource', versionParams, ref('resource.json')),
    async (request, reply) =>
      withEtag(
        request,
        reply,
        await resources.getVersion(request.ctx, code(request), request.params.version),
      ),
  )

  app.post<{ Body: ResourceDraft; Headers: { 'idempotency-key'?: string } }>(
    '/v1/resources',
    {
      config: { roles: ['steward'] },
      schema: {
        tags: ['directory'],
        operationId: 'createResource',
        summary: "Register a resource of the steward's department as a draft",
        headers: idempotencyHeaders,
        body: ref('resource-draft.json'),
        response: { 201: ref('resource.json'), ...problemResponses(...WRITE_ERRORS) },
      },
    },
    async (request, reply) => {
      const { resource, replayed } = await resources.create(
        request.ctx,
        request.body,
        request.headers['idempotency-key'],
      )
      if (replayed) reply.header('idempotent-replayed', 'true')
      return reply
        .code(201)
        .header('location', `/v1/resources/${encodeURIComponent(resource.code)}`)
        .send(resource)
    },
  )

  app.put<{ Params: CodeParams; Body: ResourceDraft }>(
    '/v1/resources/:code',
    {
      config: { roles: ['steward'] },
      ...transitionRoute(
        'updateResource',
        'Replace the draft, or start a new draft version of a published resource',
        'resource-draft.json',
      ),
    },
    async (request) => resources.update(request.ctx, code(request), request.body),
  )

  app.post<{ Params: CodeParams }>(
    '/v1/resources/:code/submit',
    { config: { roles: ['steward'] }, ...transitionRoute('submitResource', 'Submit the draft for review') },
    async (request) => resources.submit(request.ctx, code(request)),
  )

  app.post<{ Params: CodeParams }>(
    '/v1/resources/:code/publish',
    {
      config: { roles: ['reviewer'] },
      ...transitionRoute('publishResource', 'Publish the submission: it becomes the current version'),
    },
    async (request) => resources.publish(request.ctx, code(request)),
  )

  app.post<{ Params: CodeParams; Body: ResourceReviewComment }>(
    '/v1/resources/:code/return',
    {
      config: { roles: ['reviewer'] },
      ...transitionRoute(
        'returnResource',
        'Return the submission to its steward with comments',
        'resource-review-comment.json',
      ),
    },
    async (request) => resources.returnToDraft(request.ctx, code(request), request.body.comment),
  )

  app.post<{ Params: CodeParams; Body: ResourceStatusReason }>(
    '/v1/resources/:code/deprecate',
    {
      config: { roles: ['steward', 'reviewer'] },
      ...transitionRoute(
        'deprecateResource',
        'Deprecate a published resource',
        'resource-status-reason.json',
      ),
    },
    async (request) => resources.deprecate(request.ctx, code(request), request.body.reason),
  )

  app.post<{ Params: CodeParams; Body: ResourceStatusReason }>(
    '/v1/resources/:code/withdraw',
    {
      config: { roles: ['steward', 'reviewer'] },
      ...transitionRoute(
        'withdrawResource',
        'Withdraw a deprecated resource from the catalog',
        'resource-status-reason.json',
      ),
    },
    async (request) => resources.withdraw(request.ctx, code(request), request.body.reason),
  )
}

// Cached views are the same object on every hit, so each is hashed and serialized once.
const rendered = new WeakMap<object, { etag: string; json: string }>()

/**
 * The body as the route's response schema serializes it, and a strong ETag over it, so any visible
 * change (status, version, metadata) changes the ETag.
 */
function render(reply: FastifyReply, body: object): { etag: string; json: string } {
  const known = rendered.get(body)
  if (known) return known
  const json = reply.serialize(body) as string
  const r = { etag: `"${createHash('sha256').update(json).digest('base64url').slice(0, 27)}"`, json }
  rendered.set(body, r)
  return r
}

function withEtag(request: FastifyRequest, reply: FastifyReply, body: object): FastifyReply {
  const { etag, json } = render(reply, body)
  reply.header('etag', etag).header('cache-control', 'private, no-cache')
  const ifNoneMatch = request.headers['if-none-match']
  if (ifNoneMatch?.split(',').some((t) => t.trim() === etag || t.trim() === '*')) {
    return reply.code(304).send()
  }
  // Already serialized by the route's schema: a JSON string is sent as it is.
  return reply.type('application/json; charset=utf-8').send(json)
}
