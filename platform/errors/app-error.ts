/**
 * The one error family of the hub. Services throw these; the HTTP error handler renders them as
 * RFC 9457 problem+json. `code` is stable and documented: clients branch on it, never on `detail`.
 */

export interface FieldProblem {
  /** JSON pointer-ish path of the failing field, e.g. `/body/items/0/name`. */
  path: string
  message: string
}

export abstract class AppError extends Error {
  abstract readonly status: number
  abstract readonly title: string
  readonly code: string
  readonly errors: FieldProblem[] | undefined
  /** Extra response headers (e.g. Retry-After). */
  readonly headers: Record<string, string>
  /**
   * The true reason, for the audit trail only, when the caller is told something vaguer: another
   * department's case answers `case-not-found` like a missing one, but the trail says `not-case-department`.
   */
  readonly auditReason: string | undefined

  constructor(
    code: string,
    detail: string,
    options: {
      errors?: FieldProblem[]
      headers?: Record<string, string>
      cause?: unknown
      auditReason?: string
    } = {},
  ) {
    super(detail, options.cause === undefined ? undefined : { cause: options.cause })
    this.name = new.target.name
    this.code = code
    this.errors = options.errors
    this.headers = options.headers ?? {}
    this.auditReason = options.auditReason
  }
}

export class InputError extends AppError {
  readonly status = 400
  readonly title = 'Invalid input'
}

export class AuthenticationError extends AppError {
  readonly status = 401
  readonly title = 'Authentication required'
}

export class NotAllowedError extends AppError {
  readonly status = 403
  readonly title = 'Not allowed'
}

export class NotFoundError extends AppError {
  readonly status = 404
  readonly title = 'Not found'
}

export class ConflictError extends AppError {
  readonly status = 409
  readonly title = 'Conflict'
}

export class UriTooLongError extends AppError {
  readonly status = 414
  readonly title = 'URI too long'
}

export class PayloadTooLargeError extends AppError {
  readonly status = 413
  readonly title = 'Payload too large'
}

export class UnsupportedMediaTypeError extends AppError {
  readonly status = 415
  readonly title = 'Unsupported media type'
}

export class RateLimitedError extends AppError {
  readonly status = 429
  readonly title = 'Too many requests'
}

/** A department system (or other upstream) failed: 502 bad answer, 503 unavailable, 504 timeout. */
export class UpstreamError extends AppError {
  readonly title = 'Upstream failure'
  constructor(
    readonly status: 502 | 503 | 504,
    code: string,
    detail: string,
    options: { headers?: Record<string, string>; cause?: unknown } = {},
  ) {
    super(code, detail, options)
  }
}

export class UnavailableError extends AppError {
  readonly status = 503
  readonly title = 'Service unavailable'
}
