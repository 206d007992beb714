import { Readable } from 'node:stream'
import type { FastifyInstance } from 'fastify'
import { problemResponses } from '../platform/http/route-schemas.ts'
import { ref } from '../platform/schemas/schema-catalog.ts'
import type { Role } from '../policies/roles.ts'
import { EXPORT_CONTENT_TYPES, serialiseExport } from './audit-export.ts'
import { auditPageQuery } from './audit-page-query.ts'
import { auditActor } from './audit-plugin.ts'
import type { AuditSearchQuery, ExportFormat } from './audit-service.ts'
import { checkpointRoutes } from './checkpoint-routes.ts'
import { reportRoutes } from './report-routes.ts'

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
  exportAuditRecords: 'audit.export',
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

export async function auditRoutes(app: FastifyInstance): Promise<void> {
  // Role before validation: a caller without the role gets 403 — recorded in the trail before the
  // answer — even when the query would not have validated, and learns nothing from validation errors.
  app.addHook('preValidation', async (request) => {
    const { url, config, schema } = request.routeOptions
    if (!url || config.public) return
    const action = TRAIL_ACTIONS[schema?.operationId ?? ''] ?? `audit.${url}`
    const roles: Role[] = action === 'audit.my-accesses' ? ['citizen'] : ['auditor']
    await app.audit.gate.require(auditActor(request), roles, { action })
  })

  app.get<{ Querystring: SearchQuery }>(
    '/v1/audit/records',
    {
      schema: {
        tags: ['audit'],
        operationId: 'searchAuditRecords',
        summary: 'Search the audit trail: who accessed which data, when, why, with what outcome',
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            ...FILTERS,
            ...auditPageQuery(500, 100),
          },
        },
        response: { 200: ref('audit-record-page.json'), ...problemResponses(400, 401, 403, 429) },
      },
    },
    async (request) => {
      const { cursor, limit, ...query } = request.query
      return app.audit.service.search(auditActor(request), query, { cursor, limit })
    },
  )

  app.get<{ Querystring: ExportQuery }>(
    '/v1/audit/records/export',
    {
      schema: {
        tags: ['audit'],
        operationId: 'exportAuditRecords',
        summary: 'Export matching audit records, oldest first, streamed as NDJSON or CSV',
        description: 'Needs `from` and `to` (at most 366 days apart); the body is streamed.',
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            ...FILTERS,
            format: {
              type: 'string',
              enum: ['ndjson', 'csv'],
              default: 'ndjson',
              description: 'NDJSON (one AuditRecord per line) or CSV (arrays joined by `;`).',
            },
          },
        },
        response: {
          200: {
            description: 'The records, streamed',
            content: {
              'application/x-ndjson': { schema: { type: 'string' } },
              'text/csv': { schema: { type: 'string' } },
            },
          },
          ...problemResponses(400, 401, 403, 429),
        },
      },
    },
    async (request, reply) => {
      const { format, ...query } = request.query
      const records = await app.audit.service.export(auditActor(request), query, format)
      return reply
        .type(EXPORT_CONTENT_TYPES[format])
        .header('content-disposition', `attachment; filename="audit-records.${format}"`)
        .send(Readable.from(serialiseExport(records, format)))
    },
  )

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
    async (request) => app.audit.service.verify(auditActor(request), request.query),
  )

  await checkpointRoutes(app)
  await reportRoutes(app)
}
