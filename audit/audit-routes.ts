import { Readable } from 'node:stream'
import type { FastifyInstance, FastifyReply } from 'fastify'
import { problemResponses } from '../platform/http/route-schemas.ts'
import { ref } from '../platform/schemas/schema-catalog.ts'
import type { RequestContext } from '../policies/request-context.ts'
import type { Role } from '../policies/roles.ts'
import { EXPORT_CONTENT_TYPES, serialiseExport } from './audit-export.ts'
import { requireTrailRole } from './audit-gate.ts'
import { auditPageQuery } from './audit-page-query.ts'
import type { AuditSearchQuery, ExportFormat } from './audit-service.ts'
import type { AuditServices } from './audit-services.ts'
import { checkpointRoutes } from './checkpoint-routes.ts'
import { reportRoutes } from './report-routes.ts'
import { refusedSubjectProperty, refuseSubjectInQuery } from './subject-in-query.ts'

/**
 * The security officer's API. No `config.roles` on purpose: the service checks the auditor role
 * itself so that a refused attempt is recorded in the trail before the 403 goes out.
 */

const FILTERS = {
  subjectId: {
    type: 'string',
    minLength: 1,
    maxLength: 64,
    description: 'The data subject identifier (e.g. resident ID); matched through its keyed hash.',
  },
  principal: { type: 'string', minLength: 1, description: 'Only records of this caller subject.' },
  department: { type: 'string', minLength: 1, description: "Only records of this caller's department." },
  resourceType: { type: 'string', minLength: 1, description: 'Only this kind of thing, e.g. `resource`.' },
  resourceId: { type: 'string', minLength: 1, description: 'Only this resource identifier.' },
  caseNumber: { type: 'string', minLength: 1, description: 'Only accesses serving this case (办件).' },
  outcome: { type: 'string', enum: ['allowed', 'denied'], description: 'Only allowed or only denied.' },
  from: { type: 'string', format: 'date-time', description: 'Recorded at or after this instant.' },
  to: { type: 'string', format: 'date-time', description: 'Recorded before this instant.' },
} as const

const { subjectId: _subjectId, ...URL_FILTERS } = FILTERS

const PAGING = auditPageQuery(500, 100)

const FORMAT = {
  type: 'string',
  enum: ['ndjson', 'csv'],
  default: 'ndjson',
  description: 'NDJSON (one AuditRecord per line) or CSV (arrays joined by `;`).',
} as const

const SEARCH_PATH = '/v1/audit/records/search'
const EXPORT_PATH = '/v1/audit/records/export'

const EXPORT_RESPONSES = {
  200: {
    description: 'The records, streamed',
    content: {
      'application/x-ndjson': { schema: { type: 'string' } },
      'text/csv': { schema: { type: 'string' } },
    },
  },
  ...problemResponses(400, 401, 403, 429),
}

interface SearchQuery extends AuditSearchQuery {
  cursor?: string
  limit: number
}

interface ExportQuery extends AuditSearchQuery {
  format: ExportFormat
}

/** Operation ⇒ the action name the services record (the same name whether refused here or there). */
const TRAIL_ACTIONS: Record<string, string> = {
  searchAuditRecords: 'audit.search',
  searchAuditRecordsBySubject: 'audit.search',
  exportAuditRecords: 'audit.export',
  exportAuditRecordsBySubject: 'audit.export',
  verifyAuditTrail: 'audit.verify',
  createAuditCheckpoint: 'audit.checkpoint',
  listAuditCheckpoints: 'audit.checkpoints',
  listAuditAnomalies: 'audit.anomalies',
  aggregateAuditRecords: 'audit.aggregates',
  listMyDataAccesses: 'audit.my-accesses',
}

interface VerifyQuery {
  fromId?: number
  toId?: number
}

