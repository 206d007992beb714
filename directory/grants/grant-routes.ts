import type { FastifyInstance } from 'fastify'
import { AUTHENTICATED_ERRORS, problemResponses, WRITE_ERRORS } from '../../platform/http/route-schemas.ts'
import { ref } from '../../platform/schemas/schema-catalog.ts'
import type { GrantRenewal, GrantRevocation } from '../../schemas/generated/types.ts'
import { idParams } from '../requests/access-request-routes.ts'
import { type GrantListQuery, GrantService } from './grant-service.ts'

/** Grants: held by consumers, given (revoked, renewed) by provider stewards; expired by a job. */

export const GRANT_EXPIRY_JOB = 'grant-expiry'
const EXPIRY_EVERY_MS = 5 * 60_000

interface IdParams {
  id: string
}

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
    limit: { type: 'integer', minimum: 1, maximum: 200, default: 50, description: 'Most grants returned.' },
    cursor: { type: 'string', maxLength: 200, description: 'The `nextCursor` of the previous page.' },
  },
}

export async function grantRoutes(app: FastifyInstance): Promise<void> {
  const grants = new GrantService(app.db)

  app.jobs.define(GRANT_EXPIRY_JOB, async () => void (await grants.expireEnded()), { attempts: 3 })
  app.addHook('onReady', async () => {
    try {
      await app.jobs.repeat(GRANT_EXPIRY_JOB, {}, EXPIRY_EVERY_MS)
    } catch (error) {
      // Validity is also checked at use time, so a missed run only delays the status change.
      app.log.error({ err: error }, 'the grant expiry job could not be scheduled')
    }
  })

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
