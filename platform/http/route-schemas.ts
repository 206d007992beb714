import { ref } from '../schemas/schema-catalog.ts'

const DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid input: the problem lists every failing field',
  401: 'Missing, expired or invalid bearer token',
  403: 'The caller is not allowed to do this',
  404: 'Not found (or not visible to the caller)',
  409: 'Conflicts with the current state',
  413: 'Request body too large',
  415: 'Unsupported content type',
  429: 'Rate limit exceeded for this caller',
  502: 'An upstream department system answered badly',
  503: 'A dependency is unavailable',
  504: 'An upstream department system timed out',
}

/** Response entries for error statuses, all rendered as RFC 9457 problem+json. */
export function problemResponses(...statuses: number[]): Record<number, unknown> {
  return Object.fromEntries(
    statuses.map((status) => [
      status,
      {
        description: DESCRIPTIONS[status] ?? 'Error',
        content: { 'application/problem+json': { schema: ref('problem.json') } },
      },
    ]),
  )
}

/** The errors any authenticated operation can answer. */
export const AUTHENTICATED_ERRORS = [401, 403, 429] as const
/** The errors any authenticated operation with a JSON body can answer. */
export const WRITE_ERRORS = [400, 401, 403, 409, 413, 415, 429] as const
