import { type Job, type JobsOptions, Queue, Worker } from 'bullmq'
import { Redis } from 'ioredis'
import { NotFoundError, UnavailableError } from '../errors/app-error.ts'
import { quietly } from '../redis/redis-plugin.ts'
import { backoffDelay } from '../retry/backoff.ts'
import {
  assertJobId,
  assertJobName,
  type DeadLetter,
  type EnqueueOptions,
  JOB_DEFAULTS,
  type JobDefaults,
  type JobDefinitionOptions,
  type JobHandler,
  type JobLogger,
  type JobRunner,
  KEEP_COMPLETED,
  KEEP_FAILED,
  type QueueDepth,
  resolveDefinition,
} from './job-runner.ts'

/** The backoff type of jobs with a capped delay, computed by the worker's backoffStrategy. */
const CAPPED_BACKOFF = 'hub-capped-exponential'

export interface BullmqRunnerOptions {
  /** The hub's shared command client (platform/redis), or a URL for a client of the runner's own. */
  redis: Redis | string
  /** Key prefix of every queue (`hub` → `hub:<name>:…`); tests use a unique one per file. */
  prefix?: string
  defaults?: Partial<JobDefaults>
  log?: JobLogger
  /** Longest a caller waits for Redis before getting a 503 (default 5000 ms). */
  operationTimeoutMs?: number
  /** Intervals that replace the ones `repeat` is given, by job name (config `JOBS_EVERY_MS`). */
  everyMs?: Readonly<Record<string, number>>
}

interface Definition {
  name: string
  queue: Queue
  handler: JobHandler<unknown>
  settings: JobDefaults
  jobOptions: JobsOptions
}

const SILENT: JobLogger = { warn() {}, error() {} }
/** While Redis is down every queue and worker reports each reconnect attempt; one line per interval is enough. */
const ERROR_LOG_INTERVAL_MS = 10_000

/**
 * BullMQ implementation of the JobRunner: one Queue (and, once started, one Worker) per job name.
 * Failed jobs are kept in BullMQ's failed set, which is the dead-letter view.
 *
 * Connections are ioredis instances we pass, because BullMQ can only build its own client
 * through `require`, which does not exist in this ESM app. Queues use the hub's shared client, which
 * fails fast; workers need connections of their own — their blocking reads hold a connection, and
 * BullMQ requires `maxRetriesPerRequest: null` for them — so a worker client is duplicated from the
 * shared one (and BullMQ duplicates it again per worker). Calls are also bounded in time (BullMQ waits
 * forever for a first connection), so a dead Redis gives a caller a 503, not a hung request.
 */
export class BullmqRunner implements JobRunner {
  readonly kind = 'bullmq'
  private readonly prefix: string
  private readonly defaults: JobDefaults
  private readonly log: JobLogger
  private readonly operationTimeoutMs: number
  private readonly everyMs: Readonly<Record<string, number>>
  private readonly queueClient: Redis
  /** Whether the runner made (and so closes) the queue client. */
  private readonly ownsQueueClient: boolean
  private readonly workerClient: Redis
  private readonly definitions = new Map<string, Definition>()
  private readonly workers: Worker[] = []
  private started = false
  private closing: Promise<void> | null = null
  private lastErrorLog = 0
  private suppressedErrors = 0

  constructor(options: BullmqRunnerOptions) {
    this.prefix = options.prefix ?? 'hub'
    this.defaults = { ...JOB_DEFAULTS, ...options.defaults }
    this.log = options.log ?? SILENT
    this.operationTimeoutMs = options.operationTimeoutMs ?? 5000
    this.everyMs = options.everyMs ?? {}
    this.ownsQueueClient = typeof options.redis === 'string'
    // The offline queue covers start-up; maxRetriesPerRequest: 1 fails a command after one failed reconnect.
    this.queueClient =
      typeof options.redis === 'string'
        ? new Redis(options.redis, { maxRetriesPerRequest: 1 })
        : options.redis
    // Only ever duplicated by BullMQ, so it need not hold a connection of its own.
    this.workerClient = this.queueClient.duplicate({ maxRetriesPerRequest: null, lazyConnect: true })
    for (const client of [this.queueClient, this.workerClient]) {
      // BullMQ re-emits these through the queues and workers (reported below); without a listener
      // here ioredis would also print each one to stderr.
      client.on('error', () => {})
    }
  }

