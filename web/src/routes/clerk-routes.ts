import type { RouteRecordRaw } from 'vue-router'

/** The clerk's window (窗口受理): pages under the console shell. */
export const clerkRoutes: RouteRecordRaw[] = [
  {
    path: 'clerk',
    name: 'clerk',
    component: () => import('../views/clerk/ClerkWindow.vue'),
    meta: { title: 'clerk.menu.window', roles: ['clerk'], menu: 'clerk' },
  },
  {
    // The printable copy of the certificate last shown at the window (held in memory, not in the URL).
    path: 'clerk/print',
    name: 'clerk-print',
    component: () => import('../views/clerk/CertificatePrint.vue'),
    meta: { title: 'clerk.print.title', roles: ['clerk'] },
  },
]
