import createClient, { type Middleware } from 'openapi-fetch'
import { ApiProblem, toProblem } from './problem.ts'
import type { components, operations, paths } from './schema'

export type Schemas = components['schemas']
export type { operations }

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

/** What the client needs from the session: the CSRF token, and what to do when the session ends. */
export interface ClientSession {
  csrfToken(): string | null
  expired(): void
}

let session: ClientSession = { csrfToken: () => null, expired: () => {} }

/** Wires the client to the signed-in session (called once at start-up). */
export function bindSession(s: ClientSession): void {
  session = s
}

const sessionMiddleware: Middleware = {
  onRequest({ request }) {
    const token = session.csrfToken()
    if (token && UNSAFE.has(request.method)) request.headers.set('x-csrf-token', token)
    return request
  },
  onResponse({ response }) {
    if (response.status === 401) session.expired()
    return response
  },
}

/** The typed client of the hub's /v1 API; the browser's session cookie authenticates every call. */
export const api = createClient<paths>({ baseUrl: window.location.origin, credentials: 'same-origin' })
api.use(sessionMiddleware)

/** Unwraps an openapi-fetch result: the data, or an ApiProblem carrying the problem document. */
export async function must<T>(
  call: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<NonNullable<T>> {
  const { data, error, response } = await call
  if (!response.ok || data === undefined) throw new ApiProblem(toProblem(response.status, error))
  return data as NonNullable<T>
}

/** For calls the hub answers 204 No Content: resolves once it accepted, throws its problem otherwise. */
export async function mustSucceed(call: Promise<{ error?: unknown; response: Response }>): Promise<void> {
  const { error, response } = await call
  if (!response.ok) throw new ApiProblem(toProblem(response.status, error))
}

/** A fresh idempotency key for one user action (a retry of the same action reuses it). */
export function idempotencyKey(): string {
  return crypto.randomUUID()
}
