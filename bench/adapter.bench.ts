/**
 * Added latency of calling a department system through an adapter (http-client factory: limiter,
 * breaker, metrics; dialect mapping; canonical schema validation) over a bare undici request to the
 * same simulator. The simulator runs in its own process, as a department system would.
 * Target (issue 6): added p50 ≤ 3 ms.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { once } from 'node:events'
import path from 'node:path'
import { createInterface } from 'node:readline'
import { Registry } from 'prom-client'
import { Pool } from 'undici'
import { buildAdapterRegistry } from '../adapters/adapter-registry.ts'
import { hrssAdapterModule } from '../adapters/hrss/hrss-adapter.ts'
import { HRSS_DEMO_APP_KEY } from '../adapters/hrss/hrss-simulator.ts'
import { demoWorld } from '../adapters/simulator-kit/demo-population.ts'
import { createHttpClientFactory } from '../platform/http-client/http-client-factory.ts'
import type { BenchModule } from './run.ts'

const SIMULATOR = path.join(import.meta.dirname, '..', 'adapters', 'hrss', 'hrss-simulator.ts')
const CONCURRENCY = 10
const CALLS = 4_000
const WARMUP = 500

async function startSimulatorProcess(): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', SIMULATOR, '0'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  for await (const line of createInterface({ input: child.stdout! })) {
    const url = /listening on (\S+)/.exec(line)?.[1]
    if (url) return { child, url }
  }
  throw new Error('the hrss simulator exited before it was ready')
}

/** Runs `calls` calls of `fn` with `CONCURRENCY` workers; returns each call's latency in ms, sorted. */
async function measure(calls: number, fn: (i: number) => Promise<unknown>): Promise<number[]> {
  const latencies: number[] = []
  let next = 0
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < calls) {
        const i = next++
        const started = performance.now()
        await fn(i)
        latencies.push(performance.now() - started)
      }
    }),
  )
  return latencies.sort((a, b) => a - b)
}

const pct = (sorted: number[], p: number) =>
  Number(sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!.toFixed(3))

const bench: BenchModule = {
  name: 'adapter',
  async run(report) {
    const { child, url } = await startSimulatorProcess()
    const ids = demoWorld().people.map((p) => p.residentId)
    const pool = new Pool(url, { connections: CONCURRENCY })
    const http = createHttpClientFactory({ registry: new Registry() })
    const adapter = buildAdapterRegistry({
      modules: [hrssAdapterModule],
      env: {
        ADAPTER_HRSS_URL: url,
        ADAPTER_HRSS_TOKEN: HRSS_DEMO_APP_KEY,
        ADAPTER_HRSS_MAX_CONCURRENCY: String(CONCURRENCY),
      },
      http,
    }).get('hrss')
    try {
      const direct = async (i: number) => {
        const res = await pool.request({
          path: `/hrss/api/v1/cbxx?sfzhm=${ids[i % ids.length]}`,
          method: 'GET',
          headers: { 'x-app-key': HRSS_DEMO_APP_KEY },
        })
        return res.body.json()
      }
      const through = (i: number) =>
        adapter.lookupBySubject!('social-insurance-enrolment', {
          idType: 'resident-id',
          idNumber: ids[i % ids.length]!,
        })

      await measure(WARMUP, direct)
      await measure(WARMUP, through)
      // Alternate the two so drift on a shared machine affects both alike; keep the second round.
      let bare: number[] = []
      let adapted: number[] = []
      for (let round = 0; round < 2; round++) {
        bare = await measure(CALLS, direct)
        adapted = await measure(CALLS, through)
      }
      const row = (name: string, l: number[]) => ({
        case: name,
        concurrency: CONCURRENCY,
        calls: CALLS,
        p50Ms: pct(l, 0.5),
        p99Ms: pct(l, 0.99),
      })
      report(row('bare undici request to the hrss simulator (GET cbxx, JSON parse)', bare))
      report(row('through the hrss adapter (factory + breaker + mapping + schema validation)', adapted))
      const addedP50 = Number((pct(adapted, 0.5) - pct(bare, 0.5)).toFixed(3))
      report({
        case: 'added latency of the adapter',
        addedP50Ms: addedP50,
        addedP99Ms: Number((pct(adapted, 0.99) - pct(bare, 0.99)).toFixed(3)),
        target: 'added p50 <= 3 ms',
        met: addedP50 <= 3,
      })
    } finally {
      await http.close()
      await pool.close()
      child.kill()
      await once(child, 'exit')
    }
  },
}
export default bench
