import type { RouteRecordRaw } from 'vue-router'

/** The security officer's desk (安全审计) and the citizen's page: pages under the console shell. */
export const auditRoutes: RouteRecordRaw[] = [
  {
    path: 'audit/records',
    name: 'audit-records',
    component: () => import('../views/audit/AuditSearch.vue'),
    meta: { title: 'audit.menu.records', roles: ['auditor'], menu: 'audit' },
  },
  {
    path: 'audit/integrity',
    name: 'audit-integrity',
    component: () => import('../views/audit/AuditIntegrity.vue'),
    meta: { title: 'audit.menu.integrity', roles: ['auditor'], menu: 'audit' },
  },
  {
    path: 'audit/anomalies',
    name: 'audit-anomalies',
    component: () => import('../views/audit/AuditAnomalies.vue'),
    meta: { title: 'audit.menu.anomalies', roles: ['auditor'], menu: 'audit' },
  },
  {
    path: 'audit/charts',
    name: 'audit-charts',
    // Lazy: ECharts is loaded only when this page opens.
    component: () => import('../views/audit/AuditCharts.vue'),
    meta: { title: 'audit.menu.charts', roles: ['auditor'], menu: 'audit' },
  },
  {
    path: 'my-data',
    name: 'citizen-accesses',
    component: () => import('../views/audit/CitizenAccesses.vue'),
    meta: { title: 'audit.menu.citizen', roles: ['citizen'], menu: 'citizen' },
  },
]
