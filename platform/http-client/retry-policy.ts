export interface RetryOptions {
  /** Extra attempts after the first (0 = no retries). */
  retries: number
  baseDelayMs: number
  maxDelayMs: number
}

export const DEFAULT_RETRY: RetryOptions = { retries: 2, baseDelayMs: 50, maxDelayMs: 1000 }

const IDEMPOTENT_METHODS = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE'])

/** Only calls that can be repeated without a second effect are retried (POST only with an idempotency key). */
export function isIdempotent(method: string, explicit: boolean | undefined): boolean {
  return explicit ?? IDEMPOTENT_METHODS.has(method.toUpperCase())
}
