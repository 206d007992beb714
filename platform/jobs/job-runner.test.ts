import { setTimeout as sleep } from 'node:timers/promises'
import { Queue } from 'bullmq'
import { Redis } from 'ioredis'
import { afterAll, afterEach, describe, expect, it } from 'vitest'
import { redisUrl } from '../../test/support/test-services.ts'
import { InputError, NotFoundError } from '../errors/app-error.ts'
import { BullmqRunner } from './bullmq-runner.ts'
import { InProcessRunner } from './in-process-runner.ts'
import type { JobContext, JobDefaults, JobRunner } from './job-runner.ts'

// One key prefix per test file run (and a suffix per runner), so parallel files never share queues.
const FILE_PREFIX = `hub-test-jobs-${process.pid}-${Date.now().toString(36)}`
let runnerCount = 0

interface RunnerCase {
  kind: JobRunner['kind']
  create(
    defaults?: Partial<JobDefaults>,
    everyMs?: Record<string, number>,
  ): { runner: JobRunner; prefix: string }
}

const cases: RunnerCase[] = [
  {
    kind: 'bullmq',
    create(defaults, everyMs) {
      const prefix = `${FILE_PREFIX}-${runnerCount++}`
      return {
        runner: new BullmqRunner({ redis: redisUrl(), prefix, everyMs, ...(defaults ? { defaults } : {}) }),
        prefix,
      }
    },
  },
  {
    kind: 'in-process',
    create(defaults, everyMs) {
      return { runner: new InProcessRunner({ everyMs, ...(defaults ? { defaults } : {}) }), prefix: '' }
    },
  },
]

function deferred<T = void>(): { promise: Promise<T>; resolve(value: T): void } {
  let resolve!: (value: T) => void
  const promise = new Promise<T>((r) => {
    resolve = r
  })
  return { promise, resolve }
}

async function within<T>(promise: Promise<T>, ms = 10_000): Promise<T> {
  return Promise.race([
    promise,
    sleep(ms).then(() => {
      throw new Error(`timed out after ${ms} ms`)
    }),
  ])
}

/** Polls until `check` stops throwing: for state that settles asynchronously (a job reaching failed). */
async function eventually<T>(check: () => Promise<T>, ms = 10_000): Promise<T> {
  const deadline = Date.now() + ms
  for (;;) {
    try {
      return await check()
    } catch (error) {
      if (Date.now() > deadline) throw error
      await sleep(20)
    }
  }
}

const open: JobRunner[] = []

afterEach(async () => {
  await Promise.all(open.splice(0).map((runner) => runner.close()))
})

afterAll(async () => {
  const redis = new Redis(redisUrl())
  const keys = await redis.keys(`${FILE_PREFIX}*`)
  if (keys.length > 0) await redis.del(...keys)
  await redis.quit()
})

