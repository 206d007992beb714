import { type ChildProcess, execFileSync, spawn } from 'node:child_process'
import { once } from 'node:events'
import { mkdtemp, readdir, readFile, readlink, rm, writeFile } from 'node:fs/promises'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { HUB_NODE_FLAGS } from '../../platform/server/node-flags.ts'

/**
 * Several real hub processes (`hub/cli/start.ts` in services mode, as `npm start` runs them) on
 * the same PostgreSQL, Kafka and Redis, behind one HAProxy on loopback — for the multi-instance
 * end-to-end test and `npm run bench -- scale`. Every process it starts is stopped by `stop()`, and
 * killed when the calling process exits, so a failing test leaves nothing running.
 */

const ROOT = path.resolve(import.meta.dirname, '../..')
const START = path.join(ROOT, 'hub/cli/start.ts')
// Generous: on a shared 2-core machine, loading the TypeScript sources alone can take half a minute.
const READY_TIMEOUT_MS = 240_000

export interface HubClusterOptions {
  /** Environment of every hub (DATABASE_URL, KAFKA_BROKERS, REDIS_URL, AUTH_JWKS …); PORT is set per hub. */
  env: Record<string, string>
  instances: number
}

export interface HubInstance {
  readonly index: number
  readonly port: number
  readonly url: string
  child: ChildProcess | undefined
  /** The last lines the process wrote, for failure messages. */
  readonly output: string[]
}

/** Where HAProxy is, or a clear error naming the package (the multi-instance test never skips). */
export function haproxyBinary(): string {
  try {
    return execFileSync('sh', ['-c', 'command -v haproxy'], { encoding: 'utf8' }).trim()
  } catch {
    throw new Error('haproxy is not installed: apt-get install -y haproxy (.ci/run installs it when missing)')
  }
}

