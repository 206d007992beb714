import type { HubFeature } from '../../platform/http/hub-feature.ts'
import { dashboardRoutes } from './dashboard-routes.ts'

/** The leaders' dashboard (一网一门一次): month-by-month indicators, overdue requests, adapter health. */
export const dashboardFeature: HubFeature<unknown> = {
  name: 'dashboard',
  routes: dashboardRoutes,
}
