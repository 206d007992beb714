import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import type { EventConsumer } from '../../platform/events/event-types.ts'
import { JwsWebhookSigner } from '../../platform/webhooks/jws-webhook-signer.ts'
import { OrderedWebhookDispatcher } from '../../platform/webhooks/ordered-dispatcher.ts'
import { CaseBackfill } from './case-backfill.ts'
import { CASE_TOPIC, CaseDistributor, type DrainRequest } from './case-distributor.ts'
import { DbCaseGrantLookup } from './case-grant-lookup.ts'
import { CaseQueryService } from './case-query-service.ts'
import { CaseReadModel } from './case-read-model.ts'
import { caseRoutes } from './case-routes.ts'
import { CaseService } from './case-service.ts'
import { CASE_REPORT_KIND, ProvinceForwarder, registerProvinceBacklog } from './province-forwarder.ts'
import { webhookRoutes } from './webhook-routes.ts'
import { WebhookService } from './webhook-service.ts'
import { CASE_DELIVERY_QUEUE, findWebhook } from './webhook-store.ts'

const DRAIN_JOB = 'case-webhook-drain'
const SWEEP_JOB = 'case-webhook-sweep'
/** Advisory-lock namespace of case webhook drains. */
const DRAIN_LOCK = 7007

/** The consumer group carries the topic prefix, so hubs sharing a broker under different prefixes never share it. */
export const provinceGroup = (app: FastifyInstance) => `${app.config.outbox.topicPrefix}province-forwarder`

export interface CaseExchange {
  /** Ingest (the same service the routes use; benchmarks and seeds call it directly). */
  service: CaseService
  webhooks: WebhookService
  /** Consumers started by `startCaseBackground`. */
  consumers: EventConsumer[]
}

declare module 'fastify' {
  interface FastifyInstance {
    caseExchange: CaseExchange
  }
}

/**
 * Case exchange: ingest (which routes filtered copies to granted departments in the same
 * transaction), queries, webhook admin routes and the webhook delivery job. The province forwarder
 * is a consumer and is started by `startCaseBackground(app)` on the server start path only.
 */
export const casePlugin = fp(
  async (app: FastifyInstance) => {
    const { dataResourceCode, webhooks: settings } = app.config.cases
    const grants = new DbCaseGrantLookup(app.db, dataResourceCode)
    const signer = await JwsWebhookSigner.create(settings.signing, 'hub-case-event+jws')
    const dispatcher = new OrderedWebhookDispatcher({
      db: app.db,
      queue: CASE_DELIVERY_QUEUE,
      jobs: app.jobs,
      sender: app.webhooks,
      drainJob: DRAIN_JOB,
      lockNamespace: DRAIN_LOCK,
      retry: settings,
      subscription: async (id) => {
        const hook = await findWebhook(app.db, id)
        return hook?.status === 'active'
          ? { target: { name: `case-webhook-${id}`, url: hook.url }, signer }
          : undefined
      },
    })
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
    const exchange: CaseExchange = { service, webhooks, consumers: [] }
    app.decorate('caseExchange', exchange)
    // Hooks cannot be added once the app is ready, so the consumers' teardown is registered now.
    app.addHook('onClose', async () => {
      await stopCaseBackground(app)
    })
    const queries = new CaseQueryService(new CaseReadModel(app.db), grants)
    const backfill = new CaseBackfill(app.db, distributor, requestDrains)
    await app.register(caseRoutes({ cases: service, queries, backfill }))
    await app.register(webhookRoutes({ webhooks, signer }))
  },
  { name: 'cases', dependencies: ['db', 'events', 'jobs', 'audit', 'metrics', 'adapters', 'webhooks'] },
)

/**
 * Starts the case background work: the province forwarder (when an adapter serves `case-report`)
 * and the periodic webhook sweep. Call after `app.ready()`, next to `app.events.relay.start()`;
 * webhook deliveries need the job workers too (`app.jobs.startWorkers()`).
 */
export async function startCaseBackground(app: FastifyInstance): Promise<void> {
  const exchange = app.caseExchange
  if (exchange.consumers.length > 0) return
  const province = app.adapters.list().find((a) => a.push && a.kinds.some((k) => k.kind === CASE_REPORT_KIND))
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