  define<T>(name: string, handler: JobHandler<T>, options: JobDefinitionOptions = {}): void {
    assertJobName(name)
    if (this.definitions.has(name)) throw new Error(`Job "${name}" is already defined`)
    const settings = resolveDefinition(options, this.defaults)
    const queue = new Queue(name, { connection: this.queueClient, prefix: this.prefix })
    queue.on('error', (error) => this.reportError(error, name))
    const definition: Definition = {
      name,
      queue,
      handler: handler as JobHandler<unknown>,
      settings,
      // Passed on every add (not as queue defaults) so scheduled jobs carry them too.
      jobOptions: {
        attempts: settings.attempts,
        backoff: settings.maxBackoffMs
          ? { type: CAPPED_BACKOFF, delay: settings.backoffMs }
          : { type: 'exponential', delay: settings.backoffMs, jitter: settings.jitter },
        removeOnComplete: { count: KEEP_COMPLETED },
        removeOnFail: { count: KEEP_FAILED },
      },
    }
    this.definitions.set(name, definition)
    if (this.started) this.startWorker(definition)
  }

  async enqueue<T>(name: string, data: T, options: EnqueueOptions = {}): Promise<{ id: string }> {
    const definition = this.definition(name)
    if (options.jobId !== undefined) assertJobId(options.jobId)
    const opts: JobsOptions = { ...definition.jobOptions }
    if (options.jobId !== undefined) opts.jobId = options.jobId
    if (options.delayMs !== undefined) opts.delay = options.delayMs
    const job = await this.bounded(definition.queue.add(name, data, opts))
    return { id: job.id ?? '' }
  }

  async repeat<T>(name: string, data: T, everyMs: number): Promise<void> {
    const { queue, jobOptions } = this.definition(name)
    const every = this.everyMs[name] ?? everyMs
    // The scheduler id is the job name: one schedule per name, upserted, so restarts do not pile up
    // schedules, and every instance upserting it at start keeps one schedule: each tick is one job
    // (its id is the scheduler id and the tick's time), which one worker of one instance takes.
    await this.bounded(queue.upsertJobScheduler(name, { every }, { name, data, opts: jobOptions }))
  }

  async startWorkers(): Promise<void> {
    if (this.closing) throw new Error('Job runner is closed')
    if (this.started) return
    this.started = true
    for (const definition of this.definitions.values()) this.startWorker(definition)
    try {
      await this.bounded(Promise.all(this.workers.map((worker) => worker.waitUntilReady())))
    } catch {
      // Not fatal: the workers keep reconnecting and start consuming once Redis answers.
      this.log.warn({}, 'job workers started but Redis is not reachable yet')
    }
  }

  private startWorker(definition: Definition): void {
    const worker = new Worker(
      definition.name,
      async (job: Job) => {
        await definition.handler(job.data, { id: job.id ?? '', attempt: job.attemptsMade + 1 })
      },
      {
        connection: this.workerClient,
        prefix: this.prefix,
        concurrency: definition.settings.concurrency,
        settings: {
          // BullMQ's exponential backoff has no cap; the same formula with one (platform/retry/backoff.ts).
          backoffStrategy: (attemptsMade: number) => {
            const { backoffMs, jitter, maxBackoffMs } = definition.settings
            return backoffDelay(attemptsMade, { baseMs: backoffMs, capMs: maxBackoffMs, jitter })
          },
        },
      },
    )
    // An EventEmitter 'error' without a listener would crash the process.
    worker.on('error', (error) => this.reportError(error, definition.name))
    worker.on('failed', (job, error) => {
      // Never the job data: it may carry personal identifiers (DESIGN invariant 6).
      this.log.warn(
        { queue: definition.name, jobId: job?.id, attemptsMade: job?.attemptsMade, reason: error.message },
        'job attempt failed',
      )
    })
    this.workers.push(worker)
  }

