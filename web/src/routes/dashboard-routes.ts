import type { RouteRecordRaw } from 'vue-router'

/** The leaders' dashboard (一网一门一次) and administration: pages under the console shell. */
export const dashboardRoutes: RouteRecordRaw[] = []