export async function freePort(): Promise<number> {
  const server = net.createServer()
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  const { port } = server.address() as net.AddressInfo
  server.close()
  await once(server, 'close')
  return port
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

async function waitFor(url: string, what: string, timeoutMs: number, alive: () => boolean = () => true) {
  const end = Date.now() + timeoutMs
  // The last answer (or why there was none), for the failure message.
  let last = 'no answer yet'
  for (;;) {
    if (!alive()) throw new Error(`${what} exited before it was ready`)
    const ok = await fetch(url, { signal: AbortSignal.timeout(1_000) })
      .then(async (r) => {
        last = `${r.status} ${(await r.text()).slice(0, 500)}`
        return r.status === 200
      })
      .catch((error: Error) => {
        last = (error.cause as Error | undefined)?.message ?? error.message
        return false
      })
    if (ok) return
    if (Date.now() > end)
      throw new Error(`${what} not ready at ${url} within ${timeoutMs} ms (last: ${last})`)
    await sleep(150)
  }
}

/**
 * The HAProxy configuration: round robin, health checks on /readyz every 500 ms, connection retries.
 * A killed hub refuses connections at once (retried elsewhere); the check's own timeout is generous,
 * so a hub slowed by a busy machine is not taken out of the pool for answering late.
 */
export function haproxyConfig(frontendPort: number, backends: readonly number[]): string {
  return [
    'global',
    '  maxconn 4096',
    'defaults',
    '  mode http',
    '  timeout connect 1s',
    '  timeout client 30s',
    '  timeout server 30s',
    '  timeout check 3s',
    // A refused connection (a killed hub) is retried on another server; a request already sent is not.
    '  retries 3',
    '  option redispatch 1',
    '  retry-on conn-failure',
    'frontend hub',
    `  bind 127.0.0.1:${frontendPort}`,
    '  default_backend hubs',
    'backend hubs',
    '  balance roundrobin',
    '  option httpchk GET /readyz',
    '  http-check expect status 200',
    '  default-server inter 500 fall 3 rise 1',
    ...backends.map((port, i) => `  server hub${i} 127.0.0.1:${port} check`),
    '',
  ].join('\n')
}

export class HubCluster {
  readonly instances: HubInstance[] = []
  lbUrl = ''
  private haproxy: ChildProcess | undefined
  private dir = ''
  private readonly killAll = () => {
    for (const child of this.children()) child.kill('SIGKILL')
  }

  constructor(private readonly options: HubClusterOptions) {}

  /** Starts every hub at once, then HAProxy; resolves when the load balancer answers /readyz. */
  async start(): Promise<void> {
    haproxyBinary()
    process.once('exit', this.killAll)
    this.dir = await mkdtemp(path.join(os.tmpdir(), 'hub-cluster-'))
    for (let index = 0; index < this.options.instances; index++) {
      const port = await freePort()
      this.instances.push({ index, port, url: `http://127.0.0.1:${port}`, child: undefined, output: [] })
    }
    await Promise.all(this.instances.map((instance) => this.startInstance(instance)))
    await this.balance(this.instances.length)
  }

  /** (Re)starts HAProxy in front of the first `count` hubs (the scale benchmark grows 1, 2, 3). */
  async balance(count: number): Promise<void> {
    const binary = haproxyBinary()
    await this.stopBalancer()
    const lbPort = await freePort()
    const config = path.join(this.dir, 'haproxy.cfg')
    await writeFile(
      config,
      haproxyConfig(
        lbPort,
        this.instances.slice(0, count).map((i) => i.port),
      ),
    )
    const haproxy = spawn(binary, ['-db', '-f', config], { stdio: ['ignore', 'ignore', 'pipe'] })
    this.haproxy = haproxy
    const errors: string[] = []
    haproxy.stderr?.on('data', (chunk: Buffer) => errors.push(chunk.toString()))
    this.lbUrl = `http://127.0.0.1:${lbPort}`
    await waitFor(`${this.lbUrl}/readyz`, 'haproxy', 10_000, () => haproxy.exitCode === null).catch(
      (error) => {
        throw new Error(`${(error as Error).message}: ${errors.join('')}`)
      },
    )
  }

  private async stopBalancer(): Promise<void> {
    const haproxy = this.haproxy
    if (!haproxy || haproxy.exitCode !== null || haproxy.signalCode !== null) return
    const exited = once(haproxy, 'exit')
    haproxy.kill('SIGTERM')
    await exited
  }

  /** (Re)starts one hub process and waits until its /readyz answers 200. */
  async startInstance(instance: HubInstance): Promise<void> {
    const child = spawn(process.execPath, [...HUB_NODE_FLAGS, '--import', 'tsx', START], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? os.tmpdir(),
        HUB_MODE: 'services',
        HOST: '127.0.0.1',
        HUB_DATA_DIR: path.join(this.dir, `hub${instance.index}`),
        ...this.options.env,
        PORT: String(instance.port),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    instance.child = child
    const keep = (chunk: Buffer) => {
      instance.output.push(...chunk.toString().split('\n').filter(Boolean))
      instance.output.splice(0, Math.max(0, instance.output.length - 40))
    }
    child.stdout?.on('data', keep)
    child.stderr?.on('data', keep)
    await waitFor(
      `${instance.url}/readyz`,
      `hub ${instance.index}`,
      READY_TIMEOUT_MS,
      () => child.exitCode === null && child.signalCode === null,
    ).catch((error) => {
      throw new Error(`${(error as Error).message}\n${instance.output.join('\n')}`)
    })
  }

  /**
   * The hub whose process owns the local TCP port `port` of a connection to PostgreSQL (the
   * `client_port` of a backend in pg_stat_activity): found through the socket inodes in /proc.
   */
  async owningPort(port: number): Promise<HubInstance | undefined> {
    const hex = port.toString(16).toUpperCase().padStart(4, '0')
    const inodes = new Set<string>()
    for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
      const text = await readFile(table, 'utf8').catch(() => '')
      for (const line of text.split('\n').slice(1)) {
        const fields = line.trim().split(/\s+/)
        if (fields[1]?.endsWith(`:${hex}`)) inodes.add(`socket:[${fields[9]}]`)
      }
    }
    for (const instance of this.instances) {
      const pid = instance.child?.pid
      if (!pid || instance.child?.exitCode !== null) continue
      const fds = await readdir(`/proc/${pid}/fd`).catch(() => [] as string[])
      for (const fd of fds) {
        const target = await readlink(`/proc/${pid}/fd/${fd}`).catch(() => '')
        if (inodes.has(target)) return instance
      }
    }
    return undefined
  }

  /** SIGKILL: no graceful shutdown, open connections and the relay lock session just vanish. */
  async kill(index: number): Promise<void> {
    const child = this.instances[index]?.child
    if (!child || child.exitCode !== null || child.signalCode !== null) return
    const exited = once(child, 'exit')
    child.kill('SIGKILL')
    await exited
  }

  /** Stops every hub (SIGTERM, then SIGKILL after 10 s) and HAProxy; safe to call after a failure. */
  async stop(): Promise<void> {
    await Promise.all(
      this.children().map(async (child) => {
        const exited = once(child, 'exit')
        child.kill('SIGTERM')
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000)
        await exited
        clearTimeout(timer)
      }),
    )
    process.removeListener('exit', this.killAll)
    if (this.dir) await rm(this.dir, { recursive: true, force: true })
  }

  private children(): ChildProcess[] {
    return [...this.instances.map((i) => i.child), this.haproxy].filter(
      (c): c is ChildProcess => c !== undefined && c.exitCode === null && c.signalCode === null,
    )
  }
}
