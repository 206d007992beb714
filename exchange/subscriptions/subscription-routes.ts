import type { FastifyInstance } from 'fastify'
import { refusedSubjectProperty, refuseSubjectInQuery } from '../../audit/subject-in-query.ts'
import { idempotencyHeaders } from '../../platform/http/idempotency.ts'
import { AUTHENTICATED_ERRORS, problemResponses, WRITE_ERRORS } from '../../platform/http/route-schemas.ts'
import { ref } from '../../platform/schemas/schema-catalog.ts'
import type { Role } from '../../policies/roles.ts'
import type { SubscriptionCreate } from '../../schemas/generated/types.ts'
import type { DeadLetters } from './dead-letters.ts'
import type { FileSnapshots } from './file-snapshot.ts'
import type { RecipientReport } from './recipient-report.ts'
import type { SubscriptionReconciler } from './subscription-reconciler.ts'
import type { SubscriptionService } from './subscription-service.ts'

/** Dataset subscriptions (库表交换): thin routes over SubscriptionService. */

const ROLES: Role[] = ['consumer', 'service']
const RECIPIENTS_SEARCH = '/v1/audit/subscription-recipients/search'
const idParams = {
  type: 'object',
  required: ['id'],
  additionalProperties: false,
  properties: { id: { type: 'string', maxLength: 64, description: 'Subscription id.' } },
}

