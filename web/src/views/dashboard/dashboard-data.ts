import { api, must } from '../../api/client.ts'
import { loadCharts } from '../../components/dashboard/load-charts.ts'
import { useDepartments } from '../../departments.ts'
import { prefetch } from '../../prefetch.ts'
import type { DashboardData } from './dashboard-figures.ts'

/** What the dashboard draws: the year's figures and the service items' names. */
export interface DashboardAnswer {
  data: DashboardData
  itemNames: Record<string, string>
}

export const DASHBOARD_PREFETCH = 'dashboard'

/**
 * The last 365 days' figures, each asked once and all at the same time, with the department names
 * (so the charts are drawn once, with the names).
 */
export async function fetchDashboard(): Promise<DashboardAnswer> {
  const to = new Date()
  const window = { from: new Date(to.getTime() - 365 * 86_400_000).toISOString(), to: to.toISOString() }
  const [statistics, avoided, indicators, items] = await Promise.all([
    must(api.GET('/v1/cases/statistics', { params: { query: window } })),
    must(api.GET('/v1/certificates/stats/materials-avoided', { params: { query: window } })),
    must(api.GET('/v1/dashboard/indicators', { params: { query: window } })),
    api.GET('/v1/service-items', { params: { query: { limit: 200 } } }),
    useDepartments().ready,
  ])
  return {
    data: { statistics, avoided, indicators },
    itemNames: Object.fromEntries((items.data?.items ?? []).map((i) => [i.code, i.name])),
  }
}

/**
 * The route's prefetch (router.ts): the figures are asked for, and the chart library downloads and
 * compiles, while the page's code loads and the session is checked.
 */
export function prefetchDashboard(): void {
  prefetch(DASHBOARD_PREFETCH, fetchDashboard)
  void loadCharts().catch(() => {})
}
