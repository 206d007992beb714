/**
 * A server process for bench/http.bench.ts: `bare` is a minimal fastify route; `hub` is the real
 * app (auth with jose + token cache, schema validation, per-principal rate limit,
 * metrics, problem+json) answering GET /v1/whoami. Prints `READY <port> [<token>]` when listening.
 */
import Fastify from 'fastify'
import { buildBenchHub, serveBenchHub } from './bench-hub.ts'

const kind = process.argv[2]
if (kind === 'bare') {
  const app = Fastify()
  app.get('/noop', async () => ({ ok: true }))
  await app.listen({ host: '127.0.0.1', port: 0 })
  console.log(`READY ${(app.server.address() as { port: number }).port}`)
} else {
  const { app, issuer } = await buildBenchHub('postgres')
  const token = await issuer.issue({
    subject: 'bench',
    department: 'lf-bench',
    roles: ['consumer'],
    district: null,
  })
  await serveBenchHub(app, token)
}
