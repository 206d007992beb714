import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import { type AdapterRegistry, buildAdapterRegistry } from '../../adapters/adapter-registry.ts'
import { installedAdapters } from '../../adapters/installed-adapters.ts'
import type { EventConsumer } from '../../platform/events/event-types.ts'
import {
  createHttpClientFactory,
  type HttpClientFactory,
} from '../../platform/http-client/http-client-factory.ts'
import { CaseBackfill } from './case-backfill.ts'
import { CASE_TOPIC, CaseDistributor, type DrainRequest } from './case-distributor.ts'
import { caseDataResourceCode, DbCaseGrantLookup } from './case-grant-lookup.ts'
import { CaseQueryService } from './case-query-service.ts'
import { CaseReadModel } from './case-read-model.ts'
import { caseRoutes } from './case-routes.ts'
import { CaseService } from './case-service.ts'
import { CASE_REPORT_KIND, ProvinceForwarder, registerProvinceBacklog } from './province-forwarder.ts'
import { DRAIN_JOB, WebhookDispatcher } from './webhook-dispatcher.ts'
import { webhookRoutes } from './webhook-routes.ts'
import { WebhookService } from './webhook-service.ts'
import { WebhookSigner } from './webhook-signer.ts'

const SWEEP_JOB = 'case-webhook-sweep'

/** The consumer group carries the topic prefix, so hubs sharing a broker under different prefixes never share it. */
export const provinceGroup = (app: FastifyInstance) => `${app.config.outbox.topicPrefix}province-forwarder`

export interface CaseExchange {
  /** Ingest (the same service the routes use; benchmarks and seeds call it directly). */
  service: CaseService
  webhooks: WebhookService
  http: HttpClientFactory
  env: Record<string, string | undefined>
  /** Consumers started by `startCaseBackground`. */
  consumers: EventConsumer[]
}

declare module 'fastify' {
  interface FastifyInstance {
    caseExchange: CaseExchange
  }
}

export interface CasePluginOptions {
  /** Where `CASE_*` and (without the adapters plugin) `ADAPTER_*` settings come from; default the process environment. */
  env?: Record<string, string | undefined>
}

/**
 * Case exchange: ingest (which routes filtered copies to granted departments in the same
 * transaction), queries, webhook admin routes and the webhook delivery job. The province forwarder
 * is a consumer and is started by `startCaseBackground(app)` on the server start path only.
 */
export const casePlugin = fp<CasePluginOptions>(
  async (app: FastifyInstance, opts) => {
    const env = opts.env ?? process.env
    const grants = new DbCaseGrantLookup(app.db, caseDataResourceCode(env))
    const signer = await WebhookSigner.fromEnv(env)
    const http = createHttpClientFactory({ registry: app.metrics.registry })
    // Defaults ride out a receiver that is down for over an hour and a half: 5 s doubling to 10 min, 16 tries.
    const retry = {
      attempts: positiveInt(env, 'CASE_WEBHOOK_ATTEMPTS', 16),
      backoffMs: positiveInt(env, 'CASE_WEBHOOK_BACKOFF_MS', 5_000),
      maxBackoffMs: positiveInt(env, 'CASE_WEBHOOK_MAX_BACKOFF_MS', 600_000),
    }
    const dispatcher = new WebhookDispatcher(app.db, signer, http, app.jobs, retry)
    const webhooks = new WebhookService(app.db, dispatcher)
    // The job's own attempts only cover the hub's side failing (database away); receivers' failures
    // are counted per delivery by the dispatcher.
    app.jobs.define<{ webhookId: string }>(DRAIN_JOB, (data) => dispatcher.drain(data.webhookId), {
      attempts: 5,
      backoffMs: 1_000,
      maxBackoffMs: 60_000,
      concurrency: 4,
    })
    app.jobs.define(SWEEP_JOB, () => webhooks.sweep(), { attempts: 1 })
    const distributor = new CaseDistributor(grants)
    const requestDrains = async (drains: DrainRequest[]) => {
      for (const [webhookId] of drains) await dispatcher.requestDrain(webhookId)
    }
    const service = new CaseService(app.db, distributor, requestDrains)
    const exchange: CaseExchange = { service, webhooks, http, env, consumers: [] }
    app.decorate('caseExchange', exchange)
    // Hooks cannot be added once the app is ready, so the consumers' teardown is registered now.
    app.addHook('onClose', async () => {
      await stopCaseBackground(app)
      await http.close()
    })
    const queries = new CaseQueryService(new CaseReadModel(app.db), grants)
    const backfill = new CaseBackfill(app.db, distributor, requestDrains)
    await app.register(caseRoutes({ cases: service, queries, backfill }))
    await app.register(webhookRoutes({ webhooks, signer }))
  },
  { name: 'cases', dependencies: ['db', 'events', 'jobs', 'audit', 'metrics'] },
)

/**
 * Starts the case background work: the province forwarder (when an adapter serves `case-report`)
 * and the periodic webhook sweep. Call after `app.ready()`, next to `app.events.relay.start()`;
 * webhook deliveries need the job workers too (`app.jobs.startWorkers()`).
 */
export async function startCaseBackground(app: FastifyInstance): Promise<void> {
  const exchange = app.caseExchange
  if (exchange.consumers.length > 0) return
  const province = provinceAdapter(app, exchange)
  if (province) {
    registerProvinceBacklog(app.metrics.registry, app.db)
    const forwarder = new ProvinceForwarder(app.db, province, app.log, app.metrics.registry)
    exchange.consumers.push(
      await app.events.subscribe({
        groupId: provinceGroup(app),
        topics: [CASE_TOPIC],
        handler: forwarder.handle,
      }),
    )
  } else {
    app.log.warn(
      'no adapter serves case-report (ADAPTER_PROVINCE_URL unset): case events are not forwarded to the province',
    )
  }
  await app.jobs.repeat(SWEEP_JOB, {}, 30_000)
}

/** Stops the case consumers (they finish their in-flight event); `startCaseBackground` starts them again. */
export async function stopCaseBackground(app: FastifyInstance): Promise<void> {
  await Promise.all(app.caseExchange.consumers.splice(0).map((c) => c.stop()))
}

/** The adapters plugin's registry when it is registered; otherwise one built here from the environment. */
function provinceAdapter(app: FastifyInstance, exchange: CaseExchange) {
  const registry: AdapterRegistry = app.hasDecorator('adapters')
    ? (app as FastifyInstance & { adapters: AdapterRegistry }).adapters
    : buildAdapterRegistry({ modules: installedAdapters, env: exchange.env, http: exchange.http })
  return registry.list().find((a) => a.push && a.kinds.some((k) => k.kind === CASE_REPORT_KIND))
}

function positiveInt(env: Record<string, string | undefined>, name: string, fallback: number): number {
  const raw = env[name]
  if (raw === undefined || raw === '') return fallback
  const value = Number(raw)
  if (!Number.isInteger(value) || value < 1)
    throw new Error(`${name}: must be a positive integer, got "${raw}"`)
  return value
}
