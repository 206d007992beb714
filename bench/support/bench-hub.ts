import type { FastifyInstance } from 'fastify'
import { createLocalJWKSet } from 'jose'
import { buildApp } from '../../hub/build-app.ts'
import { createDevIssuerFromKey, type DevIssuer, generateDevKey } from '../../platform/auth/dev-issuer.ts'
import { createTokenVerifier } from '../../platform/auth/token-verifier.ts'
import { loadConfig } from '../../platform/config/config.ts'
import { BENCH_REDIS_URL, benchDatabaseUrl } from './bench-services.ts'

const ISSUER = 'urn:bench'
const AUDIENCE = 'data-exchange-hub'

/**
 * The real hub app for a benchmark, on the given bench database and the real Redis, with its own
 * token issuer. No Kafka: the measured paths publish nothing, so events stay in-process. The rate
 * limit is out of the way so the bench measures the work, not the refusals.
 */
export async function buildBenchHub(
  database: string,
  env: Record<string, string> = {},
): Promise<{ app: FastifyInstance; issuer: DevIssuer }> {
  const issuer = await createDevIssuerFromKey(await generateDevKey('bench'), ISSUER, AUDIENCE)
  const config = loadConfig({
    DATABASE_URL: benchDatabaseUrl(database),
    KAFKA_BROKERS: '127.0.0.1:9', // replaced below
    REDIS_URL: BENCH_REDIS_URL,
    AUTH_JWKS: JSON.stringify(issuer.jwks),
    AUTH_ISSUER: ISSUER,
    RATE_LIMIT_PER_MINUTE: '10000000',
    LOG_LEVEL: 'silent',
    AUDIT_SUBJECT_KEY: 'bench-audit-subject-key-0123456789abcdef',
    // Bench tokens name departments some benches never register; a known one costs a map look-up.
    AUTH_REQUIRE_KNOWN_DEPARTMENT: 'false',
    ...env,
  })
  const verifier = createTokenVerifier(createLocalJWKSet(issuer.jwks), {
    issuer: ISSUER,
    audience: AUDIENCE,
    cacheSize: 10_000,
  })
  const app = await buildApp({ config: { ...config, kafkaBrokers: [] }, verifier, adapterEnv: {} })
  return { app, issuer }
}

/** Listens on a free loopback port and prints `READY <port> <token>` for the parent process. */
export async function serveBenchHub(app: FastifyInstance, token: string): Promise<void> {
  await app.listen({ host: '127.0.0.1', port: 0 })
  console.log(`READY ${(app.server.address() as { port: number }).port} ${token}`)
}
