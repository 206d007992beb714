import type { RouteRecordRaw } from 'vue-router'

/** The security officer's desk (安全审计) and the citizen's page: pages under the console shell. */
export const auditRoutes: RouteRecordRaw[] = []