  async deadLetters(queue?: string, limit = 100): Promise<DeadLetter[]> {
    const definitions = [...this.definitions.values()].filter((d) => queue === undefined || d.name === queue)
    const perQueue = await this.bounded(
      Promise.all(
        definitions.map(async (d) =>
          (await d.queue.getFailed(0, limit - 1)).map((job) => toDeadLetter(d.name, job)),
        ),
      ),
    )
    return perQueue
      .flat()
      .sort((a, b) => b.failedAt.localeCompare(a.failedAt))
      .slice(0, limit)
  }

  async retryDeadLetter(queue: string, id: string): Promise<void> {
    const definition = this.definitions.get(queue)
    const job = definition ? await this.bounded(definition.queue.getJob(id)) : undefined
    if (!job || (await this.bounded(job.getState())) !== 'failed') {
      throw new NotFoundError('job-not-found', `No dead-lettered job "${id}" in queue "${queue}"`)
    }
    // A fresh set of attempts: an operator retries after fixing the cause, one run would be too few.
    await this.bounded(job.retry('failed', { resetAttemptsMade: true, resetAttemptsStarted: true }))
  }

  async depth(): Promise<Record<string, QueueDepth>> {
    const entries = await this.bounded(
      Promise.all(
        [...this.definitions.values()].map(async ({ name, queue }) => {
          const c = await queue.getJobCounts('waiting', 'prioritized', 'active', 'delayed', 'failed')
          const depth: QueueDepth = {
            waiting: (c.waiting ?? 0) + (c.prioritized ?? 0),
            active: c.active ?? 0,
            delayed: c.delayed ?? 0,
            failed: c.failed ?? 0,
          }
          return [name, depth] as const
        }),
      ),
    )
    return Object.fromEntries(entries)
  }

  async ping(): Promise<void> {
    await this.bounded(this.queueClient.ping())
  }

  close(): Promise<void> {
    this.closing ??= this.shutdown()
    return this.closing
  }

  private async shutdown(): Promise<void> {
    // Workers first: Worker.close() stops fetching and waits for the jobs in hand to finish.
    await Promise.all(this.workers.map((worker) => worker.close()))
    await Promise.all([...this.definitions.values()].map((definition) => definition.queue.close()))
    // The shared client is closed by the Redis plugin, after every user of it.
    const own = this.ownsQueueClient ? [this.queueClient, this.workerClient] : [this.workerClient]
    await Promise.all(own.map((client) => quietly(client)))
  }

  private async bounded<T>(work: Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        reject(
          new UnavailableError(
            'jobs-unavailable',
            `The job queue did not answer within ${this.operationTimeoutMs} ms`,
          ),
        )
      }, this.operationTimeoutMs)
    })
    try {
      return await Promise.race([work, timeout])
    } finally {
      clearTimeout(timer)
    }
  }

  private reportError(error: Error, queue: string): void {
    const now = Date.now()
    if (now - this.lastErrorLog < ERROR_LOG_INTERVAL_MS) {
      this.suppressedErrors++
      return
    }
    this.log.error({ err: error, queue, suppressedSinceLast: this.suppressedErrors }, 'job queue error')
    this.lastErrorLog = now
    this.suppressedErrors = 0
  }

  private definition(name: string): Definition {
    const definition = this.definitions.get(name)
    if (!definition) throw new Error(`Job "${name}" is not defined`)
    return definition
  }
}

function toDeadLetter(queue: string, job: Job): DeadLetter {
  return {
    queue,
    id: job.id ?? '',
    name: job.name,
    data: job.data,
    failedReason: job.failedReason ?? '',
    attemptsMade: job.attemptsMade,
    failedAt: new Date(job.finishedOn ?? job.timestamp).toISOString(),
  }
}
