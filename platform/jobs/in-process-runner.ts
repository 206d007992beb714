import { NotFoundError } from '../errors/app-error.ts'
import { backoffDelay } from '../retry/backoff.ts'
import {
  assertJobId,
  assertJobName,
  type DeadLetter,
  type EnqueueOptions,
  errorMessage,
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

/**
 * The embedded default: the JobRunner contract in memory, for `npm start` on a machine with no
 * Redis. Same retry, backoff and dead-letter rules as BullMQ, but nothing survives a restart, and
 * only one process consumes — which is why it is never used when REDIS_URL is set.
 */

export interface InProcessRunnerOptions {
  defaults?: Partial<JobDefaults>
  log?: JobLogger
  /** Intervals that replace the ones `repeat` is given, by job name (config `JOBS_EVERY_MS`). */
  everyMs?: Readonly<Record<string, number>>
}

type State = 'waiting' | 'delayed' | 'active' | 'failed'

interface Entry {
  id: string
  data: unknown
  attemptsMade: number
  state: State
  failedReason: string
  failedAt: number
  timer: NodeJS.Timeout | null
  /** Set by a schedule, so it does not enqueue again while its previous run is pending. */
  onSettled?: () => void
}

interface Lane {
  name: string
  handler: JobHandler<unknown>
  settings: JobDefaults
  /** Every job not yet completed, by id; Map order = insertion order, which keeps FIFO cheap. */
  entries: Map<string, Entry>
  waiting: Entry[]
  active: number
  /** Ids of recently completed jobs: enqueueing one of them again is a no-op, as in BullMQ. */
  completed: Set<string>
  schedule: NodeJS.Timeout | null
}

const SILENT: JobLogger = { warn() {}, error() {} }

export class InProcessRunner implements JobRunner {
  readonly kind = 'in-process'
  private readonly defaults: JobDefaults
  private readonly log: JobLogger
  private readonly everyMs: Readonly<Record<string, number>>
  private readonly lanes = new Map<string, Lane>()
  private readonly running = new Set<Promise<void>>()
  private nextId = 1
  private started = false
  private closed = false

  constructor(options: InProcessRunnerOptions = {}) {
    this.defaults = { ...JOB_DEFAULTS, ...options.defaults }
    this.log = options.log ?? SILENT
    this.everyMs = options.everyMs ?? {}
  }

  define<T>(name: string, handler: JobHandler<T>, options: JobDefinitionOptions = {}): void {
    assertJobName(name)
    if (this.lanes.has(name)) throw new Error(`Job "${name}" is already defined`)
    this.lanes.set(name, {
      name,
      handler: handler as JobHandler<unknown>,
      settings: resolveDefinition(options, this.defaults),
      entries: new Map(),
      waiting: [],
      active: 0,
      completed: new Set(),
      schedule: null,
    })
  }

  async enqueue<T>(name: string, data: T, options: EnqueueOptions = {}): Promise<{ id: string }> {
    const lane = this.lane(name)
    if (this.closed) throw new Error('Job runner is closed')
    if (options.jobId !== undefined) {
      assertJobId(options.jobId)
      if (lane.entries.has(options.jobId) || lane.completed.has(options.jobId)) return { id: options.jobId }
    }
    const entry: Entry = {
      id: options.jobId ?? String(this.nextId++),
      data,
      attemptsMade: 0,
      state: 'waiting',
      failedReason: '',
      failedAt: 0,
      timer: null,
    }
    lane.entries.set(entry.id, entry)
    if (options.delayMs && options.delayMs > 0) this.delay(lane, entry, options.delayMs)
    else this.makeReady(lane, entry)
    return { id: entry.id }
  }

  async repeat<T>(name: string, data: T, everyMs: number): Promise<void> {
    const lane = this.lane(name)
    if (lane.schedule) clearInterval(lane.schedule)
    let pending = false
    const tick = () => {
      // Like a BullMQ job scheduler: the next run is not queued while the previous one is pending.
      if (pending || this.closed) return
      pending = true
      const id = String(this.nextId++)
      const entry: Entry = {
        id,
        data,
        attemptsMade: 0,
        state: 'waiting',
        failedReason: '',
        failedAt: 0,
        timer: null,
      }
      entry.onSettled = () => {
        pending = false
      }
      lane.entries.set(id, entry)
      this.makeReady(lane, entry)
    }
    lane.schedule = setInterval(tick, this.everyMs[name] ?? everyMs)
    lane.schedule.unref()
    tick()
  }

  async startWorkers(): Promise<void> {
    if (this.closed) throw new Error('Job runner is closed')
    this.started = true
    for (const lane of this.lanes.values()) this.pump(lane)
  }

  async deadLetters(queue?: string, limit = 100): Promise<DeadLetter[]> {
    const lanes = [...this.lanes.values()].filter((lane) => queue === undefined || lane.name === queue)
    const out: DeadLetter[] = []
    for (const lane of lanes) {
      for (const entry of lane.entries.values()) {
        if (entry.state !== 'failed') continue
        out.push({
          queue: lane.name,
          id: entry.id,
          name: lane.name,
          data: entry.data,
          failedReason: entry.failedReason,
          attemptsMade: entry.attemptsMade,
          failedAt: new Date(entry.failedAt).toISOString(),
        })
      }
    }
    return out.sort((a, b) => b.failedAt.localeCompare(a.failedAt)).slice(0, limit)
  }

  async retryDeadLetter(queue: string, id: string): Promise<void> {
    const entry = this.lanes.get(queue)?.entries.get(id)
    if (entry?.state !== 'failed') {
      throw new NotFoundError('job-not-found', `No dead-lettered job "${id}" in queue "${queue}"`)
    }
    const lane = this.lane(queue)
    // Move to the back of the line, as BullMQ does, with a fresh set of attempts.
    lane.entries.delete(id)
    lane.entries.set(id, entry)
    entry.attemptsMade = 0
    entry.failedReason = ''
    this.makeReady(lane, entry)
  }

  async depth(): Promise<Record<string, QueueDepth>> {
    const out: Record<string, QueueDepth> = {}
    for (const lane of this.lanes.values()) {
      const depth: QueueDepth = { waiting: 0, active: 0, delayed: 0, failed: 0 }
      for (const entry of lane.entries.values()) depth[entry.state]++
      out[lane.name] = depth
    }
    return out
  }

  async ping(): Promise<void> {}

  async close(): Promise<void> {
    this.closed = true
    for (const lane of this.lanes.values()) {
      if (lane.schedule) clearInterval(lane.schedule)
      lane.schedule = null
      // Delayed and waiting jobs are dropped: memory is all this runner has (see the class comment).
      for (const entry of lane.entries.values()) if (entry.timer) clearTimeout(entry.timer)
    }
    while (this.running.size > 0) await Promise.allSettled([...this.running])
  }

  private makeReady(lane: Lane, entry: Entry): void {
    entry.state = 'waiting'
    entry.timer = null
    lane.waiting.push(entry)
    this.pump(lane)
  }

  private delay(lane: Lane, entry: Entry, ms: number): void {
    entry.state = 'delayed'
    // After close() nothing will run it, and a live timer would only hold the process open.
    entry.timer = this.closed ? null : setTimeout(() => this.makeReady(lane, entry), ms)
  }

  private pump(lane: Lane): void {
    while (
      this.started &&
      !this.closed &&
      lane.active < lane.settings.concurrency &&
      lane.waiting.length > 0
    ) {
      const entry = lane.waiting.shift()!
      const run = this.run(lane, entry).finally(() => {
        this.running.delete(run)
        lane.active--
        this.pump(lane)
      })
      lane.active++
      this.running.add(run)
    }
  }

  private async run(lane: Lane, entry: Entry): Promise<void> {
    entry.state = 'active'
    try {
      await lane.handler(entry.data, { id: entry.id, attempt: entry.attemptsMade + 1 })
      lane.entries.delete(entry.id)
      remember(lane.completed, entry.id, KEEP_COMPLETED)
      entry.onSettled?.()
    } catch (error) {
      entry.attemptsMade++
      const reason = errorMessage(error)
      this.log.warn(
        { queue: lane.name, jobId: entry.id, attemptsMade: entry.attemptsMade, reason },
        'job attempt failed',
      )
      if (entry.attemptsMade < lane.settings.attempts) {
        this.delay(
          lane,
          entry,
          backoffDelay(entry.attemptsMade, {
            baseMs: lane.settings.backoffMs,
            capMs: lane.settings.maxBackoffMs,
            jitter: lane.settings.jitter,
          }),
        )
        return
      }
      entry.state = 'failed'
      entry.failedReason = reason
      entry.failedAt = Date.now()
      entry.onSettled?.()
      this.trimFailed(lane)
    }
  }

  /** Keeps at most KEEP_FAILED dead letters per queue, dropping the oldest, like removeOnFail. */
  private trimFailed(lane: Lane): void {
    let failed = 0
    for (const entry of lane.entries.values()) if (entry.state === 'failed') failed++
    for (const entry of lane.entries.values()) {
      if (failed <= KEEP_FAILED) break
      if (entry.state !== 'failed') continue
      lane.entries.delete(entry.id)
      failed--
    }
  }

  private lane(name: string): Lane {
    const lane = this.lanes.get(name)
    if (!lane) throw new Error(`Job "${name}" is not defined`)
    return lane
  }
}

/** A bounded set: insertion order makes the first element the oldest. */
function remember(set: Set<string>, id: string, max: number): void {
  set.add(id)
  if (set.size > max) set.delete(set.values().next().value!)
}
