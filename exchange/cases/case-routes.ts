import type { FastifyInstance } from 'fastify'
import { pageQuery } from '../../platform/http/page-query.ts'
import { AUTHENTICATED_ERRORS, problemResponses, WRITE_ERRORS } from '../../platform/http/route-schemas.ts'
import { ref } from '../../platform/schemas/schema-catalog.ts'
import type {
  CaseApplicantSearch,
  CaseBackfillRequest,
  CaseChange,
  CaseChangeBatch,
} from '../../schemas/generated/types.ts'
import type { CaseBackfill } from './case-backfill.ts'
import type { CaseQueryService } from './case-query-service.ts'
import type { CaseListFilter } from './case-read-model.ts'
import type { CaseService } from './case-service.ts'

/** Case (办件) ingest and queries. Shapes are checked here by schema; rules live in the services. */

const caseNumberParams = {
  type: 'object',
  required: ['caseNumber'],
  additionalProperties: false,
  properties: { caseNumber: { type: 'string', maxLength: 50, description: 'The case number (办件编号).' } },
}

const listQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    department: { type: 'string', maxLength: 32, description: 'Handling department; default your own.' },
    status: {
      type: 'string',
      enum: ['accepted', 'in-review', 'decided', 'completed'],
      description: 'Only cases in this status.',
    },
    acceptedFrom: { type: 'string', format: 'date-time', description: 'Accepted at or after this time.' },
    acceptedTo: { type: 'string', format: 'date-time', description: 'Accepted before this time.' },
    overdue: {
      type: 'boolean',
      description: 'Only cases past their promised time (open) or completed late; false for the others.',
    },
    ...pageQuery('cases', 50),
  },
}

const statisticsQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    from: {
      type: 'string',
      format: 'date-time',
      description: 'Cases accepted at or after this time; default 30 days before `to`.',
    },
    to: { type: 'string', format: 'date-time', description: 'Cases accepted before this time; default now.' },
  },
}

export interface CaseRouteDeps {
  cases: CaseService
  queries: CaseQueryService
  backfill: CaseBackfill
}

export async function caseRoutes(
  app: FastifyInstance,
  { services }: { services: CaseRouteDeps },
): Promise<void> {
  const { cases, queries, backfill } = services

  app.post<{ Body: CaseChange }>(
    '/v1/cases/changes',
    {
      config: { roles: ['service', 'clerk'] },
      schema: {
        tags: ['cases'],
        operationId: 'recordCaseChange',
        summary:
          'Record one change of a case (basic info, a step, a special procedure or the result); idempotent by case number and sequence',
        description:
          "Sequence 1 is the basic info (acceptance); each later change takes the next integer: steps review → decide → complete (a stage may repeat, never go back), special procedures, and the result after completion. The same change again replays the first receipt (header `idempotent-replayed: true`); another change under a used sequence is 409, a gap is 409 `sequence-gap`. The accepting department must be the caller's, the service item known; shared and certificate materials name their `reference`. Each accepted change is published on `case-events`, keyed by the case number.",
        body: ref('case-change.json'),
        response: { 201: ref('case-change-receipt.json'), ...problemResponses(...WRITE_ERRORS) },
      },
    },
    async (request, reply) => {
      const { receipt, replayed } = await cases.ingest(request.ctx, request.body)
      if (replayed) reply.header('idempotent-replayed', 'true')
      return reply.code(201).header('location', `/v1/cases/${receipt.caseNumber}`).send(receipt)
    },
  )

  app.post<{ Body: CaseChangeBatch }>(
    '/v1/cases/changes/batch',
    {
      config: { roles: ['service', 'clerk'] },
      bodyLimit: 8 * 1024 * 1024,
      schema: {
        tags: ['cases'],
        operationId: 'recordCaseChangeBatch',
        summary: 'Record up to 500 case changes, all or nothing; the problem lists every failing change',
        body: ref('case-change-batch.json'),
        response: { 201: ref('case-batch-receipt.json'), ...problemResponses(...WRITE_ERRORS) },
      },
    },
    async (request, reply) => {
      const results = await cases.ingestBatch(request.ctx, request.body.changes)
      return reply.code(201).send({ receipts: results.map((r) => r.receipt) })
    },
  )

  app.post<{ Body: CaseBackfillRequest }>(
    '/v1/cases/backfill',
    {
      schema: {
        tags: ['cases'],
        operationId: 'backfillCaseEvents',
        summary:
          'Copies of the case events recorded in a window, for your department under the grant it holds now (audited)',
        body: ref('case-backfill-request.json'),
        response: { 202: ref('case-backfill-result.json'), ...problemResponses(...WRITE_ERRORS) },
      },
    },
    async (request, reply) => reply.code(202).send(await backfill.backfill(request.ctx, request.body)),
  )

  app.get<{ Params: { caseNumber: string } }>(
    '/v1/cases/:caseNumber',
    {
      schema: {
        tags: ['cases'],
        operationId: 'getCase',
        summary: 'A case with its timeline, masked to what you may see (audited)',
        params: caseNumberParams,
        response: { 200: ref('case.json'), ...problemResponses(...AUTHENTICATED_ERRORS, 404) },
      },
    },
    async (request) => queries.get(request.ctx, request.params.caseNumber),
  )

  app.get<{ Querystring: CaseListFilter }>(
    '/v1/cases',
    {
      schema: {
        tags: ['cases'],
        operationId: 'listCases',
        summary: 'Cases by department, status, acceptance date and overdue state, newest first (audited)',
        description:
          "Without `department`, your own department's cases. A window clerk's open cases: `status=accepted`.",
        querystring: listQuery,
        response: { 200: ref('case-list.json'), ...problemResponses(400, ...AUTHENTICATED_ERRORS) },
      },
    },
    async (request) => queries.list(request.ctx, request.query),
  )

  app.post<{ Body: CaseApplicantSearch }>(
    '/v1/cases/applicant-search',
    {
      schema: {
        tags: ['cases'],
        operationId: 'searchCasesByApplicant',
        summary: "One number (一号申请): an applicant's cases across departments that you may see (audited)",
        body: ref('case-applicant-search.json'),
        response: { 200: ref('case-list.json'), ...problemResponses(400, ...AUTHENTICATED_ERRORS, 415) },
      },
    },
    async (request) => queries.byApplicant(request.ctx, request.body),
  )

  app.get<{ Querystring: { from?: string; to?: string } }>(
    '/v1/cases/statistics',
    {
      schema: {
        tags: ['cases'],
        operationId: 'getCaseStatistics',
        summary: 'Per department: accepted, completed, on time, one visit, materials shared vs on paper',
        description:
          'A bare call covers the cases accepted in the last 30 days. Oversight roles (admin, reviewer) see every department, everyone else their own.',
        querystring: statisticsQuery,
        response: { 200: ref('case-statistics.json'), ...problemResponses(400, ...AUTHENTICATED_ERRORS) },
      },
    },
    async (request) => queries.statistics(request.ctx, request.query),
  )
}
