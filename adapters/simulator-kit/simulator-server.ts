import { once } from 'node:events'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface SimulatorRequest {
  method: string
  path: string
  query: URLSearchParams
  headers: IncomingMessage['headers']
  body: unknown
}

export interface SimulatorReply {
  status?: number
  body: unknown
  headers?: Record<string, string>
}

export type SimulatorRoute = (req: SimulatorRequest) => SimulatorReply | undefined

export interface RunningSimulator {
  url: string
  close(): Promise<void>
}

export interface SimulatorOptions {
  port?: number
  host?: string
}

/**
 * A tiny JSON server for department simulators: the first route that returns a reply answers; an
 * unmatched request gets `notFound`. Keeps simulators about their dialect, not about node:http.
 */
export async function serveSimulator(
  routes: SimulatorRoute[],
  notFound: SimulatorReply,
  { port = 0, host = '127.0.0.1' }: SimulatorOptions = {},
): Promise<RunningSimulator> {
  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    const text = Buffer.concat(chunks).toString('utf8')
    let body: unknown = null
    try {
      body = text === '' ? null : JSON.parse(text)
    } catch {
      body = text
    }
    const url = new URL(req.url ?? '/', 'http://simulator')
    const request = {
      method: req.method ?? 'GET',
      path: url.pathname,
      query: url.searchParams,
      headers: req.headers,
      body,
    }
    let reply = notFound
    for (const route of routes) {
      const r = route(request)
      if (r) {
        reply = r
        break
      }
    }
    res.writeHead(reply.status ?? 200, {
      'content-type': 'application/json; charset=utf-8',
      ...reply.headers,
    })
    res.end(JSON.stringify(reply.body))
  })
  server.keepAliveTimeout = 60_000
  server.listen(port, host)
  await once(server, 'listening')
  const address = server.address() as AddressInfo
  return {
    url: `http://${host}:${address.port}`,
    async close() {
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}

/** `GET /path` matcher for route tables. */
export function on(
  method: string,
  path: string,
  handler: (req: SimulatorRequest) => SimulatorReply,
): SimulatorRoute {
  return (req) => (req.method === method && req.path === path ? handler(req) : undefined)
}
