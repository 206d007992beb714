import type { RouteRecordRaw } from 'vue-router'
import { prefetchDashboard } from '../views/dashboard/dashboard-data.ts'

/** The leaders' dashboard (一网一门一次) and administration: pages under the console shell. */
export const dashboardRoutes: RouteRecordRaw[] = [
  {
    path: 'dashboard',
    name: 'dashboard',
    // The page brings the chart library with it: nobody else downloads ECharts. Its figures and the
    // chart library are asked for as the navigation starts (dashboard-data.ts).
    component: () => import('../views/dashboard/LeaderDashboard.vue'),
    meta: {
      title: 'dashboard.menu.overview',
      roles: ['leader', 'admin', 'reviewer'],
      menu: 'dashboard',
      prefetch: prefetchDashboard,
    },
  },
  {
    path: 'admin/departments',
    name: 'admin-departments',
    component: () => import('../views/admin/AdminDepartments.vue'),
    meta: { title: 'dashboard.menu.departments', roles: ['admin'], menu: 'admin' },
  },
  {
    path: 'admin/adapters',
    name: 'admin-adapters',
    component: () => import('../views/admin/AdminAdapters.vue'),
    meta: { title: 'dashboard.menu.adapters', roles: ['admin'], menu: 'admin' },
  },
  {
    path: 'admin/dead-letters',
    name: 'admin-dead-letters',
    component: () => import('../views/admin/AdminDeadLetters.vue'),
    meta: { title: 'dashboard.menu.deadLetters', roles: ['admin'], menu: 'admin' },
  },
  {
    path: 'admin/issuer-keys',
    name: 'admin-issuer-keys',
    component: () => import('../views/admin/AdminIssuerKeys.vue'),
    meta: { title: 'dashboard.menu.issuerKeys', roles: ['admin'], menu: 'admin' },
  },
  {
    // The 事项 catalog: admins keep every department's items, a steward their own department's.
    path: 'admin/service-items',
    name: 'admin-service-items',
    component: () => import('../views/admin/AdminServiceItems.vue'),
    meta: { title: 'serviceItems.menu.catalog', roles: ['admin'], menu: 'admin' },
  },
  {
    path: 'steward/service-items',
    name: 'steward-service-items',
    component: () => import('../views/admin/AdminServiceItems.vue'),
    meta: { title: 'serviceItems.menu.mine', roles: ['steward'], menu: 'steward' },
  },
  {
    path: 'admin/webhooks',
    name: 'admin-webhooks',
    component: () => import('../views/admin/AdminWebhooks.vue'),
    meta: { title: 'dashboard.menu.webhooks', roles: ['admin'], menu: 'admin' },
  },
]
