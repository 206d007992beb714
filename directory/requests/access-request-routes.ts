import type { FastifyInstance } from 'fastify'
import { type IdParams, idParams as numericIdParams } from '../../platform/http/id-params.ts'
import { idempotencyHeaders } from '../../platform/http/idempotency.ts'
import { pageQuery } from '../../platform/http/page-query.ts'
import { AUTHENTICATED_ERRORS, problemResponses, WRITE_ERRORS } from '../../platform/http/route-schemas.ts'
import { ref } from '../../platform/schemas/schema-catalog.ts'
import type { AccessDecision, AccessRequestCreate, AccessWithdrawal } from '../../schemas/generated/types.ts'
import type { AccessDecisionService } from './access-decision-service.ts'
import type { AccessRequestService, RequestListQuery } from './access-request-service.ts'

/** Access requests: consumers file and withdraw, provider stewards decide, reviewers watch deadlines. */

/** What the access-request routes need from the composition root (hub/services.ts). */
export interface AccessRequestServices {
  accessRequests: AccessRequestService
  accessDecisions: AccessDecisionService
}

const idParams = numericIdParams('The id.')

const listQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    view: {
      type: 'string',
      enum: ['mine', 'to-decide', 'overdue'],
      description:
        "mine: my department's requests; to-decide: pending requests my department must decide; overdue: pending past the deadline.",
    },
    status: {
      type: 'string',
      enum: ['pending', 'granted', 'refused', 'withdrawn'],
      description: 'Only this status.',
    },
    resourceCode: { type: 'string', maxLength: 64, description: 'Only requests for this resource.' },
    ...pageQuery('requests', 50),
  },
}

export async function accessRequestRoutes(
  app: FastifyInstance,
  { services }: { services: AccessRequestServices },
): Promise<void> {
  const { accessRequests: requests, accessDecisions: decisions } = services

  app.post<{ Body: AccessRequestCreate; Headers: { 'idempotency-key'?: string } }>(
    '/v1/access-requests',
    {
      config: { roles: ['consumer'] },
      schema: {
        tags: ['access'],
        operationId: 'createAccessRequest',
        summary:
          'File an access request: unconditional ⇒ granted at once, not shared ⇒ refused, conditional ⇒ pending',
        description:
          "`period` is a span of China Standard Time days that must not start in the past; the grant that answers the request is usable from its first day. A conditional request is decided by the provider's stewards within REQUEST_DECISION_WORKDAYS working days (`decisionDeadline`); past it the request is flagged overdue. Fetch with the same `purpose.code` once granted.",
        headers: idempotencyHeaders,
        body: ref('access-request-create.json'),
        response: { 201: ref('access-request.json'), ...problemResponses(...WRITE_ERRORS, 404) },
      },
    },
    async (request, reply) => {
      const { request: created, replayed } = await requests.create(
        request.ctx,
        request.body,
        request.headers['idempotency-key'],
      )
      if (replayed) reply.header('idempotent-replayed', 'true')
      return reply.code(201).header('location', `/v1/access-requests/${created.id}`).send(created)
    },
  )

  app.get<{ Querystring: RequestListQuery }>(
    '/v1/access-requests',
    {
      schema: {
        tags: ['access'],
        operationId: 'listAccessRequests',
        summary: 'Access requests visible to the caller, newest first',
        querystring: listQuery,
        response: { 200: ref('access-request-list.json'), ...problemResponses(400, ...AUTHENTICATED_ERRORS) },
      },
    },
    async (request) => requests.list(request.ctx, request.query),
  )

  app.get<{ Params: IdParams }>(
    '/v1/access-requests/:id',
    {
      schema: {
        tags: ['access'],
        operationId: 'getAccessRequest',
        summary: 'One access request',
        params: idParams,
        response: { 200: ref('access-request.json'), ...problemResponses(400, ...AUTHENTICATED_ERRORS, 404) },
      },
    },
    async (request) => requests.get(request.ctx, request.params.id),
  )

  app.get<{ Params: IdParams }>(
    '/v1/access-requests/:id/timeline',
    {
      schema: {
        tags: ['access'],
        operationId: 'getAccessRequestTimeline',
        summary: 'Every state change of a request and its grant',
        params: idParams,
        response: {
          200: ref('access-timeline.json'),
          ...problemResponses(400, ...AUTHENTICATED_ERRORS, 404),
        },
      },
    },
    async (request) => requests.timeline(request.ctx, request.params.id),
  )

  app.post<{ Params: IdParams; Body: AccessWithdrawal }>(
    '/v1/access-requests/:id/withdraw',
    {
      config: { roles: ['consumer'] },
      schema: {
        tags: ['access'],
        operationId: 'withdrawAccessRequest',
        summary: 'Withdraw a pending request (the requester only)',
        params: idParams,
        body: ref('access-withdrawal.json'),
        response: { 200: ref('access-request.json'), ...problemResponses(...WRITE_ERRORS, 404) },
      },
    },
    async (request) => requests.withdraw(request.ctx, request.params.id, request.body?.reason),
  )

  app.post<{ Params: IdParams; Body: AccessDecision }>(
    '/v1/access-requests/:id/decision',
    {
      config: { roles: ['steward'] },
      schema: {
        tags: ['access'],
        operationId: 'decideAccessRequest',
        summary:
          "Approve (possibly narrowed) or refuse (with reasons) a pending request: the provider's stewards only",
        description:
          "Approving makes one grant: the requested items or a subset, masking per item, row conditions, a period within the requested one, per-minute and per-day limits and the consumer accounts that may use it. A refusal needs a `reason`. Another department's request is 403; a request already decided or withdrawn is 409.",
        params: idParams,
        body: ref('access-decision.json'),
        response: { 200: ref('access-request.json'), ...problemResponses(...WRITE_ERRORS, 404) },
      },
    },
    async (request) => decisions.decide(request.ctx, request.params.id, request.body),
  )
}
