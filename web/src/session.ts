import { reactive } from 'vue'
import { ApiProblem, toProblem } from './api/problem.ts'

/** The signed-in person as the hub's backend-for-frontend describes them (GET /auth/session). */
export interface SessionPrincipal {
  subject: string
  department: string | null
  departmentName?: string | null
  displayName?: string | null
  roles: string[]
  district: string | null
}

export interface DemoPrincipal {
  name: string
  subject: string
  department: string | null
  departmentName?: string | null
  roles: string[]
  district: string | null
  displayName?: string | null
}

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

async function authCall<T>(path: string, init: RequestInit = {}): Promise<T> {
  const headers = new Headers(init.headers)
  if (init.body) headers.set('content-type', 'application/json')
  if (session.csrfToken && init.method && init.method !== 'GET')
    headers.set('x-csrf-token', session.csrfToken)
  const response = await fetch(path, { ...init, headers, credentials: 'same-origin' })
  const body = response.status === 204 ? undefined : await response.json().catch(() => undefined)
  if (!response.ok) throw new ApiProblem(toProblem(response.status, body))
  return body as T
}

/** Asks the hub who is signed in; clears the session when nobody is. */
export async function loadSession(): Promise<SessionPrincipal | null> {
  try {
    const s = await authCall<{ principal: SessionPrincipal; csrfToken: string; expiresAt: string }>(
      '/auth/session',
    )
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

export function clearSession(): void {
  session.principal = null
  session.csrfToken = null
  session.expiresAt = null
}

export const authApi = {
  config: () => authCall<{ mode: 'dev' | 'oidc' }>('/auth/config'),
  demoPrincipals: () => authCall<{ items: DemoPrincipal[] }>('/auth/dev/principals'),
  devSignIn: (name: string) =>
    authCall<unknown>('/auth/dev/sign-in', { method: 'POST', body: JSON.stringify({ name }) }),
  signOut: () => authCall<{ logoutUrl?: string }>('/auth/sign-out', { method: 'POST' }),
  /** OIDC: the hub redirects to the identity provider and back to `returnTo`. */
  oidcSignInUrl: (returnTo: string) => `/auth/sign-in?returnTo=${encodeURIComponent(returnTo)}`,
}
