import type { EventConsumer } from '../../platform/events/event-types.ts'
import type { HubInfra } from '../../platform/http/hub-feature.ts'
import { JwsWebhookSigner } from '../../platform/webhooks/jws-webhook-signer.ts'
import { OrderedWebhookDispatcher } from '../../platform/webhooks/ordered-dispatcher.ts'
import { CaseBackfill } from './case-backfill.ts'
import { CaseDistributor, type DrainRequest } from './case-distributor.ts'
import { DbCaseGrantLookup } from './case-grant-lookup.ts'
import { CaseQueryService } from './case-query-service.ts'
import { CaseReadModel } from './case-read-model.ts'
import { CaseService } from './case-service.ts'
import { WebhookService } from './webhook-service.ts'
import { CASE_DELIVERY_QUEUE, findWebhook } from './webhook-store.ts'

/** The job that drains one case webhook's queue. */
export const DRAIN_JOB = 'case-webhook-drain'
/** Advisory-lock namespace of case webhook drains. */
const DRAIN_LOCK = 7007

export interface CaseExchange {
  /** Ingest (the same service the routes use; benchmarks and seeds call it directly). */
  service: CaseService
  queries: CaseQueryService
  backfill: CaseBackfill
  webhooks: WebhookService
  dispatcher: OrderedWebhookDispatcher
  signer: JwsWebhookSigner
  /** Consumers started by the case feature's `start`. */
  consumers: EventConsumer[]
}

declare module 'fastify' {
  interface FastifyInstance {
    caseExchange: CaseExchange
  }
}

/**
 * Case exchange services: ingest (which routes filtered copies to granted departments in the same
 * transaction), queries, backfill and webhooks (delivered in order per case by platform/webhooks;
 * settings from `config.cases`). Built once by the composition root.
 */
export async function createCaseServices(infra: HubInfra): Promise<CaseExchange> {
  const { dataResourceCode, webhooks: settings } = infra.config.cases
  const grants = new DbCaseGrantLookup(infra.db, dataResourceCode)
  const signer = await JwsWebhookSigner.create(settings.signing, 'hub-case-event+jws')
  const dispatcher = new OrderedWebhookDispatcher({
    db: infra.db,
    queue: CASE_DELIVERY_QUEUE,
    jobs: infra.jobs,
    sender: infra.webhooks,
    drainJob: DRAIN_JOB,
    lockNamespace: DRAIN_LOCK,
    retry: settings,
    subscription: async (id) => {
      const hook = await findWebhook(infra.db, id)
      return hook?.status === 'active'
        ? { target: { name: `case-webhook-${id}`, url: hook.url }, signer }
        : undefined
    },
  })
  const webhooks = new WebhookService(infra.db, dispatcher)
  const distributor = new CaseDistributor(grants)
  const requestDrains = async (drains: DrainRequest[]) => {
    for (const [webhookId] of drains) await dispatcher.requestDrain(webhookId)
  }
  return {
    service: new CaseService(infra.db, distributor, requestDrains),
    queries: new CaseQueryService(
      new CaseReadModel(infra.db),
      grants,
      infra.config.dashboard.cityWideDepartments,
    ),
    backfill: new CaseBackfill(infra.db, distributor, requestDrains),
    webhooks,
    dispatcher,
    signer,
    consumers: [],
  }
}
