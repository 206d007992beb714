import { randomBytes } from 'node:crypto'
import os from 'node:os'
import path from 'node:path'
import type { FastifyInstance, FastifyServerOptions } from 'fastify'
import { createLocalJWKSet } from 'jose'
import { afterAll, beforeAll, inject } from 'vitest'
import { type RunningSimulators, startAllSimulators } from '../../adapters/simulators.ts'
import { buildApp } from '../../hub/build-app.ts'
import { createDevIssuerFromKey, type DevIssuer, generateDevKey } from '../../platform/auth/dev-issuer.ts'
import { createTokenVerifier } from '../../platform/auth/token-verifier.ts'
import { type HubConfig, loadConfig } from '../../platform/config/config.ts'
import type { Principal } from '../../schemas/generated/types.ts'
import { type TestDatabase, useTestDatabase } from './test-database.ts'
import { redisUrl } from './test-services.ts'

export const TEST_ISSUER = 'urn:hub:test-issuer'
export const TEST_AUDIENCE = 'data-exchange-hub'

/** A services-mode config pointing at the real test services; `env` overrides single variables. */
export function testConfig(databaseUrl: string, env: Record<string, string> = {}): HubConfig {
  return loadConfig({
    HUB_MODE: 'services',
    DATABASE_URL: databaseUrl,
    KAFKA_BROKERS: inject('kafkaBrokers'),
    REDIS_URL: redisUrl(),
    AUTH_JWKS: JSON.stringify({ keys: [] }), // replaced by the test issuer below
    AUTH_ISSUER: TEST_ISSUER,
    AUTH_AUDIENCE: TEST_AUDIENCE,
    LOG_LEVEL: 'silent',
    AUDIT_SUBJECT_KEY: 'test-audit-subject-key-0123456789abcdef',
    // A fixed test-only P-256 key that signs audit checkpoints.
    AUDIT_SIGNING_KEY: JSON.stringify({
      kty: 'EC',
      crv: 'P-256',
      x: 'nuBu9-9RkryeQL5ni6Ggc0Qld625PspujTSYRHotc78',
      y: 'Gffl93vR7S_BI4KQTySLLfiW5wL7rLljvto4cPG8vmY',
      d: 'Ky3YqdZ6_PDJEO7OO3kmBLSUSAalIo65u_Otr3Wsu3Q',
    }),
    // Archives and checkpoint copies go to a scratch directory, never into the working tree.
    AUDIT_ARCHIVE_DIR: path.join(os.tmpdir(), `hub-test-archive-${randomBytes(4).toString('hex')}`),
    // Each test app gets its own queues, so parallel test files never take each other's jobs.
    JOBS_QUEUE_PREFIX: `hub-test-${randomBytes(4).toString('hex')}`,
    // Test files sign tokens for departments they never register; the check has its own tests.
    AUTH_REQUIRE_KNOWN_DEPARTMENT: 'false',
    ...env,
  })
}

export interface TestApp {
  readonly app: FastifyInstance
  readonly database: TestDatabase
  readonly issuer: DevIssuer
  /** The running department simulators (only with `simulators: true`). */
  readonly simulators: RunningSimulators
  /** A signed bearer token for the principal. */
  token(principal: Partial<Principal> & Pick<Principal, 'roles'>): Promise<string>
}

export interface TestAppOptions {
  /** Environment overrides, e.g. { RATE_LIMIT_PER_MINUTE: '3' }. */
  env?: Record<string, string>
  /** Logger for the app (default: none). */
  logger?: FastifyServerOptions['logger']
  /** `ADAPTER_*` settings, read when the app is built (default: none, so no department adapters). */
  adapterEnv?: () => Record<string, string | undefined>
  /**
   * Starts every department simulator before the app and points the adapters at them (their
   * `ADAPTER_*` settings, overridden by `adapterEnv`); stops them after the app is closed.
   */
  simulators?: boolean
  /** Registers extra (test-only) routes before the app is made ready. */
  extend?: (app: FastifyInstance) => void | Promise<void>
}

/** Builds the real app on this test file's own database and the real Redis/Kafka; closes it afterwards. */
export function useTestApp({
  env = {},
  logger = false,
  extend,
  adapterEnv,
  simulators = false,
}: TestAppOptions = {}): TestApp {
  const database = useTestDatabase()
  const state: { app?: FastifyInstance; issuer?: DevIssuer; simulators?: RunningSimulators } = {}

  beforeAll(async () => {
    if (simulators) state.simulators = await startAllSimulators()
    const issuer = await createDevIssuerFromKey(await generateDevKey('test'), TEST_ISSUER, TEST_AUDIENCE)
    const config = testConfig(database.url, env)
    const verifier = createTokenVerifier(createLocalJWKSet(issuer.jwks), {
      issuer: TEST_ISSUER,
      audience: TEST_AUDIENCE,
      cacheSize: config.auth.tokenCacheSize,
      maxLifetimeS: config.auth.maxTokenLifetimeS,
      maxServiceLifetimeS: config.auth.maxServiceTokenLifetimeS,
    })
    state.issuer = issuer
    state.app = await buildApp({
      config,
      verifier,
      logger,
      adapterEnv: { ...state.simulators?.env, ...adapterEnv?.() },
    })
    await extend?.(state.app)
    await state.app.ready()
  })

  afterAll(async () => {
    await state.app?.close()
    await state.simulators?.close()
  })

  return {
    database,
    get app() {
      if (!state.app) throw new Error('useTestApp(): the app exists only inside tests and hooks')
      return state.app
    },
    get simulators() {
      if (!state.simulators) throw new Error('useTestApp(): start it with { simulators: true }')
      return state.simulators
    },
    get issuer() {
      if (!state.issuer) throw new Error('useTestApp(): the issuer exists only inside tests and hooks')
      return state.issuer
    },
    token(principal) {
      return this.issuer.issue({
        subject: principal.subject ?? `test-${principal.roles.join('-')}`,
        department: principal.department === undefined ? 'lf-test' : principal.department,
        roles: principal.roles,
        district: principal.district ?? null,
        ...(principal.idNumber ? { idNumber: principal.idNumber } : {}),
      })
    },
  }
}
