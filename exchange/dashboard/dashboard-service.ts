import type { Knex } from 'knex'
import type { AdapterRegistry } from '../../adapters/adapter-registry.ts'
import { InputError, NotAllowedError } from '../../platform/errors/app-error.ts'
import { dashboardScope } from '../../policies/dashboard-policy.ts'
import type { RequestContext } from '../../policies/request-context.ts'
import type { DashboardIndicators } from '../../schemas/generated/types.ts'
import { dashboardTrend } from './dashboard-read-model.ts'

const DAY = 86_400_000
/** A bare call covers a year: the programme's goals are yearly. */
export const DASHBOARD_DEFAULT_DAYS = 365
const MAX_DAYS = 3 * 366

export interface DashboardDeps {
  db: Knex
  adapters: Pick<AdapterRegistry, 'list' | 'health'>
  /** Departments whose leaders see every department (config `dashboard.cityWideDepartments`). */
  cityWideDepartments: readonly string[]
}

/**
 * The leaders' dashboard indicators in the caller's scope (policies/dashboard-rules.ts): every
 * department together, or the asking leader's own department. A refusal is on the audit trail
 * before the 403 leaves.
 */
export async function dashboardIndicators(
  deps: DashboardDeps,
  ctx: RequestContext,
  query: { from?: string; to?: string },
): Promise<DashboardIndicators> {
  const scope = dashboardScope(ctx.principal, deps.cityWideDepartments)
  if (!scope.allowed) {
    const error = new NotAllowedError(scope.reason, 'Not allowed to read the dashboard')
    throw await ctx.audit.refused(error, { action: 'dashboard.read', resourceType: 'dashboard' })
  }
  const now = new Date()
  const to = query.to ?? now.toISOString()
  const from = query.from ?? new Date(Date.parse(to) - DASHBOARD_DEFAULT_DAYS * DAY).toISOString()
  const span = Date.parse(to) - Date.parse(from)
  if (span <= 0 || span > MAX_DAYS * DAY)
    throw new InputError('bad-window', '`from` must be before `to`, at most three years apart', {
      errors: [{ path: '/querystring/from', message: 'must be before to, at most three years apart' }],
    })
  const { department } = scope
  const [trend, health] = await Promise.all([
    dashboardTrend(deps.db, { from, to, now }, department),
    deps.adapters.health(),
  ])
  return {
    from: new Date(from).toISOString(),
    to: new Date(to).toISOString(),
    scope: { department },
    ...trend,
    adapters: deps.adapters
      .list()
      .filter((a) => department === null || a.department === department)
      .map((a) => ({
        name: a.name,
        department: a.department,
        status: health[a.name]?.status ?? 'down',
        breaker: health[a.name]?.breaker ?? 'closed',
      })),
  }
}