export async function auditRoutes(
  app: FastifyInstance,
  { services }: { services: { audit: AuditServices } },
): Promise<void> {
  const { audit } = services
  // Role before validation: a caller without the role gets 403 — recorded in the trail before the
  // answer — even when the query would not have validated, and learns nothing from validation errors.
  app.addHook('preValidation', async (request) => {
    const { url, config, schema } = request.routeOptions
    if (!url || config.public) return
    const action = TRAIL_ACTIONS[schema?.operationId ?? ''] ?? `audit.${url}`
    const roles: Role[] = action === 'audit.my-accesses' ? ['citizen'] : ['auditor']
    await requireTrailRole(request.ctx, roles, { action })
  })

  app.get<{ Querystring: SearchQuery }>(
    '/v1/audit/records',
    {
      schema: {
        tags: ['audit'],
        operationId: 'searchAuditRecords',
        summary: 'Search the audit trail: who accessed which data, when, why, with what outcome',
        description: `Filters without a data subject. To search by subject, \`POST ${SEARCH_PATH}\` (a personal identifier never goes into a URL).`,
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: { ...URL_FILTERS, subjectId: refusedSubjectProperty(SEARCH_PATH), ...PAGING },
        },
        response: { 200: ref('audit-record-page.json'), ...problemResponses(400, 401, 403, 429) },
      },
    },
    async (request) => {
      const { cursor, limit, ...query } = request.query
      refuseSubjectInQuery(query.subjectId, SEARCH_PATH)
      return audit.service.search(request.ctx, query, { cursor, limit })
    },
  )

  app.post<{ Body: SearchQuery }>(
    SEARCH_PATH,
    {
      schema: {
        tags: ['audit'],
        operationId: 'searchAuditRecordsBySubject',
        summary:
          'Search the audit trail with the filters in the body (the only way to search by data subject)',
        description:
          'The same filters and paging as `GET /v1/audit/records`, plus `subjectId`; answers the same page. A read: no Idempotency-Key.',
        body: {
          type: 'object',
          additionalProperties: false,
          properties: { ...FILTERS, ...PAGING },
        },
        response: { 200: ref('audit-record-page.json'), ...problemResponses(400, 401, 403, 429) },
      },
    },
    async (request) => {
      const { cursor, limit, ...query } = request.body
      return audit.service.search(request.ctx, query, { cursor, limit })
    },
  )

  app.get<{ Querystring: ExportQuery }>(
    EXPORT_PATH,
    {
      schema: {
        tags: ['audit'],
        operationId: 'exportAuditRecords',
        summary: 'Export matching audit records, oldest first, streamed as NDJSON or CSV',
        description: `Needs \`from\` and \`to\` (at most 366 days apart); the body is streamed. To export by data subject, \`POST ${EXPORT_PATH}\`.`,
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: { ...URL_FILTERS, subjectId: refusedSubjectProperty(EXPORT_PATH), format: FORMAT },
        },
        response: EXPORT_RESPONSES,
      },
    },
    async (request, reply) => {
      refuseSubjectInQuery(request.query.subjectId, EXPORT_PATH)
      return exportRecords(request.query, request.ctx, reply)
    },
  )

  app.post<{ Body: ExportQuery }>(
    EXPORT_PATH,
    {
      schema: {
        tags: ['audit'],
        operationId: 'exportAuditRecordsBySubject',
        summary: 'Export matching audit records with the filters in the body (also by data subject)',
        description:
          'The same filters and range rules as `GET /v1/audit/records/export` (`from` and `to` required, at most 366 days apart), plus `subjectId`.',
        body: {
          type: 'object',
          additionalProperties: false,
          properties: { ...FILTERS, format: FORMAT },
        },
        response: EXPORT_RESPONSES,
      },
    },
    async (request, reply) => exportRecords(request.body, request.ctx, reply),
  )

  async function exportRecords({ format, ...query }: ExportQuery, ctx: RequestContext, reply: FastifyReply) {
    const records = await audit.service.export(ctx, query, format)
    return reply
      .type(EXPORT_CONTENT_TYPES[format])
      .header('content-disposition', `attachment; filename="audit-records.${format}"`)
      .send(Readable.from(serialiseExport(records, format)))
  }

  app.get<{ Querystring: VerifyQuery }>(
    '/v1/audit/verify',
    {
      schema: {
        tags: ['audit'],
        operationId: 'verifyAuditTrail',
        summary: 'Re-walk the hash chain and name the first broken record',
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            fromId: {
              type: 'integer',
              minimum: 1,
              description: 'First record id to check (default: oldest).',
            },
            toId: {
              type: 'integer',
              minimum: 1,
              description: 'Last record id to check (default: the head).',
            },
          },
        },
        response: { 200: ref('audit-verify-result.json'), ...problemResponses(400, 401, 403, 429) },
      },
    },
    async (request) => audit.service.verify(request.ctx, request.query),
  )

  await checkpointRoutes(app, { services })
  await reportRoutes(app, { services })
}
