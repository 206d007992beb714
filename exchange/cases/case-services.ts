import type { EventConsumer } from '../../platform/events/event-types.ts'
import type { HubInfra } from '../../platform/http/hub-feature.ts'
import {
  createHttpClientFactory,
  type HttpClientFactory,
} from '../../platform/http-client/http-client-factory.ts'
import { CaseBackfill } from './case-backfill.ts'
import { CaseDistributor, type DrainRequest } from './case-distributor.ts'
import { caseDataResourceCode, DbCaseGrantLookup } from './case-grant-lookup.ts'
import { CaseQueryService } from './case-query-service.ts'
import { CaseReadModel } from './case-read-model.ts'
import { CaseService } from './case-service.ts'
import { WebhookDispatcher } from './webhook-dispatcher.ts'
import { WebhookService } from './webhook-service.ts'
import { WebhookSigner } from './webhook-signer.ts'

export interface CaseExchange {
  /** Ingest (the same service the routes use; benchmarks and seeds call it directly). */
  service: CaseService
  queries: CaseQueryService
  backfill: CaseBackfill
  webhooks: WebhookService
  dispatcher: WebhookDispatcher
  signer: WebhookSigner
  http: HttpClientFactory
  env: Record<string, string | undefined>
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
 * transaction), queries, backfill and webhooks. `env` holds the `CASE_*` settings (default the
 * process environment). Built once by the composition root.
 */
export async function createCaseServices(
  infra: HubInfra,
  env: Record<string, string | undefined> = process.env,
): Promise<CaseExchange> {
  const grants = new DbCaseGrantLookup(infra.db, caseDataResourceCode(env))
  const signer = await WebhookSigner.fromEnv(env)
  const http = createHttpClientFactory({ registry: infra.metrics.registry })
  infra.addHook('onClose', async () => {
    await http.close()
  })
  // Defaults ride out a receiver that is down for over an hour and a half: 5 s doubling to 10 min, 16 tries.
  const retry = {
    attempts: positiveInt(env, 'CASE_WEBHOOK_ATTEMPTS', 16),
    backoffMs: positiveInt(env, 'CASE_WEBHOOK_BACKOFF_MS', 5_000),
    maxBackoffMs: positiveInt(env, 'CASE_WEBHOOK_MAX_BACKOFF_MS', 600_000),
  }
  const dispatcher = new WebhookDispatcher(infra.db, signer, http, infra.jobs, retry)
  const webhooks = new WebhookService(infra.db, dispatcher)
  const distributor = new CaseDistributor(grants)
  const requestDrains = async (drains: DrainRequest[]) => {
    for (const [webhookId] of drains) await dispatcher.requestDrain(webhookId)
  }
  return {
    service: new CaseService(infra.db, distributor, requestDrains),
    queries: new CaseQueryService(new CaseReadModel(infra.db), grants),
    backfill: new CaseBackfill(infra.db, distributor, requestDrains),
    webhooks,
    dispatcher,
    signer,
    http,
    env,
    consumers: [],
  }
}

function positiveInt(env: Record<string, string | undefined>, name: string, fallback: number): number {
  const raw = env[name]
  if (raw === undefined || raw === '') return fallback
  const value = Number(raw)
  if (!Number.isInteger(value) || value < 1)
    throw new Error(`${name}: must be a positive integer, got "${raw}"`)
  return value
}
