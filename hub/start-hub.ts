import type { FastifyInstance } from 'fastify'
import { createLocalJWKSet } from 'jose'
import { startAllSimulators } from '../adapters/simulators.ts'
import { loadOrCreateSigningKey } from '../audit/checkpoint-signer.ts'
import { seedDemoActivity } from '../demo/demo-activity.ts'
import { seedDemoCatalog } from '../demo/demo-catalog.ts'
import { loadOrCreateDevIssuer } from '../platform/auth/dev-issuer.ts'
import { createTokenVerifier, loadKeySet } from '../platform/auth/token-verifier.ts'
import type { HubConfig } from '../platform/config/config.ts'
import { createKnex } from '../platform/db/knex-factory.ts'
import { migrateLatest } from '../platform/db/migrator.ts'
import { type EmbeddedDatabase, startEmbeddedDatabase } from '../platform/embedded/embedded-database.ts'
import { startFeatures } from '../platform/http/hub-feature.ts'
import { loadOrCreateSecret } from '../platform/server/local-secret.ts'
import { buildApp } from './build-app.ts'
import { HUB_FEATURES } from './features.ts'

export interface RunningHub {
  app: FastifyInstance
  url: string
  stop(): Promise<void>
}

/** Resolves the database, migrates, seeds when asked, builds the app, starts background work, listens. */
export async function startHub(config: HubConfig): Promise<RunningHub> {
  const say = (message: string) => console.error(`[hub] ${message}`)
  let embedded: EmbeddedDatabase | undefined
  if (!config.databaseUrl) {
    embedded = await startEmbeddedDatabase(config.dataDir, config.embeddedDatabasePort, say)
    config = { ...config, databaseUrl: embedded.url }
    say(`embedded PostgreSQL on 127.0.0.1:${config.embeddedDatabasePort}, data in ${config.dataDir}/pg`)
  }
  try {
    return await startOn(config, embedded, say)
  } catch (error) {
    // Left running, the database would hold its port and data directory and fail the next start.
    await embedded?.stop().catch(() => {})
    throw error
  }
}

async function startOn(
  config: HubConfig,
  embedded: EmbeddedDatabase | undefined,
  say: (message: string) => void,
): Promise<RunningHub> {
  if (!config.audit.subjectKey) {
    // Only the embedded default gets here (services mode requires AUDIT_SUBJECT_KEY).
    config = {
      ...config,
      audit: { ...config.audit, subjectKey: await loadOrCreateSecret(config.dataDir, 'audit-subject.key') },
    }
  }
  if (!config.audit.signingKey && config.mode === 'embedded') {
    config = {
      ...config,
      audit: { ...config.audit, signingKey: await loadOrCreateSigningKey(config.dataDir) },
    }
  }

  const db = createKnex({ connectionString: config.databaseUrl!, poolMax: 2 })
  try {
    const applied = await migrateLatest(db)
    if (applied.length) say(`applied ${applied.length} migration(s)`)
    if (config.seedDemoData) await seedDemoCatalog(db)
  } finally {
    await db.destroy()
  }

  let keys: Parameters<typeof createTokenVerifier>[0]
  if (config.auth.jwks) {
    keys = await loadKeySet(config.auth.jwks)
  } else {
    // Only the embedded default gets here (services mode requires a key source): trust the dev issuer.
    const dev = await loadOrCreateDevIssuer(config.dataDir, config.auth.issuer, config.auth.audience)
    keys = createLocalJWKSet(dev.jwks)
    say('trusting the local dev token issuer; get a token with `npm run token -- clerk`')
  }
  const verifier = createTokenVerifier(keys, {
    issuer: config.auth.issuer,
    audience: config.auth.audience,
    cacheSize: config.auth.tokenCacheSize,
    maxLifetimeS: config.auth.maxTokenLifetimeS,
    maxServiceLifetimeS: config.auth.maxServiceTokenLifetimeS,
  })

  // The embedded default also runs simulated department systems, so fetches work with nothing set up.
  const simulators = config.mode === 'embedded' ? await startAllSimulators() : undefined
  if (simulators) say(`simulated department systems: ${Object.keys(simulators.urls).join(', ')}`)
  const adapterEnv = { ...simulators?.env, ...config.adapters }
  const app = await buildApp({ config, verifier, logger: true, adapterEnv })
  await app.ready()
  app.events.relay.start()
  await app.jobs.startWorkers()
  if (config.seedDemoData) {
    // Pull the provincial platform's service items (事项动态同步) once before the schedule starts,
    // so the demo catalog has synced items from the first minute.
    const { results } = await app.services.serviceItems.sync.pullAll()
    say(`${results.reduce((n, r) => n + r.created + r.updated, 0)} service item(s) synced from the province`)
  }
  // Every feature's background work (consumers, schedules, loops), in the order of hub/features.ts.
  await startFeatures(app, HUB_FEATURES, app.services)
  if (config.seedDemoData) {
    // Pull the departments' certificates once now, so the demo's clerk flow works from the start.
    const { results, failures } = await app.services.certificates.feed.pullAll()
    const ingested = results.reduce((n, r) => n + r.ingested, 0)
    say(
      `${ingested} certificate(s) fed by ${results.length} department system(s)${failures.length ? `; ${failures.length} failed, see the log` : ''}`,
    )
    await seedDemoActivity(app, say)
  }
  const address = await app.listen({ host: config.host, port: config.port })
  app.log.info(
    `hub listening on ${address} (${config.mode} mode); API docs at ${address}/docs, OpenAPI at ${address}/openapi.json`,
  )
  say(`web console: ${address}/console/ (sign-in: ${config.console.signIn})`)
  // Response serializers are built lazily (hub/build-app.ts); a running hub builds the rest now, so a
  // first answer does not wait for one and a broken response schema shows at start.
  await app.warmSerializers()

  return {
    app,
    url: address,
    async stop() {
      await app.close()
      await simulators?.close()
      await embedded?.stop()
    },
  }
}
