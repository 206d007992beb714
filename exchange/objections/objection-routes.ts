import type { FastifyInstance } from 'fastify'
import { type IdParams, idParams } from '../../platform/http/id-params.ts'
import { idempotencyHeaders } from '../../platform/http/idempotency.ts'
import { pageQuery } from '../../platform/http/page-query.ts'
import { AUTHENTICATED_ERRORS, problemResponses, WRITE_ERRORS } from '../../platform/http/route-schemas.ts'
import { ref } from '../../platform/schemas/schema-catalog.ts'
import type { Role } from '../../policies/roles.ts'
import type {
  ObjectionAnswer,
  ObjectionCreate,
  ObjectionResponse,
  ObjectionRuling,
} from '../../schemas/generated/types.ts'
import type { ObjectionListQuery, ObjectionService } from './objection-service.ts'

/** Data objections (tag `quality`): thin routes; the rules live in ObjectionService. */

const GOVERNMENT_ROLES: Role[] = ['consumer', 'clerk', 'steward', 'reviewer', 'admin', 'auditor']

const objectionIdParams = idParams('The objection.')

const listQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    view: {
      type: 'string',
      enum: ['raised', 'to-answer', 'escalated'],
      description:
        "raised: my department's objections; to-answer: those my department must answer now; escalated: awaiting the reviewers.",
    },
    status: {
      type: 'string',
      enum: ['open', 'corrected', 'rejected', 'escalated', 'upheld', 'closed', 'dismissed'],
      description: 'Only this status.',
    },
    ...pageQuery('objections', 50),
  },
}

const qualityQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    from: {
      type: 'string',
      format: 'date-time',
      description: 'Objections raised from (default: a year before `to`).',
    },
    to: { type: 'string', format: 'date-time', description: 'Raised before (default: now).' },
  },
}

export async function objectionRoutes(
  app: FastifyInstance,
  opts: { service: ObjectionService },
): Promise<void> {
  const { service } = opts
  const step = (operationId: string, summary: string, body: string) => ({
    config: { roles: GOVERNMENT_ROLES },
    schema: {
      tags: ['quality'],
      operationId,
      summary,
      params: objectionIdParams,
      body: ref(body),
      response: { 200: ref('objection.json'), ...problemResponses(...WRITE_ERRORS, 404) },
    },
  })

  app.post<{ Body: ObjectionCreate; Headers: { 'idempotency-key'?: string } }>(
    '/v1/objections',
    {
      config: { roles: ['consumer', 'clerk'] },
      schema: {
        tags: ['quality'],
        operationId: 'raiseObjection',
        summary: 'Raise a data objection (数据异议) on a resource, a received record or a case’s certificate',
        description:
          'A record is named by the fetch that returned it (`fetchRequestId` = its `x-request-id`), never by a person’s identifier: the hub checks on its audit trail that your department received it. The provider must answer within the working days configured for the data’s share type.',
        headers: idempotencyHeaders,
        body: ref('objection-create.json'),
        response: { 201: ref('objection.json'), ...problemResponses(...WRITE_ERRORS, 404) },
      },
    },
    async (request, reply) => {
      const { objection, replayed } = await service.raise(
        request.ctx,
        request.body,
        request.headers['idempotency-key'],
      )
      if (replayed) reply.header('idempotent-replayed', 'true')
      return reply.code(201).header('location', `/v1/objections/${objection.id}`).send(objection)
    },
  )

  app.get<{ Querystring: ObjectionListQuery }>(
    '/v1/objections',
    {
      config: { roles: GOVERNMENT_ROLES },
      schema: {
        tags: ['quality'],
        operationId: 'listObjections',
        summary: 'Objections visible to the caller, newest first',
        querystring: listQuery,
        response: { 200: ref('objection-list.json'), ...problemResponses(400, ...AUTHENTICATED_ERRORS) },
      },
    },
    async (request) => service.list(request.ctx, request.query),
  )

  app.get<{ Querystring: { from?: string; to?: string } }>(
    '/v1/objections/quality',
    {
      config: { roles: GOVERNMENT_ROLES },
      schema: {
        tags: ['quality'],
        operationId: 'getObjectionQuality',
        summary: 'Per provider: objections raised, confirmed, rejected, open, overdue, median time to answer',
        querystring: qualityQuery,
        response: { 200: ref('objection-quality.json'), ...problemResponses(400, ...AUTHENTICATED_ERRORS) },
      },
    },
    async (request) => service.quality(request.ctx, request.query),
  )

  app.get<{ Params: IdParams }>(
    '/v1/objections/:id',
    {
      config: { roles: GOVERNMENT_ROLES },
      schema: {
        tags: ['quality'],
        operationId: 'getObjection',
        summary: 'One objection',
        params: objectionIdParams,
        response: { 200: ref('objection.json'), ...problemResponses(400, ...AUTHENTICATED_ERRORS, 404) },
      },
    },
    async (request) => service.get(request.ctx, request.params.id),
  )

  app.get<{ Params: IdParams }>(
    '/v1/objections/:id/timeline',
    {
      config: { roles: GOVERNMENT_ROLES },
      schema: {
        tags: ['quality'],
        operationId: 'getObjectionTimeline',
        summary: 'Every step of an objection',
        params: objectionIdParams,
        response: {
          200: ref('objection-timeline.json'),
          ...problemResponses(400, ...AUTHENTICATED_ERRORS, 404),
        },
      },
    },
    async (request) => service.timeline(request.ctx, request.params.id),
  )

  app.get<{ Params: IdParams & { attachmentId: string } }>(
    '/v1/objections/:id/attachments/:attachmentId',
    {
      config: { roles: GOVERNMENT_ROLES },
      schema: {
        tags: ['quality'],
        operationId: 'getObjectionAttachment',
        summary: 'Download one evidence file of an objection',
        params: {
          type: 'object',
          required: ['id', 'attachmentId'],
          additionalProperties: false,
          properties: {
            id: { type: 'string', pattern: '^[0-9]{1,18}$', description: 'The objection.' },
            attachmentId: { type: 'string', pattern: '^[0-9]{1,18}$', description: 'The attachment.' },
          },
        },
        response: {
          200: { description: 'The file, with its declared media type.', type: 'string', format: 'binary' },
          ...problemResponses(400, ...AUTHENTICATED_ERRORS, 404),
        },
      },
    },
    async (request, reply) => {
      const file = await service.attachment(request.ctx, request.params.id, request.params.attachmentId)
      return reply
        .type(file.mediaType)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
        .header('x-content-type-options', 'nosniff')
        .send(file.content)
    },
  )

  app.post<{ Params: IdParams; Body: ObjectionAnswer }>(
    '/v1/objections/:id/answer',
    step(
      'answerObjection',
      'The provider’s steward confirms and corrects, or rejects with a reason (校核)',
      'objection-answer.json',
    ),
    async (request) => service.answer(request.ctx, request.params.id, request.body),
  )

  app.post<{ Params: IdParams; Body: ObjectionResponse }>(
    '/v1/objections/:id/response',
    step(
      'respondToObjectionAnswer',
      'The objector accepts the answer or escalates it to the big-data office',
      'objection-response.json',
    ),
    async (request) => service.respond(request.ctx, request.params.id, request.body),
  )

  app.post<{ Params: IdParams; Body: ObjectionRuling }>(
    '/v1/objections/:id/ruling',
    step(
      'ruleOnObjection',
      'The reviewer upholds or dismisses an escalated objection',
      'objection-ruling.json',
    ),
    async (request) => service.rule(request.ctx, request.params.id, request.body),
  )
}
