import type { FastifyInstance } from 'fastify'
import { type AuditServices, createAuditServices } from '../audit/audit-services.ts'
import { DepartmentService } from '../directory/departments/department-service.ts'
import { GrantService } from '../directory/grants/grant-service.ts'
import { activeGrantsOf, grantEpoch, toGrantFacts } from '../directory/grants/grant-store.ts'
import { AccessDecisionService } from '../directory/requests/access-decision-service.ts'
import { AccessRequestService } from '../directory/requests/access-request-service.ts'
import {
  type WebhookDeliveryService as AccessWebhookDeliveryService,
  createWebhookDeliveryService,
} from '../directory/requests/webhook-delivery-service.ts'
import { WebhookService as AccessWebhookService } from '../directory/requests/webhook-service.ts'
import { CatalogVersionClock } from '../directory/resources/catalog-version.ts'
import { ResourceImporter } from '../directory/resources/resource-import.ts'
import { ResourceSearchCache } from '../directory/resources/resource-search-cache.ts'
import { ResourceService } from '../directory/resources/resource-service.ts'
import { ResourceViewCache } from '../directory/resources/resource-view-cache.ts'
import {
  createServiceItemServices,
  type ServiceItemFacade,
} from '../directory/service-items/service-item-services.ts'
import { type CaseExchange, createCaseServices } from '../exchange/cases/case-services.ts'
import {
  type CertificateFacade,
  createCertificateServices,
} from '../exchange/certificates/certificate-services.ts'
import { FetchService } from '../exchange/fetch/fetch-service.ts'
import {
  type CounterStore,
  GrantLimiter,
  MemoryCounters,
  RedisCounters,
} from '../exchange/fetch/grant-limiter.ts'
import { cursorSeal, openRecordReference, recordReference } from '../exchange/fetch/record-reference.ts'
import { ObjectionService } from '../exchange/objections/objection-service.ts'
import { ResourceSourceService } from '../exchange/sources/resource-source-service.ts'
import { recordKindFields } from '../exchange/subscriptions/record-kind-fields.ts'
import {
  createSubscriptionServices,
  type SubscriptionWiring,
} from '../exchange/subscriptions/subscription-services.ts'
import { createSyncService } from '../exchange/sync/sync-feature.ts'
import type { SyncService } from '../exchange/sync/sync-service.ts'
import type { SessionService } from '../platform/auth/session-service.ts'
import { WorkingDayCalendar } from '../platform/calendar/working-days.ts'
import type { HubInfra } from '../platform/http/hub-feature.ts'
import { AbilityService } from '../policies/ability-service.ts'

/** What the services are built on: the infrastructure plugins' decorations, the adapters and the audit trail. */
export type ServiceInfra = HubInfra & Pick<FastifyInstance, 'adapters' | 'audit'>

/** Every domain service of the hub, each built once. Features take the part they need. */
export interface HubServices {
  abilities: AbilityService
  departments: DepartmentService
  grants: GrantService
  accessRequests: AccessRequestService
  accessDecisions: AccessDecisionService
  accessWebhooks: AccessWebhookService
  accessWebhookDeliveries: AccessWebhookDeliveryService
  resources: ResourceService
  resourceImporter: ResourceImporter
  resourceSearches: ResourceSearchCache
  serviceItems: ServiceItemFacade
  hubSync: SyncService
  fetch: FetchService
  resourceSources: ResourceSourceService
  objections: ObjectionService
  subscriptions: SubscriptionWiring
  certificates: CertificateFacade
  caseExchange: CaseExchange
  audit: AuditServices
  sessions: SessionService
}

export interface ServiceOptions {
  /** Console sessions, built with the auth plugin (the API accepts them beside bearer tokens). */
  sessions: SessionService
  /** Most subjects in one fetch: bounds the fan-out to a department system per call. */
  maxFetchSubjects?: number
}

/**
 * The composition root's second step (infrastructure → services → routes): every domain service,
 * built once, in dependency order, by constructor injection. Nothing here runs anything; features'
 * `start` does that on the server start path.
 */
export async function createServices(infra: ServiceInfra, options: ServiceOptions): Promise<HubServices> {
  const { config, db } = infra
  const calendar = new WorkingDayCalendar(config.calendar)
  const abilities = new AbilityService({
    grants: {
      epoch: (department) => grantEpoch(db, department),
      activeGrants: async (department, now) => (await activeGrantsOf(db, department, now)).map(toGrantFacts),
    },
  })

  // The directory.
  const grants = new GrantService(db)
  const resources = new ResourceService({
    db,
    // Services mode may run several instances: the cached views check the version on every request.
    cache: new ResourceViewCache(new CatalogVersionClock(db, config.mode === 'services' ? 0 : 1_000)),
  })

  // The exchange. Keys for record references and cursors are derived from the audit subject key.
  const subjectKey = Buffer.from(config.audit.subjectKey ?? '')
  const fieldsOf = recordKindFields()
  const hubSync = createSyncService(infra)

  return {
    abilities,
    departments: new DepartmentService(db),
    grants,
    accessRequests: new AccessRequestService({
      db,
      grants,
      calendar,
      decisionWorkdays: config.calendar.decisionWorkdays,
    }),
    accessDecisions: new AccessDecisionService(db, grants),
    accessWebhooks: new AccessWebhookService(db, infra.webhooks),
    accessWebhookDeliveries: createWebhookDeliveryService(infra),
    resources,
    resourceImporter: new ResourceImporter(db),
    resourceSearches: new ResourceSearchCache(),
    serviceItems: createServiceItemServices(infra),
    hubSync,
    fetch: new FetchService({
      db,
      adapters: infra.adapters,
      limiter: new GrantLimiter(grantCounters(infra)),
      fieldsOf,
      maxSubjects: options.maxFetchSubjects ?? 100,
      recordRef: recordReference(subjectKey),
      cursors: cursorSeal(subjectKey),
    }),
    resourceSources: new ResourceSourceService({ db, adapters: infra.adapters, fieldsOf }),
    objections: new ObjectionService({
      db,
      calendar,
      answerWorkdays: config.calendar.objectionWorkdays,
      // Corrections refresh hub-held copies through the sync service.
      refresh: async (adapter, kind) => ({ changed: (await hubSync.pull(adapter, kind)).changed }),
      openRef: openRecordReference(subjectKey),
    }),
    subscriptions: createSubscriptionServices(infra),
    certificates: createCertificateServices(infra),
    caseExchange: await createCaseServices(infra),
    audit: await createAuditServices(infra),
    sessions: options.sessions,
  }
}

/**
 * Grant limits are counted in Redis when it is configured, so they hold across instances; in memory
 * otherwise (the embedded default).
 */
function grantCounters(infra: ServiceInfra): CounterStore {
  return infra.redis ? new RedisCounters(infra.redis, infra.config.jobs.queuePrefix) : new MemoryCounters()
}
