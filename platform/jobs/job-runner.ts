import { InputError } from '../errors/app-error.ts'

/**
 * The background-job contract that features depend on. Two implementations keep the same
 * semantics: `BullmqRunner` (Redis, the real one) and `InProcessRunner` (the embedded default,
 * memory only). Delivery is at-least-once: a handler can see the same job again after a crash
 * or a retry, so handlers must be idempotent.
 */

/** What a handler learns about the job it is running. */
export interface JobContext {
  id: string
  /** 1 on the first run, 2 on the first retry, and so on. */
  attempt: number
}

export type JobHandler<T> = (data: T, job: JobContext) => Promise<void>

export interface JobDefinitionOptions {
  /** Total runs before the job becomes a dead letter (default 5). */
  attempts?: number
  /** Base delay of the exponential backoff between runs, in ms (default 1000). */
  backoffMs?: number
  /** Longest delay between two runs, in ms (default: none); with it a long outage costs attempts linearly. */
  maxBackoffMs?: number
  /** Jobs of this name run at the same time in one process (default 1). */
  concurrency?: number
}

export interface EnqueueOptions {
  /** Idempotency key: while a job with this id is known, enqueueing it again does nothing. */
  jobId?: string
  delayMs?: number
}

/** A job that used up its attempts. Kept (bounded) until an operator retries it. */
export interface DeadLetter {
  queue: string
  id: string
  name: string
  data: unknown
  failedReason: string
  attemptsMade: number
  /** ISO 8601 time of the last failed attempt. */
  failedAt: string
}

export interface QueueDepth {
  waiting: number
  active: number
  delayed: number
  failed: number
}

export interface JobRunner {
  readonly kind: 'bullmq' | 'in-process'
  /** Declares a job name (one queue per name) and its handler. Call once per name, at wiring time. */
  define<T>(name: string, handler: JobHandler<T>, options?: JobDefinitionOptions): void
  enqueue<T>(name: string, data: T, options?: EnqueueOptions): Promise<{ id: string }>
  /** Runs `name` with `data` every `everyMs`; calling it again replaces the schedule (safe at every start). */
  repeat<T>(name: string, data: T, everyMs: number): Promise<void>
  /** Starts consuming. Not done by the plugin: only the server start path runs workers. */
  startWorkers(): Promise<void>
  /** Newest first; all queues when `queue` is omitted, none for an unknown queue. */
  deadLetters(queue?: string, limit?: number): Promise<DeadLetter[]>
  /** Puts a dead letter back with a fresh set of attempts; NotFoundError when there is no such dead letter. */
  retryDeadLetter(queue: string, id: string): Promise<void>
  depth(): Promise<Record<string, QueueDepth>>
  ping(): Promise<void>
  /** Stops taking jobs, waits for the running ones, releases connections. Safe to call twice. */
  close(): Promise<void>
}

/** Where runners report trouble that has no caller to throw to (worker errors, failed attempts). */
export interface JobLogger {
  warn(obj: object, msg: string): void
  error(obj: object, msg: string): void
}

export interface JobDefaults {
  attempts: number
  backoffMs: number
  concurrency: number
  /**
   * Share of each backoff delay that is randomised. Spreads the retries of many jobs that failed
   * together (a department system going down) so they do not hit it again in lock-step.
   */
  jitter: number
  /** Cap of the backoff delay in ms; 0 for none. */
  maxBackoffMs?: number
}

export const JOB_DEFAULTS: JobDefaults = { attempts: 5, backoffMs: 1000, concurrency: 1, jitter: 0.25 }

/** Bounds on what is kept after a job finishes, so Redis (or memory) does not grow forever. */
export const KEEP_COMPLETED = 1000
export const KEEP_FAILED = 10_000

/** Queue names become part of Redis keys, where `:` is the separator. */
export function assertJobName(name: string): void {
  if (!/^[a-z0-9][a-z0-9-]*$/.test(name)) {
    throw new Error(`Job name "${name}" must be kebab-case (a-z, 0-9, -)`)
  }
}

/**
 * BullMQ rejects custom ids that look like integers (they would collide with its own counters) or
 * contain `:`; both runners enforce the same rule so a feature that works embedded works on Redis.
 */
export function assertJobId(jobId: string): void {
  if (jobId === '' || `${Number.parseInt(jobId, 10)}` === jobId || jobId.includes(':')) {
    throw new InputError(
      'job-id-invalid',
      `Job id "${jobId}" is invalid: it must be non-empty, not an integer, and contain no ":"`,
    )
  }
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

/** Validates define() options once, so a typo in wiring fails at start-up, not at the first failure. */
export function resolveDefinition(options: JobDefinitionOptions, defaults: JobDefaults): JobDefaults {
  const resolved = {
    attempts: options.attempts ?? defaults.attempts,
    backoffMs: options.backoffMs ?? defaults.backoffMs,
    concurrency: options.concurrency ?? defaults.concurrency,
    jitter: defaults.jitter,
    maxBackoffMs: options.maxBackoffMs ?? defaults.maxBackoffMs ?? 0,
  }
  if (!Number.isInteger(resolved.attempts) || resolved.attempts < 1)
    throw new Error('attempts must be an integer ≥ 1')
  if (!(resolved.backoffMs >= 0)) throw new Error('backoffMs must be ≥ 0')
  if (!(resolved.maxBackoffMs >= 0)) throw new Error('maxBackoffMs must be ≥ 0')
  if (!Number.isInteger(resolved.concurrency) || resolved.concurrency < 1) {
    throw new Error('concurrency must be an integer ≥ 1')
  }
  return resolved
}
