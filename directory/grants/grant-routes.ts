import type { FastifyInstance } from 'fastify'
import { type IdParams, idParams as numericIdParams } from '../../platform/http/id-params.ts'
import { pageQuery } from '../../platform/http/page-query.ts'
import { AUTHENTICATED_ERRORS, problemResponses, WRITE_ERRORS } from '../../platform/http/route-schemas.ts'
import { ref } from '../../platform/schemas/schema-catalog.ts'
import type { GrantRenewal, GrantRevocation } from '../../schemas/generated/types.ts'
import type { GrantListQuery, GrantService } from './grant-service.ts'

/** Grants: held by consumers, given (revoked, renewed) by provider stewards. */

/** What the grant routes need from the composition root (hub/services.ts). */
export interface GrantServices {
  grants: GrantService
}

const idParams = numericIdParams('The id.')

const listQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    view: {
      type: 'string',
      enum: ['held', 'given'],
      description: 'held: grants my department holds; given: grants my department gave.',
    },
    status: { type: 'string', enum: ['active', 'revoked', 'expired'], description: 'Only this status.' },
    resourceCode: { type: 'string', maxLength: 64, description: 'Only grants on this resource.' },
    ...pageQuery('grants', 50),
  },
}

export async function grantRoutes(
  app: FastifyInstance,
  { services }: { services: GrantServices },
): Promise<void> {
  const { grants } = services

  app.get<{ Querystring: GrantListQuery }>(
    '/v1/grants',
    {
      schema: {
        tags: ['access'],
        operationId: 'listGrants',
        summary: 'Grants visible to the caller, newest first',
        querystring: listQuery,
        response: { 200: ref('grant-list.json'), ...problemResponses(400, ...AUTHENTICATED_ERRORS) },
      },
    },
    async (request) => grants.list(request.ctx, request.query),
  )

  app.get<{ Params: IdParams }>(
    '/v1/grants/:id',
    {
      schema: {
        tags: ['access'],
        operationId: 'getGrant',
        summary: 'One grant',
        params: idParams,
        response: { 200: ref('grant.json'), ...problemResponses(400, ...AUTHENTICATED_ERRORS, 404) },
      },
    },
    async (request) => grants.get(request.ctx, request.params.id),
  )

  app.post<{ Params: IdParams; Body: GrantRevocation }>(
    '/v1/grants/:id/revoke',
    {
      config: { roles: ['steward'] },
      schema: {
        tags: ['access'],
        operationId: 'revokeGrant',
        summary: 'Revoke a grant with a reason; it stops working from the next request on',
        params: idParams,
        body: ref('grant-revocation.json'),
        response: { 200: ref('grant.json'), ...problemResponses(...WRITE_ERRORS, 404) },
      },
    },
    async (request) => grants.revoke(request.ctx, request.params.id, request.body.reason),
  )

  app.post<{ Params: IdParams; Body: GrantRenewal }>(
    '/v1/grants/:id/renew',
    {
      config: { roles: ['steward'] },
      schema: {
        tags: ['access'],
        operationId: 'renewGrant',
        summary: 'Extend an active or expired grant, at most a year from today',
        params: idParams,
        body: ref('grant-renewal.json'),
        response: { 200: ref('grant.json'), ...problemResponses(...WRITE_ERRORS, 404) },
      },
    },
    async (request) => grants.renew(request.ctx, request.params.id, request.body),
  )
}