export async function subscriptionRoutes(
  app: FastifyInstance,
  opts: {
    service: SubscriptionService
    recipients: RecipientReport
    files: FileSnapshots
    reconciler: SubscriptionReconciler
    deadLetters: DeadLetters
  },
): Promise<void> {
  const { service, recipients, files, reconciler, deadLetters } = opts
  app.post<{ Body: SubscriptionCreate; Headers: { 'idempotency-key'?: string } }>(
    '/v1/subscriptions',
    {
      config: { roles: ROLES },
      schema: {
        tags: ['exchange'],
        operationId: 'createSubscription',
        summary: 'Subscribe the caller’s department to a granted resource: a snapshot, then every change',
        description:
          'Delivers the hub-held records of the resource that the grant lets through — granted items only, masked, only rows meeting its conditions — to the department’s Kafka topic or its own PostgreSQL table. Revoking or expiring the grant stops delivery before the next batch.',
        headers: idempotencyHeaders,
        body: ref('subscription-create.json'),
        response: { 201: ref('subscription.json'), ...problemResponses(...WRITE_ERRORS, 404) },
      },
    },
    async (request, reply) => {
      const { subscription, replayed } = await service.create(
        request.ctx,
        request.body,
        request.headers['idempotency-key'],
      )
      if (replayed) reply.header('idempotent-replayed', 'true')
      return reply.code(201).header('location', `/v1/subscriptions/${subscription.id}`).send(subscription)
    },
  )

  app.get(
    '/v1/subscriptions',
    {
      config: { roles: ROLES },
      schema: {
        tags: ['exchange'],
        operationId: 'listSubscriptions',
        summary: 'The caller department’s subscriptions with their position and lag',
        response: { 200: ref('subscription-list.json'), ...problemResponses(...AUTHENTICATED_ERRORS) },
      },
    },
    async (request) => ({ items: await service.list(request.ctx) }),
  )

  app.get<{ Params: { id: string } }>(
    '/v1/subscriptions/:id',
    {
      config: { roles: ROLES },
      schema: {
        tags: ['exchange'],
        operationId: 'getSubscription',
        summary: 'One subscription with its position and lag',
        params: idParams,
        response: { 200: ref('subscription.json'), ...problemResponses(404, ...AUTHENTICATED_ERRORS) },
      },
    },
    async (request) => service.get(request.ctx, request.params.id),
  )

  for (const action of ['pause', 'resume', 'resnapshot'] as const) {
    app.post<{ Params: { id: string } }>(
      `/v1/subscriptions/:id/${action}`,
      {
        config: { roles: ROLES },
        schema: {
          tags: ['exchange'],
          operationId: `${action}Subscription`,
          summary:
            action === 'resnapshot'
              ? 'Deliver the whole granted copy again from position 0 (e.g. after the grant was narrowed)'
              : `${action === 'pause' ? 'Pause' : 'Resume'} delivery`,
          params: idParams,
          response: { 200: ref('subscription.json'), ...problemResponses(403, 404, ...AUTHENTICATED_ERRORS) },
        },
      },
      async (request) => service.change(request.ctx, request.params.id, action),
    )
  }

  app.get<{ Params: { id: string } }>(
    '/v1/subscriptions/:id/reconciliation',
    {
      config: { roles: ROLES },
      schema: {
        tags: ['exchange'],
        operationId: 'reconcileSubscription',
        summary:
          'Records eligible at the subscription’s position, and a checksum to compare the consumer’s copy with',
        params: idParams,
        response: {
          200: ref('subscription-reconciliation.json'),
          ...problemResponses(404, ...AUTHENTICATED_ERRORS),
        },
      },
    },
    async (request) => service.reconcile(request.ctx, request.params.id),
  )

  // Role checks happen in the report, so that a refused look at the trail is recorded before the 403.
  // The subject goes in the body: a personal identifier never travels in a URL.
  app.post<{ Body: { subjectId: string } }>(
    RECIPIENTS_SEARCH,
    {
      schema: {
        tags: ['audit'],
        operationId: 'searchSubscriptionRecipients',
        summary:
          'For an auditor: which departments received a person’s records through subscriptions, and when',
        description: 'A read with the subject in the body (never in the URL); no Idempotency-Key.',
        body: {
          type: 'object',
          required: ['subjectId'],
          additionalProperties: false,
          properties: {
            subjectId: {
              type: 'string',
              minLength: 8,
              maxLength: 64,
              description: 'The data subject’s identifier.',
            },
          },
        },
        response: {
          200: ref('subscription-recipients.json'),
          ...problemResponses(400, ...AUTHENTICATED_ERRORS),
        },
      },
    },
    async (request) => recipients.forAuditor(request.ctx, request.body.subjectId),
  )

  app.get<{ Querystring: { subjectId?: string } }>(
    '/v1/audit/subscription-recipients',
    {
      schema: {
        tags: ['audit'],
        operationId: 'listSubscriptionRecipients',
        deprecated: true,
        summary: `Replaced by \`POST ${RECIPIENTS_SEARCH}\`; answers 400 \`subject-in-query\``,
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: { subjectId: refusedSubjectProperty(RECIPIENTS_SEARCH) },
        },
        response: { ...problemResponses(400, ...AUTHENTICATED_ERRORS) },
      },
    },
    async (request) => {
      // Without a subject there is nothing to list either: point to the POST form all the same.
      refuseSubjectInQuery(request.query.subjectId ?? '', RECIPIENTS_SEARCH)
    },
  )

  app.get(
    '/v1/audit/my-subscription-recipients',
    {
      schema: {
        tags: ['audit'],
        operationId: 'listMySubscriptionRecipients',
        summary: 'For a citizen: which departments received my records through subscriptions, and when',
        response: { 200: ref('subscription-recipients.json'), ...problemResponses(...AUTHENTICATED_ERRORS) },
      },
    },
    async (request) => recipients.forCitizen(request.ctx),
  )

  app.post<{ Params: { id: string } }>(
    '/v1/subscriptions/:id/files',
    {
      config: { roles: ROLES },
      schema: {
        tags: ['exchange'],
        operationId: 'createSubscriptionFile',
        summary: 'Make a file snapshot (NDJSON and CSV) of a `file` subscription, with a signed manifest',
        params: idParams,
        response: {
          201: ref('subscription-file.json'),
          ...problemResponses(403, 404, 503, ...AUTHENTICATED_ERRORS),
        },
      },
    },
    async (request, reply) => reply.code(201).send(await files.create(request.ctx, request.params.id)),
  )

  app.get<{ Params: { id: string } }>(
    '/v1/subscriptions/:id/files',
    {
      config: { roles: ROLES },
      schema: {
        tags: ['exchange'],
        operationId: 'listSubscriptionFiles',
        summary: 'The file snapshots of a `file` subscription with their signed manifests',
        params: idParams,
        response: {
          200: ref('subscription-file-list.json'),
          ...problemResponses(404, ...AUTHENTICATED_ERRORS),
        },
      },
    },
    async (request) => ({ items: await files.list(request.ctx, request.params.id) }),
  )

  app.get<{ Params: { id: string; fileId: string; name: 'data.ndjson' | 'data.csv' } }>(
    '/v1/subscriptions/:id/files/:fileId/:name',
    {
      config: { roles: ROLES },
      schema: {
        tags: ['exchange'],
        operationId: 'downloadSubscriptionFile',
        summary: 'Download one file of a snapshot (its SHA-256 is in the manifest)',
        params: {
          type: 'object',
          required: ['id', 'fileId', 'name'],
          additionalProperties: false,
          properties: {
            id: { type: 'string', maxLength: 64, description: 'Subscription id.' },
            fileId: { type: 'string', maxLength: 64, description: 'Snapshot id.' },
            name: { type: 'string', enum: ['data.ndjson', 'data.csv'], description: 'Which file.' },
          },
        },
        response: {
          200: {
            description: 'The file',
            content: {
              'application/x-ndjson': { schema: { type: 'string' } },
              'text/csv': { schema: { type: 'string' } },
            },
          },
          ...problemResponses(403, 404, ...AUTHENTICATED_ERRORS),
        },
      },
    },
    async (request, reply) => {
      const format = request.params.name === 'data.csv' ? 'csv' : 'ndjson'
      const bytes = await files.download(request.ctx, request.params.id, request.params.fileId, format)
      return reply
        .type(format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8')
        .header('content-disposition', `attachment; filename="${request.params.name}"`)
        .send(bytes)
    },
  )

  app.post<{ Params: { id: string } }>(
    '/v1/subscriptions/:id/reconcile',
    {
      config: { roles: ROLES },
      schema: {
        tags: ['exchange'],
        operationId: 'resendMissingSubscriptionRecords',
        summary: 'Re-send to a front-end table every eligible record it lacks or holds at an older position',
        params: idParams,
        response: {
          200: ref('subscription-resend.json'),
          ...problemResponses(403, 404, 409, ...AUTHENTICATED_ERRORS),
        },
      },
    },
    async (request) => reconciler.resend(request.ctx, request.params.id),
  )

  app.get<{ Params: { id: string } }>(
    '/v1/subscriptions/:id/dead-letters',
    {
      config: { roles: ROLES },
      schema: {
        tags: ['exchange'],
        operationId: 'listSubscriptionDeadLetters',
        summary: 'Records the target refused on their own, set aside so the stream moved on',
        params: idParams,
        response: {
          200: ref('subscription-dead-letters.json'),
          ...problemResponses(404, ...AUTHENTICATED_ERRORS),
        },
      },
    },
    async (request) => deadLetters.list(request.ctx, request.params.id),
  )

  app.post<{ Params: { id: string } }>(
    '/v1/subscriptions/:id/dead-letters/replay',
    {
      config: { roles: ROLES },
      schema: {
        tags: ['exchange'],
        operationId: 'replaySubscriptionDeadLetters',
        summary: 'Send the dead letters again, as the records are now and under the grant as it is now',
        params: idParams,
        response: {
          200: ref('subscription-replay.json'),
          ...problemResponses(403, 404, ...AUTHENTICATED_ERRORS),
        },
      },
    },
    async (request) => deadLetters.replay(request.ctx, request.params.id),
  )
}
