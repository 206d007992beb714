import { type ChildProcess, spawn } from 'node:child_process'
import { once } from 'node:events'
import path from 'node:path'
import { createInterface } from 'node:readline'
import autocannon from 'autocannon'
import type { BenchModule } from './run.ts'

const TARGET = path.join(import.meta.dirname, 'support', 'http-target.ts')
const CONNECTIONS = 50
const DURATION_S = 10

async function startTarget(
  kind: 'bare' | 'hub',
): Promise<{ child: ChildProcess; port: number; token?: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', TARGET, kind], {
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  for await (const line of createInterface({ input: child.stdout! })) {
    const [word, port, token] = line.split(' ')
    if (word === 'READY') return { child, port: Number(port), ...(token ? { token } : {}) }
  }
  throw new Error(`${kind} target exited before it was ready`)
}

async function load(url: string, headers: Record<string, string> = {}) {
  // Warm-up, then the measured run.
  await autocannon({ url, connections: CONNECTIONS, duration: 2, headers })
  const result = await autocannon({ url, connections: CONNECTIONS, duration: DURATION_S, headers })
  return {
    reqPerSec: Math.round(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
  }
}

const bench: BenchModule = {
  name: 'http',
  async run(report) {
    const bare = await startTarget('bare')
    const bareResult = await load(`http://127.0.0.1:${bare.port}/noop`)
    bare.child.kill()
    await once(bare.child, 'exit')
    report({ case: 'bare fastify route', connections: CONNECTIONS, durationS: DURATION_S, ...bareResult })

    const hub = await startTarget('hub')
    const hubResult = await load(`http://127.0.0.1:${hub.port}/v1/whoami`, {
      authorization: `Bearer ${hub.token}`,
    })
    hub.child.kill()
    await once(hub.child, 'exit')
    report({
      case: 'hub authenticated no-op (GET /v1/whoami)',
      connections: CONNECTIONS,
      durationS: DURATION_S,
      ...hubResult,
    })

    const ratio = hubResult.reqPerSec / bareResult.reqPerSec
    report({ case: 'ratio hub/bare', ratio: Number(ratio.toFixed(3)), target: '>= 0.6', met: ratio >= 0.6 })
  },
}
export default bench
