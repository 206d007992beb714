import type { FastifyInstance } from 'fastify'
import { AUTHENTICATED_ERRORS, problemResponses } from '../../platform/http/route-schemas.ts'
import { ref } from '../../platform/schemas/schema-catalog.ts'
import { type DashboardDeps, dashboardIndicators } from './dashboard-service.ts'

const windowQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    from: {
      type: 'string',
      format: 'date-time',
      description: 'Start of the period (inclusive); default 365 days before `to`.',
    },
    to: { type: 'string', format: 'date-time', description: 'End of the period (exclusive); default now.' },
  },
}

/** The leaders' dashboard (一网一门一次): the figures the other statistics operations do not give. */
export async function dashboardRoutes(app: FastifyInstance): Promise<void> {
  const deps: DashboardDeps = {
    db: app.db,
    adapters: app.adapters,
    cityWideDepartments: app.config.dashboard.cityWideDepartments,
  }
  app.get<{ Querystring: { from?: string; to?: string } }>(
    '/v1/dashboard/indicators',
    {
      schema: {
        tags: ['cases'],
        operationId: 'getDashboardIndicators',
        summary:
          'Month by month: cases, on-time and one-visit completions, materials replaced, data exchanged',
        description:
          'For leaders, admins and reviewers, aggregates only. Admins, reviewers and the leaders of a city-wide office (`DASHBOARD_CITYWIDE_DEPARTMENTS`, by default the big-data office) read every department together; any other leader reads their own department only — `scope` says which. Adds what /v1/cases/statistics and /v1/certificates/stats/materials-avoided (which follow the same scope) do not give: the monthly trend (China Standard Time months), access requests past their decision deadline per provider, and the health of the department adapters. A bare call covers the last 365 days; at most three years.',
        querystring: windowQuery,
        response: {
          200: ref('dashboard-indicators.json'),
          ...problemResponses(400, ...AUTHENTICATED_ERRORS),
        },
      },
    },
    async (request) => dashboardIndicators(deps, request.ctx, request.query),
  )
}
