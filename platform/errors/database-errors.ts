import {
  type AppError,
  ConflictError,
  InputError,
  NotFoundError,
  PayloadTooLargeError,
  UnavailableError,
} from './app-error.ts'

/**
 * What a caller can provoke in PostgreSQL (or what an outage looks like from the pool), as the error
 * the caller should get. Features still translate the errors they expect into precise codes (e.g. a
 * duplicate department → `department-exists`); this is the net under them, so that no database error
 * becomes a 500. Details never carry the database's message, which would echo the caller's values.
 */

/** Seconds a caller should wait before retrying while the database is away or busy. */
export const DATABASE_RETRY_AFTER_S = 5

interface PgLikeError {
  code?: unknown
  severity?: unknown
  detail?: unknown
  name?: unknown
  message?: unknown
  cause?: unknown
  errors?: unknown
}

/** Network failures of the pool or a driver (pg, ioredis), as Node reports them. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
])

function retryLater(code: string, detail: string): UnavailableError {
  return new UnavailableError(code, detail, { headers: { 'retry-after': String(DATABASE_RETRY_AFTER_S) } })
}

function isPgError(e: PgLikeError): e is PgLikeError & { code: string } {
  return typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code) && typeof e.severity === 'string'
}

function fromPg(code: string, detail: string): AppError {
  const cls = code.slice(0, 2)
  if (code === '23503') {
    return detail.includes('is still referenced')
      ? new ConflictError('still-referenced', 'Other records still refer to this one')
      : new NotFoundError('reference-not-found', 'The request refers to something that does not exist')
  }
  if (code === '23505') return new ConflictError('already-exists', 'This already exists')
  if (code === '23P01') return new ConflictError('conflict', 'Conflicts with an existing record')
  if (cls === '23') return new InputError('constraint-violated', 'The request breaks a rule of the data')
  if (cls === '22') return new InputError('invalid-value', 'A value in the request cannot be stored')
  if (code === '54000' || code === '54001' || code === '54011')
    return new PayloadTooLargeError('input-too-large', 'A value in the request is too large to handle')
  if (code === '40001' || code === '40P01' || code === '55P03')
    return retryLater('database-busy', 'The database is busy with a conflicting change; retry shortly')
  if (code === '57014')
    return retryLater('database-timeout', 'The database did not answer in time; retry shortly')
  if (
    cls === '08' ||
    cls === '53' ||
    cls === '57' ||
    code === '3D000' ||
    code === '28P01' ||
    code === '28000'
  )
    return retryLater('database-unavailable', 'The database is unavailable; retry shortly')
  return retryLater('database-unavailable', 'The database could not complete the request; retry shortly')
}

/** The caller-facing error for a database, Redis or connection failure, or null for anything else. */
export function classifyDatabaseError(error: unknown): AppError | null {
  let current = error as PgLikeError | undefined
  for (let hops = 0; current && typeof current === 'object' && hops < 4; hops++) {
    if (isPgError(current)) {
      // Internal classes (syntax errors, missing columns: our bugs) stay 500s.
      if (/^(42|XX|F0|P0|0A|25|2D|3B|39|38|HV|72)/.test(current.code)) return null
      return fromPg(current.code, typeof current.detail === 'string' ? current.detail : '')
    }
    if (current.name === 'KnexTimeoutError')
      return retryLater('database-unavailable', 'No database connection became free in time; retry shortly')
    if (typeof current.code === 'string' && NETWORK_CODES.has(current.code))
      return retryLater('database-unavailable', 'The database is unavailable; retry shortly')
    const message = typeof current.message === 'string' ? current.message : ''
    if (current.name === 'MaxRetriesPerRequestError' || message === 'Connection is closed.')
      return retryLater('redis-unavailable', 'The job and limit store is unavailable; retry shortly')
    if (
      /^(Connection terminated|Client has encountered a connection error|the database system is (starting up|shutting down))/.test(
        message,
      )
    )
      return retryLater('database-unavailable', 'The database is unavailable; retry shortly')
    if (Array.isArray(current.errors) && current.errors.length > 0) {
      // AggregateError (e.g. every address of a host refused).
      current = current.errors[0] as PgLikeError
      continue
    }
    current = current.cause as PgLikeError | undefined
  }
  return null
}
