import type { RouteRecordRaw } from 'vue-router'

/** The clerk's window (窗口受理): pages under the console shell. */
export const clerkRoutes: RouteRecordRaw[] = []
