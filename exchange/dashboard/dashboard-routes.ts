import type { FastifyInstance } from 'fastify'
import { InputError, NotAllowedError } from '../../platform/errors/app-error.ts'
import { AUTHENTICATED_ERRORS, problemResponses } from '../../platform/http/route-schemas.ts'
import { ref } from '../../platform/schemas/schema-catalog.ts'
import { canReadDashboard } from '../../policies/dashboard-policy.ts'
import { dashboardTrend } from './dashboard-read-model.ts'

const DAY = 86_400_000
/** A bare call covers a year: the programme's goals are yearly. */
export const DASHBOARD_DEFAULT_DAYS = 365
const MAX_DAYS = 3 * 366

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
  app.get<{ Querystring: { from?: string; to?: string } }>(
    '/v1/dashboard/indicators',
    {
      schema: {
        tags: ['cases'],
        operationId: 'getDashboardIndicators',
        summary:
          'Month by month: cases, on-time and one-visit completions, materials replaced, data exchanged',
        description:
          'For leaders, admins and reviewers; every department together, aggregates only. Adds what /v1/cases/statistics and /v1/certificates/stats/materials-avoided do not give: the monthly trend (China Standard Time months), access requests past their decision deadline per provider, and the health of every department adapter. A bare call covers the last 365 days; at most three years.',
        querystring: windowQuery,
        response: {
          200: ref('dashboard-indicators.json'),
          ...problemResponses(400, ...AUTHENTICATED_ERRORS),
        },
      },
    },
    async (request) => {
      const decision = canReadDashboard(request.principal)
      if (!decision.allowed) throw new NotAllowedError(decision.reason, 'Not allowed to read the dashboard')
      const now = new Date()
      const to = request.query.to ?? now.toISOString()
      const from = request.query.from ?? new Date(Date.parse(to) - DASHBOARD_DEFAULT_DAYS * DAY).toISOString()
      const span = Date.parse(to) - Date.parse(from)
      if (span <= 0 || span > MAX_DAYS * DAY)
        throw new InputError('bad-window', '`from` must be before `to`, at most three years apart', {
          errors: [{ path: '/querystring/from', message: 'must be before to, at most three years apart' }],
        })
      const [trend, health] = await Promise.all([
        dashboardTrend(app.db, { from, to, now }),
        app.adapters.health(),
      ])
      return {
        from: new Date(from).toISOString(),
        to: new Date(to).toISOString(),
        ...trend,
        adapters: app.adapters.list().map((a) => ({
          name: a.name,
          department: a.department,
          status: health[a.name]?.status ?? 'down',
          breaker: health[a.name]?.breaker ?? 'closed',
        })),
      }
    },
  )
}