describe.each(cases)('$kind runner', (runnerCase) => {
  function start(defaults?: Partial<JobDefaults>, everyMs?: Record<string, number>) {
    const made = runnerCase.create(defaults, everyMs)
    open.push(made.runner)
    return made
  }

  it('retries a failing job with growing backoff until it succeeds', async () => {
    const { runner } = start()
    const runs: { at: number; attempt: number }[] = []
    const done = deferred()
    runner.define<{ grantId: string }>(
      'flaky',
      async (_data, job) => {
        runs.push({ at: Date.now(), attempt: job.attempt })
        if (job.attempt < 3) throw new Error(`upstream not ready (attempt ${job.attempt})`)
        done.resolve()
      },
      { attempts: 5, backoffMs: 200 },
    )
    await runner.startWorkers()
    await runner.enqueue('flaky', { grantId: 'g-1' })
    await within(done.promise)

    expect(runs.map((r) => r.attempt)).toEqual([1, 2, 3])
    const [first, second, third] = runs.map((r) => r.at) as [number, number, number]
    // Exponential with 25 % jitter: first gap in [150, 200] ms, second in [300, 400] ms (+ latency).
    expect(second - first).toBeGreaterThanOrEqual(145)
    expect(third - second).toBeGreaterThanOrEqual(295)
    expect(third - second).toBeGreaterThan(second - first)
    expect(await runner.deadLetters('flaky')).toEqual([])
  })

  it('dead-letters a job that always fails, then completes it after an operator retry', async () => {
    const { runner } = start()
    let fixed = false
    let calls = 0
    const completed = deferred<JobContext>()
    runner.define<{ caseNo: string }>(
      'push-province',
      async (_data, job) => {
        calls++
        if (!fixed) throw new Error('provincial platform unreachable')
        completed.resolve(job)
      },
      { attempts: 3, backoffMs: 20 },
    )
    await runner.startWorkers()
    const { id } = await runner.enqueue('push-province', { caseNo: 'C-2024-0001' })

    const [letter] = await eventually(async () => {
      const letters = await runner.deadLetters('push-province')
      expect(letters).toHaveLength(1)
      return letters
    })
    expect(letter).toMatchObject({
      queue: 'push-province',
      id,
      name: 'push-province',
      data: { caseNo: 'C-2024-0001' },
      failedReason: 'provincial platform unreachable',
      attemptsMade: 3,
    })
    expect(Math.abs(Date.parse(letter!.failedAt) - Date.now())).toBeLessThan(10_000)
    expect(calls).toBe(3)
    expect((await runner.depth())['push-province']).toMatchObject({ failed: 1, waiting: 0, active: 0 })

    fixed = true
    await runner.retryDeadLetter('push-province', id)
    const job = await within(completed.promise)
    expect(job).toEqual({ id, attempt: 1 })
    await eventually(async () => expect(await runner.deadLetters()).toEqual([]))
    await expect(runner.retryDeadLetter('push-province', id)).rejects.toBeInstanceOf(NotFoundError)
    await expect(runner.retryDeadLetter('no-such-queue', id)).rejects.toBeInstanceOf(NotFoundError)
  })

  it('closes gracefully: waits for the running job and loses none', async () => {
    const { runner, prefix } = start()
    const started = deferred()
    let finished = false
    runner.define('slow', async () => {
      started.resolve()
      await sleep(300)
      finished = true
    })
    await runner.startWorkers()
    const first = await runner.enqueue('slow', {})
    await within(started.promise)
    const second = await runner.enqueue('slow', {})

    const closeStarted = Date.now()
    await runner.close()
    expect(finished).toBe(true)
    expect(Date.now() - closeStarted).toBeGreaterThanOrEqual(200)

    if (runnerCase.kind === 'bullmq') {
      // The finished job is recorded as completed and the untouched one still waits in Redis.
      const client = new Redis(redisUrl(), { maxRetriesPerRequest: null })
      const queue = new Queue('slow', { connection: client, prefix })
      expect(await queue.getJobState(first.id)).toBe('completed')
      expect(await queue.getJobState(second.id)).toBe('waiting')
      await queue.close()
      await client.quit()
    }
  })

  it('runs a job enqueued twice with the same jobId once', async () => {
    const { runner } = start()
    let runs = 0
    const done = deferred()
    runner.define('expire-grant', async () => {
      runs++
      done.resolve()
    })
    await runner.startWorkers()
    const a = await runner.enqueue('expire-grant', { grantId: 'g-7' }, { jobId: 'expire-grant-g-7' })
    const b = await runner.enqueue('expire-grant', { grantId: 'g-7' }, { jobId: 'expire-grant-g-7' })
    await within(done.promise)
    // Still a no-op once completed, while the completed job is retained.
    await runner.enqueue('expire-grant', { grantId: 'g-7' }, { jobId: 'expire-grant-g-7' })
    await sleep(150)
    expect(a.id).toBe('expire-grant-g-7')
    expect(b.id).toBe(a.id)
    expect(runs).toBe(1)
    await expect(runner.enqueue('expire-grant', {}, { jobId: '42' })).rejects.toBeInstanceOf(InputError)
    await expect(runner.enqueue('expire-grant', {}, { jobId: 'grant:7' })).rejects.toBeInstanceOf(InputError)
  })

  it('reports depth before workers start, and runs schedules', async () => {
    const { runner } = start()
    let ticks = 0
    runner.define('sync-adapter', async () => {})
    runner.define('heartbeat', async () => {
      ticks++
    })
    await runner.enqueue('sync-adapter', {})
    await runner.enqueue('sync-adapter', {}, { delayMs: 60_000 })
    expect((await runner.depth())['sync-adapter']).toEqual({ waiting: 1, active: 0, delayed: 1, failed: 0 })

    await runner.repeat('heartbeat', {}, 100)
    await runner.repeat('heartbeat', {}, 100) // replaces, does not add a second schedule
    await runner.startWorkers()
    await eventually(async () => expect(ticks).toBeGreaterThanOrEqual(3))
    expect(() => runner.define('Bad:Name', async () => {})).toThrow()
    await expect(runner.enqueue('never-defined', {})).rejects.toThrow(/not defined/)
  })
  it('runs a schedule at the configured interval instead of its own (JOBS_EVERY_MS)', async () => {
    const { runner } = start(undefined, { heartbeat: 100 })
    let ticks = 0
    runner.define('heartbeat', async () => {
      ticks++
    })
    await runner.repeat('heartbeat', {}, 3_600_000)
    await runner.startWorkers()
    await eventually(async () => expect(ticks).toBeGreaterThanOrEqual(3), 5_000)
  })
})
