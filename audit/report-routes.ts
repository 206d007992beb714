import type { FastifyInstance } from 'fastify'
import { problemResponses } from '../platform/http/route-schemas.ts'
import { ref } from '../platform/schemas/schema-catalog.ts'
import type { AggregateKey, AnomalyKind } from './anomaly-read-model.ts'
import { auditPageQuery } from './audit-page-query.ts'
import type { AuditServices } from './audit-services.ts'

const RANGE = {
  from: {
    type: 'string',
    format: 'date-time',
    description: 'Start of the range (default: 30 days before `to`).',
  },
  to: { type: 'string', format: 'date-time', description: 'End of the range, exclusive (default: now).' },
} as const

interface AnomalyQuery {
  kind?: AnomalyKind
  from?: string
  to?: string
  threshold?: number
}

interface AggregateQuery {
  groupBy: AggregateKey
  accessesOnly?: boolean
  from?: string
  to?: string
}

interface PageQuery {
  cursor?: string
  limit: number
}

/** Reports over the trail: anomalies and aggregates for auditors, a citizen's own accesses. */
export async function reportRoutes(
  app: FastifyInstance,
  { services }: { services: { audit: AuditServices } },
): Promise<void> {
  const { audit } = services
  app.get<{ Querystring: AnomalyQuery }>(
    '/v1/audit/anomalies',
    {
      schema: {
        tags: ['audit'],
        operationId: 'listAuditAnomalies',
        summary: 'Findings of one anomaly rule (or of every rule), each with the records behind it',
        description:
          'Without `kind`, every rule runs with its default threshold over the last 30 days (`kind` in the answer is `all`; each finding names its rule). access-without-case: data accesses with no case number; after-grant-end: attempts denied as grant-expired or grant-revoked; volume-spike: hours with more than `threshold` (default 3) × the principal median hourly accesses; off-hours-bulk: more than `threshold` (default 50) accesses in an hour outside 08:00–18:00 China Standard Time on a working day (weekends and configured holidays, WORKDAY_HOLIDAYS, are off-hours all day; make-up workdays, WORKDAY_MAKEUP_DAYS, are working days); repeated-denials: at least `threshold` (default 5) denials; failed-authentications: at least `threshold` (default 10) failed authentications from one source address (principal `unauthenticated:<address>`), counting the per-interval summaries.',
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            kind: {
              type: 'string',
              enum: [
                'access-without-case',
                'after-grant-end',
                'volume-spike',
                'off-hours-bulk',
                'repeated-denials',
                'failed-authentications',
              ],
              description: 'The rule to apply; omitted: every rule.',
            },
            ...RANGE,
            threshold: {
              type: 'number',
              exclusiveMinimum: 0,
              maximum: 1_000_000,
              description: 'The rule threshold (see the description); default per rule. Needs `kind`.',
            },
          },
        },
        response: { 200: ref('audit-anomaly-report.json'), ...problemResponses(400, 401, 403, 429) },
      },
    },
    async (request) => audit.reports.anomalies(request.ctx, request.query),
  )

  app.get<{ Querystring: AggregateQuery }>(
    '/v1/audit/aggregates',
    {
      schema: {
        tags: ['audit'],
        operationId: 'aggregateAuditRecords',
        summary:
          'Record counts (allowed/denied) grouped by principal, department, action, outcome, reason, day, department and day, or weekday and hour',
        description:
          'A bare call counts the last 30 days by department. `accessesOnly=true` counts only data accesses (exchange.fetch, certificates.fetch, cases.read).',
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            groupBy: {
              type: 'string',
              enum: [
                'principal',
                'department',
                'action',
                'outcome',
                'reason',
                'day',
                'department-day',
                'weekday-hour',
              ],
              default: 'department',
              description:
                'The grouping key (default `department`); two-key groupings put the second in `subKey`.',
            },
            accessesOnly: {
              type: 'boolean',
              default: false,
              description: 'Count only data accesses (exchange.fetch, certificates.fetch, cases.read).',
            },
            ...RANGE,
          },
        },
        response: { 200: ref('audit-aggregate-report.json'), ...problemResponses(400, 401, 403, 429) },
      },
    },
    async (request) => audit.reports.aggregates(request.ctx, request.query),
  )

  app.get<{ Querystring: PageQuery }>(
    '/v1/audit/my-accesses',
    {
      schema: {
        tags: ['audit'],
        operationId: 'listMyDataAccesses',
        summary: 'For a citizen: which departments accessed data about me, when, and why',
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            ...auditPageQuery(100, 20),
          },
        },
        response: { 200: ref('audit-access-page.json'), ...problemResponses(400, 401, 403, 429) },
      },
    },
    async (request) => audit.reports.myAccesses(request.ctx, request.query),
  )
}
