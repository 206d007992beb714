import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router'
import { dropPrefetched } from './prefetch.ts'
import { GOVERNMENT_ROLES, hasAnyRole, type Role } from './roles.ts'
import { auditRoutes } from './routes/audit-routes.ts'
import { clerkRoutes } from './routes/clerk-routes.ts'
import { dashboardRoutes } from './routes/dashboard-routes.ts'
import { ensureSession, session } from './session.ts'

/** Menu groups, in the order the side menu shows them. */
export const MENU_GROUPS = [
  'clerk',
  'catalog',
  'steward',
  'review',
  'consumer',
  'provider',
  'audit',
  'citizen',
  'dashboard',
  'admin',
] as const
export type MenuGroup = (typeof MENU_GROUPS)[number]

declare module 'vue-router' {
  interface RouteMeta {
    /** i18n key of the page title (and of its menu entry). */
    title?: string
    /** Roles that may use the page; none: every signed-in government principal (not a citizen). */
    roles?: Role[]
    /** The menu group the page is listed under; absent: not in the menu. */
    menu?: MenuGroup
    /** The page works without a session. */
    public?: boolean
    /**
     * Starts the page's data requests while its code loads and the session is checked (prefetch.ts);
     * the page takes the answers once it is set up.
     */
    prefetch?: () => void
  }
}

export const routes: RouteRecordRaw[] = [
  {
    path: '/sign-in',
    name: 'sign-in',
    component: () => import('./views/SignIn.vue'),
    meta: { public: true, title: 'signIn.title' },
  },
  {
    path: '/',
    component: () => import('./layout/AppLayout.vue'),
    children: [
      { path: '', redirect: { name: 'catalog' } },
      {
        path: 'catalog',
        name: 'catalog',
        component: () => import('./views/CatalogSearch.vue'),
        meta: { title: 'menu.catalog', menu: 'catalog' },
      },
      {
        path: 'resources/:code',
        name: 'resource',
        component: () => import('./views/ResourceDetail.vue'),
        meta: { title: 'resource.title' },
      },
      {
        path: 'steward/resources',
        name: 'steward-resources',
        component: () => import('./views/StewardResources.vue'),
        meta: { title: 'menu.stewardResources', roles: ['steward'], menu: 'steward' },
      },
      {
        path: 'steward/resources/new',
        name: 'resource-new',
        component: () => import('./views/ResourceEditor.vue'),
        meta: { title: 'editor.newTitle', roles: ['steward'] },
      },
      {
        path: 'steward/resources/:code/edit',
        name: 'resource-edit',
        component: () => import('./views/ResourceEditor.vue'),
        meta: { title: 'editor.editTitle', roles: ['steward'] },
      },
      {
        path: 'review',
        name: 'review',
        component: () => import('./views/ReviewQueue.vue'),
        meta: { title: 'menu.review', roles: ['reviewer'], menu: 'review' },
      },
      {
        path: 'requests/mine',
        name: 'my-requests',
        component: () => import('./views/MyRequests.vue'),
        meta: { title: 'menu.myRequests', roles: ['consumer'], menu: 'consumer' },
      },
      {
        path: 'grants/held',
        name: 'grants-held',
        component: () => import('./views/GrantsHeld.vue'),
        meta: { title: 'menu.grantsHeld', roles: ['consumer'], menu: 'consumer' },
      },
      {
        path: 'fetch',
        name: 'fetch',
        component: () => import('./views/FetchTry.vue'),
        meta: { title: 'menu.fetch', roles: ['consumer'], menu: 'consumer' },
      },
      {
        path: 'requests/to-decide',
        name: 'to-decide',
        component: () => import('./views/DecideRequests.vue'),
        meta: { title: 'menu.toDecide', roles: ['steward'], menu: 'provider' },
      },
      {
        path: 'grants/given',
        name: 'grants-given',
        component: () => import('./views/GrantsGiven.vue'),
        meta: { title: 'menu.grantsGiven', roles: ['steward'], menu: 'provider' },
      },
      ...clerkRoutes,
      ...auditRoutes,
      ...dashboardRoutes,
    ],
  },
  { path: '/:rest(.*)*', redirect: { name: 'catalog' } },
]

export const router = createRouter({ history: createWebHistory('/console/'), routes })

router.beforeEach(async (to) => {
  // The page's figures are asked for first (the API authorizes each call by the session cookie; a
  // navigation turned away below drops the answers unread), then its code (every route here is a
  // lazy `() => import(…)`) starts downloading while the session is checked, not after; the router's
  // own later call finds the module already on its way.
  to.meta.prefetch?.()
  for (const record of to.matched) {
    const load = record.components?.default
    if (typeof load === 'function') void (load as () => Promise<unknown>)().catch(() => {})
  }
  if (to.meta.public) return true
  await ensureSession()
  if (!session.principal) {
    dropPrefetched()
    return { name: 'sign-in', query: { returnTo: to.fullPath } }
  }
  const roles = to.meta.roles ?? GOVERNMENT_ROLES
  if (!hasAnyRole(session.principal.roles, roles)) {
    dropPrefetched()
    return { name: homeFor(session.principal.roles) }
  }
  return true
})

// A navigation cancelled or overtaken by another one leaves no answers for a later visit.
router.afterEach((_to, _from, failure) => {
  if (failure) dropPrefetched()
})

/**
 * Where a person lands: government staff in the catalog, anyone else (a leader, a citizen) on the
 * first page of their menu.
 */
export function homeFor(roles: readonly string[]): string {
  if (hasAnyRole(roles, GOVERNMENT_ROLES)) return 'catalog'
  const pages = routes.find((r) => r.path === '/')?.children ?? []
  const page = pages.find((p) => p.meta?.menu && p.meta.roles && hasAnyRole(roles, p.meta.roles))
  return page?.name ? String(page.name) : 'citizen-accesses'
}
