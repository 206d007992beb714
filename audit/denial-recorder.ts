import type { FastifyRequest } from 'fastify'
import { decodeJwt } from 'jose'
import {
  type AppError,
  AuthenticationError,
  NotAllowedError,
  NotFoundError,
} from '../platform/errors/app-error.ts'
import { maskSubject } from './audit-chain.ts'
import type { AuditEntry, AuditWriter } from './audit-writer.ts'

/**
 * Every refusal on every route is in the trail before the answer goes out, written in one place
 * (the app's refusal hook) so that no route can forget it:
 *
 * - 403 and 404 for a known caller: one record per refusal (`request.denied`), unless the feature
 *   already recorded this request's denial itself (with its own action and subject);
 * - 401: the first failure per source address and reason in an interval is recorded at once, the
 *   rest are counted and written as one `auth.failed.summary` record when the interval ends — so a
 *   flood of forged tokens cannot drown the trail, yet every source and reason is there, durably,
 *   before its first answer.
 */

export const AUTH_FAILED_ACTION = 'auth.failed'
export const AUTH_FAILED_SUMMARY_ACTION = 'auth.failed.summary'
export const REQUEST_DENIED_ACTION = 'request.denied'

/** Most distinct (source, reason) pairs counted per interval; beyond it sources share one bucket. */
const MAX_BUCKETS = 10_000
const MAX_TEXT = 200

interface Bucket {
  source: string
  reason: string
  windowStart: number
  /** Failures after the first one in this window (the first has its own record). */
  more: number
  claimedSubjects: Set<string>
}

/** A caller-supplied string that may go into the trail: well-formed, bounded, or nothing. */
function storable(value: unknown): string | null {
  if (typeof value !== 'string' || value === '') return null
  if (value.includes('\u0000') || !value.isWellFormed()) return null
  return value.length > MAX_TEXT ? value.slice(0, MAX_TEXT) : value
}

/** The subject a rejected token claims (unverified: it says who the caller pretends to be). */
export function claimedSubject(authorization: string | undefined): string | null {
  const token = /^bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1]
  if (!token) return null
  try {
    return storable(decodeJwt(token).sub)
  } catch {
    return null
  }
}

/** The route's parameters as the target of the refusal; identifier-like values are masked. */
function target(request: FastifyRequest): Record<string, string> {
  const params = (request.params ?? {}) as Record<string, unknown>
  const out: Record<string, string> = {}
  for (const [key, value] of Object.entries(params)) {
    const text = storable(value)
    if (text === null || storable(key) === null) continue
    out[key] = /\d{8}/.test(text) ? maskSubject(text) : text
  }
  return out
}

function route(request: FastifyRequest): string {
  return `${request.method} ${request.routeOptions?.url ?? '(unrouted)'}`
}

export class DenialRecorder {
  private readonly buckets = new Map<string, Bucket>()
  /** Requests whose denial a feature already recorded (cleared when the response is sent). */
  private readonly recorded = new Set<string>()
  private timer: NodeJS.Timeout | null = null

  constructor(
    private readonly writer: AuditWriter,
    private readonly options: { intervalMs: number; now?: () => number },
  ) {}

  private now(): number {
    return (this.options.now ?? Date.now)()
  }

  /** Told by the writer about every denied record a feature wrote for a request. */
  noteRecorded(requestId: string | null | undefined): void {
    if (requestId) this.recorded.add(requestId)
  }

  /** Forgets a finished request. */
  finished(requestId: string): void {
    this.recorded.delete(requestId)
  }

  /** Records the refusal `error` for `request` if it is a denial; resolves once it is durable. */
  async refused(error: AppError, request: FastifyRequest): Promise<void> {
    if (error instanceof AuthenticationError) return this.authenticationFailed(error, request)
    if (!(error instanceof NotAllowedError || error instanceof NotFoundError)) return
    if (this.recorded.has(request.id)) return
    const principal = request.principal
    await this.writer.record({
      principal: principal?.subject ?? `unauthenticated:${request.ip}`,
      department: principal?.department ?? null,
      roles: principal?.roles ?? [],
      action: REQUEST_DENIED_ACTION,
      resourceType: 'route',
      resourceId: route(request),
      outcome: 'denied',
      reason: error.auditReason ?? error.code,
      requestId: request.id,
      clientAddress: request.ip,
      details: { status: error.status, target: target(request) },
    })
  }

  private async authenticationFailed(error: AuthenticationError, request: FastifyRequest): Promise<void> {
    const now = this.now()
    const subject = claimedSubject(request.headers.authorization)
    let source = request.ip
    let key = `${source}\u0001${error.code}`
    let bucket = this.buckets.get(key)
    if (bucket && now - bucket.windowStart >= this.options.intervalMs) {
      await this.closeBucket(key, bucket)
      bucket = undefined
    }
    if (!bucket && this.buckets.size >= MAX_BUCKETS) {
      source = '*'
      key = `*\u0001${error.code}`
      bucket = this.buckets.get(key)
    }
    if (bucket) {
      bucket.more += 1
      if (subject && bucket.claimedSubjects.size < 20) bucket.claimedSubjects.add(subject)
      return
    }
    this.buckets.set(key, {
      source,
      reason: error.code,
      windowStart: now,
      more: 0,
      claimedSubjects: new Set(),
    })
    this.schedule()
    await this.writer.record(
      this.authEntry(AUTH_FAILED_ACTION, source, error.code, request.id, {
        route: route(request),
        ...(subject ? { claimedSubject: subject } : {}),
      }),
    )
  }

  private authEntry(
    action: string,
    source: string,
    reason: string,
    requestId: string | null,
    details: Record<string, unknown>,
  ): AuditEntry {
    return {
      principal: `unauthenticated:${source}`,
      department: null,
      roles: [],
      action,
      resourceType: 'authentication',
      outcome: 'denied',
      reason,
      requestId,
      clientAddress: source === '*' ? null : source,
      details,
    }
  }

  private async closeBucket(key: string, bucket: Bucket): Promise<void> {
    this.buckets.delete(key)
    if (bucket.more === 0) return
    await this.writer.record(
      this.authEntry(AUTH_FAILED_SUMMARY_ACTION, bucket.source, bucket.reason, null, {
        count: bucket.more,
        windowStart: new Date(bucket.windowStart).toISOString(),
        windowEnd: new Date(this.now()).toISOString(),
        claimedSubjects: [...bucket.claimedSubjects],
      }),
    )
  }

  private schedule(): void {
    if (this.timer) return
    this.timer = setTimeout(() => {
      this.timer = null
      void this.flush(false).catch(() => undefined)
    }, this.options.intervalMs)
    this.timer.unref()
  }

  /** Writes the summaries of finished intervals (all of them when `all`, e.g. at shutdown). */
  async flush(all = true): Promise<void> {
    const now = this.now()
    for (const [key, bucket] of [...this.buckets]) {
      if (all || now - bucket.windowStart >= this.options.intervalMs) await this.closeBucket(key, bucket)
    }
    if (this.buckets.size > 0 && !all) this.schedule()
  }

  async close(): Promise<void> {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    await this.flush(true)
  }
}
