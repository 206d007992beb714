import { reactive } from 'vue'
import { api, must, type Schemas } from './api/client.ts'
import { ApiProblem } from './api/problem.ts'

/** The signed-in person as the hub's backend-for-frontend describes them (GET /auth/session). */
export type SessionPrincipal = Schemas['ConsoleSession']['principal'] & { departmentName?: string | null }
export type DemoPrincipal = Schemas['ConsoleDevPrincipalList']['items'][number]

interface SessionState {
  principal: SessionPrincipal | null
  csrfToken: string | null
  expiresAt: string | null
  /** True once the first GET /auth/session has answered. */
  checked: boolean
}

export const session = reactive<SessionState>({
  principal: null,
  csrfToken: null,
  expiresAt: null,
  checked: false,
})

/** Asks the hub who is signed in; clears the session when nobody is. */
export async function loadSession(): Promise<SessionPrincipal | null> {
  try {
    const s = await must(api.GET('/auth/session'))
    session.principal = s.principal
    session.csrfToken = s.csrfToken
    session.expiresAt = s.expiresAt
  } catch (error) {
    if (!(error instanceof ApiProblem) || error.status !== 401) throw error
    clearSession()
  } finally {
    session.checked = true
  }
  return session.principal
}

let first: Promise<SessionPrincipal | null> | null = null

/** The first session check of the page, shared: started at boot, awaited by the router. */
export function ensureSession(): Promise<SessionPrincipal | null> {
  if (session.checked) return Promise.resolve(session.principal)
  first ??= loadSession()
  return first
}

export function clearSession(): void {
  session.principal = null
  session.csrfToken = null
  session.expiresAt = null
}

export const authApi = {
  config: () => must(api.GET('/auth/config')),
  demoPrincipals: () => must(api.GET('/auth/dev/principals')),
  devSignIn: (name: string) => must(api.POST('/auth/dev/sign-in', { body: { name } })),
  signOut: () => must(api.POST('/auth/sign-out')),
  /** OIDC: the hub redirects to the identity provider and back to `returnTo`. */
  oidcSignInUrl: (returnTo: string) => `/auth/sign-in?returnTo=${encodeURIComponent(returnTo)}`,
}
