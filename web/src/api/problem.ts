/** The hub's RFC 9457 problem documents, as the console reads and shows them. */

export interface FieldProblem {
  path: string
  message: string
}

export interface Problem {
  type?: string
  title?: string
  status: number
  detail?: string
  code: string
  requestId?: string
  errors?: FieldProblem[]
}

/** Thrown by every API call that the hub refused; carries the problem document. */
export class ApiProblem extends Error {
  readonly problem: Problem

  constructor(problem: Problem) {
    super(problem.detail ?? problem.code)
    this.name = 'ApiProblem'
    this.problem = problem
  }

  get status(): number {
    return this.problem.status
  }

  get code(): string {
    return this.problem.code
  }
}

/** Reads a failed response's body as a problem, whatever came back. */
export function toProblem(status: number, body: unknown): Problem {
  if (body && typeof body === 'object' && typeof (body as Problem).code === 'string') {
    return { ...(body as Problem), status }
  }
  return { status, code: status >= 500 ? 'internal' : 'bad-request' }
}

/**
 * Where a failing value sits, as a dotted form path: `/body/items/0/name` → `items.0.name`,
 * `/query/limit` → `limit`. The form highlights the field with that path.
 */
export function fieldPath(pointer: string): string {
  const parts = pointer.split('/').filter((p) => p !== '')
  if (parts[0] === 'body' || parts[0] === 'query' || parts[0] === 'params') parts.shift()
  return parts.map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~')).join('.')
}

/** The failing fields of a problem, dotted path → messages. */
export function fieldErrors(problem: Problem): Record<string, string[]> {
  const out: Record<string, string[]> = {}
  for (const e of problem.errors ?? []) {
    const key = fieldPath(e.path)
    out[key] = [...(out[key] ?? []), e.message]
  }
  return out
}

/** Codes the console explains in their own words; other codes fall back on the status. */
export const KNOWN_CODES = [
  'validation-failed',
  'resource-invalid',
  'format-type-mismatch',
  'share-condition-required',
  'share-method-required',
  'duplicate-item-code',
  'item-share-type-looser',
  'personal-item-open',
  'record-schema-mismatch',
  'resource-exists',
  'resource-not-found',
  'resource-not-published',
  'resource-action-not-allowed',
  'illegal-transition',
  'not-your-department',
  'not-provider-steward',
  'not-the-requester',
  'request-not-pending',
  'duplicate-pending-request',
  'invalid-decision',
  'invalid-access-request',
  'grant-not-active',
  'grant-revoked',
  'grant-not-found',
  'not-a-consumer',
  'session-expired',
  'rate-limited',
  'forbidden',
  'csrf-token-invalid',
  'session-missing',
  'demo-principal-not-found',
] as const

/** Codes a page area explains in its own messages (`<area>.problem.<code>`). */
const AREA_CODES: Record<string, string> = {
  'service-item-maintained-by-province': 'serviceItems',
  'service-item-retired': 'serviceItems',
  'service-item-exists': 'serviceItems',
  'import-invalid': 'serviceItems',
  'not-handling-department': 'serviceItems',
  'service-item-role-required': 'serviceItems',
}

/** The i18n key of the message for a problem: by its code when known, else by its status. */
export function problemMessageKey(problem: Problem): string {
  if ((KNOWN_CODES as readonly string[]).includes(problem.code)) return `problem.code.${problem.code}`
  const area = AREA_CODES[problem.code]
  if (area) return `${area}.problem.${problem.code}`
  if (problem.status === 409) return 'problem.status.409'
  if (problem.status === 401) return 'problem.status.401'
  if (problem.status === 403) return 'problem.status.403'
  if (problem.status === 404) return 'problem.status.404'
  if (problem.status === 413) return 'problem.status.413'
  if (problem.status === 429) return 'problem.status.429'
  if (problem.status >= 500) return 'problem.status.500'
  return 'problem.status.400'
}

/** Someone else acted first (or the page is stale): the console offers a reload. */
export function isConflict(problem: Problem): boolean {
  return problem.status === 409 && !SETTLED_CONFLICTS.has(problem.code)
}

/** Conflicts a reload does not change (the item is the province's, the code is taken). */
const SETTLED_CONFLICTS = new Set(['service-item-maintained-by-province', 'service-item-exists'])

/** The i18n key for a field message the API wrote in English (problem+json `errors[].message`). */
export function serverMessageKey(message: string): string {
  if (/cannot be open to the public/.test(message)) return 'validation.personalOpen'
  if (/cannot be looser/.test(message)) return 'validation.looser'
  if (/appears twice|repeats row/.test(message)) return 'validation.duplicate'
  if (/already exists/.test(message)) return 'validation.exists'
  if (/at least one method/.test(message)) return 'validation.methodRequired'
  if (/^must be one of .* for category/.test(message)) return 'validation.formatType'
  if (/required/.test(message)) return 'validation.required'
  if (/fewer than 1 characters/.test(message)) return 'validation.required'
  if (/must match pattern/.test(message)) return 'validation.pattern'
  if (/fewer than/.test(message)) return 'validation.tooShort'
  if (/more than/.test(message)) return 'validation.tooLong'
  if (/allowed values/.test(message)) return 'validation.enum'
  if (/not an allowed property/.test(message)) return 'validation.additionalProperties'
  if (/must match format/.test(message)) return 'validation.format'
  return 'validation.server'
}
