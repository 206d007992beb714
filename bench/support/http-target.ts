/**
 * A server process for bench/http.bench.ts: `bare` is a minimal fastify route; `hub` is the real
 * app (auth with jose + token cache, schema validation, Redis-backed per-principal rate limit,
 * metrics, problem+json) answering GET /v1/whoami. Prints `READY <port> [<token>]` when listening.
 */
import Fastify from 'fastify'
import { createLocalJWKSet } from 'jose'
import { createDevIssuerFromKey, generateDevKey } from '../../platform/auth/dev-issuer.ts'
import { createTokenVerifier } from '../../platform/auth/token-verifier.ts'
import { loadConfig } from '../../platform/config/config.ts'
import { buildApp } from '../../platform/http/build-app.ts'
import { BENCH_REDIS_URL, benchDatabaseUrl } from './bench-services.ts'

const kind = process.argv[2]
if (kind === 'bare') {
  const app = Fastify()
  app.get('/noop', async () => ({ ok: true }))
  await app.listen({ host: '127.0.0.1', port: 0 })
  console.log(`READY ${(app.server.address() as { port: number }).port}`)
} else {
  const issuer = await createDevIssuerFromKey(await generateDevKey('bench'), 'urn:bench', 'data-exchange-hub')
  const config = loadConfig({
    DATABASE_URL: benchDatabaseUrl('postgres'),
    KAFKA_BROKERS: '127.0.0.1:9', // replaced below: the no-op route publishes nothing
    REDIS_URL: BENCH_REDIS_URL,
    AUTH_JWKS: JSON.stringify(issuer.jwks),
    AUTH_ISSUER: 'urn:bench',
    RATE_LIMIT_PER_MINUTE: '10000000',
    LOG_LEVEL: 'silent',
    AUDIT_SUBJECT_KEY: 'bench-audit-subject-key-0123456789abcdef',
  })
  const verifier = createTokenVerifier(createLocalJWKSet(issuer.jwks), {
    issuer: 'urn:bench',
    audience: 'data-exchange-hub',
    cacheSize: 10_000,
  })
  const app = await buildApp({ config: { ...config, kafkaBrokers: [] }, verifier })
  await app.listen({ host: '127.0.0.1', port: 0 })
  const token = await issuer.issue({
    subject: 'bench',
    department: 'lf-bench',
    roles: ['consumer'],
    district: null,
  })
  console.log(`READY ${(app.server.address() as { port: number }).port} ${token}`)
}
