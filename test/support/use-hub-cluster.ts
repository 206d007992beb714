import { randomBytes } from 'node:crypto'
import { exportJWK, generateKeyPair } from 'jose'
import { afterAll, beforeAll, inject } from 'vitest'
import { grantCaseData, seedCaseWorld } from '../../exchange/cases/case-test-support.ts'
import { createDevIssuerFromKey, type DevIssuer, generateDevKey } from '../../platform/auth/dev-issuer.ts'
import { HubCluster } from './hub-cluster.ts'
import { TEST_AUDIENCE, TEST_ISSUER } from './test-app.ts'
import { type TestDatabase, useTestDatabase } from './test-database.ts'
import { redisUrl } from './test-services.ts'

/**
 * The start-up shared by the multi-instance test files: a fresh database with the case world, a
 * token issuer the hubs trust, and `instances` real hub processes behind HAProxy, started once per
 * file (`beforeAll`) and stopped after it. Kafka topics, job queues and Redis counters carry a
 * per-file prefix, so files running at once on the shared services never see each other's traffic.
 */

export interface ClusterFixture {
  readonly database: TestDatabase
  /** Unique per file: topic and queue prefixes, case numbers, token subjects. */
  readonly run: string
  readonly topicPrefix: string
  readonly brokers: string
  cluster: HubCluster
  issuer: DevIssuer
}

/** A private P-256 JWK (JSON text), for the signing-key settings every instance must share. */
export async function privateJwkText(): Promise<string> {
  const { privateKey } = await generateKeyPair('ES256', { extractable: true })
  return JSON.stringify(await exportJWK(privateKey))
}

export function useHubCluster({
  instances = 3,
  env = {},
}: {
  instances?: number
  /** Added to (and overriding) the common environment of every hub. */
  env?: Record<string, string> | (() => Promise<Record<string, string>>)
} = {}): ClusterFixture {
  const run = randomBytes(4).toString('hex')
  const fixture = {
    database: useTestDatabase(),
    run,
    topicPrefix: `mi${run}.`,
    brokers: inject('kafkaBrokers'),
  } as ClusterFixture

  beforeAll(async () => {
    const { database } = fixture
    await seedCaseWorld(database.db)
    await grantCaseData(database.db, 'lf-approval')
    fixture.issuer = await createDevIssuerFromKey(await generateDevKey('cluster'), TEST_ISSUER, TEST_AUDIENCE)
    fixture.cluster = new HubCluster({
      instances,
      env: {
        DATABASE_URL: database.url,
        KAFKA_BROKERS: fixture.brokers,
        REDIS_URL: redisUrl(),
        AUTH_JWKS: JSON.stringify(fixture.issuer.jwks),
        AUTH_ISSUER: TEST_ISSUER,
        AUTH_AUDIENCE: TEST_AUDIENCE,
        AUDIT_SUBJECT_KEY: 'test-audit-subject-key-0123456789abcdef',
        HUB_SEED_DEMO: 'false',
        LOG_LEVEL: 'warn',
        JOBS_QUEUE_PREFIX: `hub-mi-${run}`,
        KAFKA_TOPIC_PREFIX: fixture.topicPrefix,
        RATE_LIMIT_PER_MINUTE: '1000000',
        RATE_LIMIT_SHARED: 'true',
        ...(typeof env === 'function' ? await env() : env),
      },
    })
    try {
      await fixture.cluster.start()
    } catch (error) {
      await fixture.cluster.stop()
      throw error
    }
  }, 330_000)

  afterAll(async () => {
    await fixture.cluster?.stop()
  })

  return fixture
}

/** The hubs still running (not killed). */
export function liveHubs(cluster: HubCluster) {
  return cluster.instances.filter((i) => i.child?.exitCode === null && i.child.signalCode === null)
}
