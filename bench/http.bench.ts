import { type ChildProcess, spawn } from 'node:child_process'
import { once } from 'node:events'
import path from 'node:path'
import { createInterface } from 'node:readline'
import autocannon from 'autocannon'
import { HUB_NODE_FLAGS } from '../platform/server/node-flags.ts'
import type { BenchModule } from './run.ts'

const TARGET = path.join(import.meta.dirname, 'support', 'http-target.ts')
const CONNECTIONS = 50
const ROUNDS = 3
const ROUND_S = 5

interface Target {
  child: ChildProcess
  url: string
  headers: Record<string, string>
}

async function startTarget(kind: 'bare' | 'hub'): Promise<Target> {
  const child = spawn(process.execPath, [...HUB_NODE_FLAGS, '--import', 'tsx', TARGET, kind], {
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  for await (const line of createInterface({ input: child.stdout! })) {
    const [word, port, token] = line.split(' ')
    if (word !== 'READY') continue
    return kind === 'bare'
      ? { child, url: `http://127.0.0.1:${port}/noop`, headers: {} }
      : { child, url: `http://127.0.0.1:${port}/v1/whoami`, headers: { authorization: `Bearer ${token}` } }
  }
  throw new Error(`${kind} target exited before it was ready`)
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!

/**
 * Both servers run at once (each in its own process) and are loaded in alternating rounds, so a
 * busy machine slows both alike; the ratio is of the medians.
 */
const bench: BenchModule = {
  name: 'http',
  async run(report) {
    const targets = { bare: await startTarget('bare'), hub: await startTarget('hub') }
    const results = { bare: [] as autocannon.Result[], hub: [] as autocannon.Result[] }
    try {
      for (const t of Object.values(targets)) {
        await autocannon({ url: t.url, headers: t.headers, connections: CONNECTIONS, duration: 2 }) // warm-up
      }
      for (let round = 0; round < ROUNDS; round++) {
        for (const kind of ['bare', 'hub'] as const) {
          const t = targets[kind]
          results[kind].push(
            await autocannon({ url: t.url, headers: t.headers, connections: CONNECTIONS, duration: ROUND_S }),
          )
        }
      }
    } finally {
      for (const t of Object.values(targets)) {
        t.child.kill()
        await once(t.child, 'exit')
      }
    }
    const summary = (kind: 'bare' | 'hub') => ({
      reqPerSec: Math.round(median(results[kind].map((r) => r.requests.average))),
      p50Ms: median(results[kind].map((r) => r.latency.p50)),
      p99Ms: median(results[kind].map((r) => r.latency.p99)),
      rounds: results[kind].map((r) => Math.round(r.requests.average)),
      non2xx: results[kind].reduce((n, r) => n + r.non2xx, 0),
    })
    const bare = summary('bare')
    const hub = summary('hub')
    report({ case: 'bare fastify route', connections: CONNECTIONS, ...bare })
    report({ case: 'hub authenticated no-op (GET /v1/whoami)', connections: CONNECTIONS, ...hub })
    const ratio = hub.reqPerSec / bare.reqPerSec
    report({
      case: 'ratio hub/bare (medians)',
      ratio: Number(ratio.toFixed(3)),
      target: '>= 0.6',
      met: ratio >= 0.6,
    })
  },
}
export default bench
