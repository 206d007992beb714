import type { FastifyInstance } from 'fastify'
import type { HubFeature } from '../../platform/http/hub-feature.ts'
import { CASE_TOPIC } from './case-distributor.ts'
import { caseRoutes } from './case-routes.ts'
import { type CaseExchange, DRAIN_JOB } from './case-services.ts'
import { CASE_REPORT_KIND, ProvinceForwarder, registerProvinceBacklog } from './province-forwarder.ts'
import { webhookRoutes } from './webhook-routes.ts'

const SWEEP_JOB = 'case-webhook-sweep'

/** What the case feature needs from the composition root (hub/services.ts). */
export interface CaseServices {
  caseExchange: CaseExchange
}

/** The consumer group carries the topic prefix, so hubs sharing a broker under different prefixes never share it. */
export const provinceGroup = (app: Pick<FastifyInstance, 'config'>) =>
  `${app.config.outbox.topicPrefix}province-forwarder`

/**
 * Case exchange: ingest, queries, backfill, webhook admin routes and the webhook delivery jobs. The
 * province forwarder is a consumer, started only on the server start path (`start`).
 */
export const caseFeature: HubFeature<CaseServices> = {
  name: 'cases',
  routes: async (app, { services: { caseExchange } }) => {
    const { service: cases, queries, backfill, webhooks, signer } = caseExchange
    await app.register(caseRoutes, { services: { cases, queries, backfill } })
    await app.register(webhookRoutes({ webhooks, signer }))
  },
  jobs: ({ caseExchange: { dispatcher, webhooks } }) => [
    // The job's own attempts only cover the hub's side failing (database away); receivers' failures
    // are counted per delivery by the dispatcher.
    {
      name: DRAIN_JOB,
      handler: (data: { webhookId: string }) => dispatcher.drain(data.webhookId),
      options: { attempts: 5, backoffMs: 1_000, maxBackoffMs: 60_000, concurrency: 4 },
    },
    { name: SWEEP_JOB, handler: () => webhooks.sweep(), options: { attempts: 1 } },
  ],
  start: ({ caseExchange }, app) => startCaseBackground(app, caseExchange),
  stop: ({ caseExchange }) => stopCaseBackground(caseExchange),
}

/**
 * Starts the case background work: the province forwarder (when an adapter serves `case-report`)
 * and the periodic webhook sweep. Call after `app.ready()`, next to `app.events.relay.start()`;
 * webhook deliveries need the job workers too (`app.jobs.startWorkers()`).
 */
export async function startCaseBackground(
  app: FastifyInstance,
  exchange: CaseExchange = app.caseExchange,
): Promise<void> {
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
  const { algorithms, es256Key, sm2Key } = app.config.cases.webhooks.signing
  if (app.config.mode === 'services' && algorithms.some((alg) => (alg === 'ES256' ? !es256Key : !sm2Key)))
    app.log.warn(
      'CASE_WEBHOOK_SIGNING_KEY (or CASE_WEBHOOK_SM2_SIGNING_KEY) unset: this instance signs case webhooks with a key of its own; with several instances, receivers cannot verify every delivery',
    )
}

/** Stops the case consumers (they finish their in-flight event); `startCaseBackground` starts them again. */
export async function stopCaseBackground(exchange: CaseExchange): Promise<void> {
  await Promise.all(exchange.consumers.splice(0).map((c) => c.stop()))
}
