import { adapterFeature } from '../adapters/adapter-feature.ts'
import { auditFeature } from '../audit/audit-feature.ts'
import { consoleFeature } from '../console/console-feature.ts'
import { departmentFeature } from '../directory/departments/department-feature.ts'
import { grantFeature } from '../directory/grants/grant-feature.ts'
import { accessRequestFeature } from '../directory/requests/access-request-feature.ts'
import { accessWebhookFeature } from '../directory/requests/access-webhook-feature.ts'
import { resourceFeature } from '../directory/resources/resource-feature.ts'
import { serviceItemFeature } from '../directory/service-items/service-item-feature.ts'
import { caseFeature } from '../exchange/cases/case-feature.ts'
import { certificateFeature } from '../exchange/certificates/certificate-feature.ts'
import { fetchFeature } from '../exchange/fetch/fetch-feature.ts'
import { objectionFeature } from '../exchange/objections/objection-feature.ts'
import { resourceSourceFeature } from '../exchange/sources/resource-source-feature.ts'
import { subscriptionFeature } from '../exchange/subscriptions/subscription-feature.ts'
import { syncFeature } from '../exchange/sync/sync-feature.ts'
import { systemFeature } from '../platform/health/system-feature.ts'
import type { HubFeature } from '../platform/http/hub-feature.ts'
import { jobFeature } from '../platform/jobs/job-feature.ts'
import type { HubServices } from './services.ts'

/**
 * Every feature of the hub, in the order `buildApp` registers them (their routes, and so the
 * OpenAPI document's paths, come in this order) and `startHub` starts them. A new feature is one
 * line here; see "How to add a feature" in docs/architecture.md.
 */
export const HUB_FEATURES: readonly HubFeature<HubServices>[] = [
  systemFeature,
  jobFeature,
  adapterFeature,
  auditFeature,
  departmentFeature,
  fetchFeature,
  resourceSourceFeature,
  syncFeature,
  objectionFeature,
  subscriptionFeature,
  certificateFeature,
  caseFeature,
  accessRequestFeature,
  grantFeature,
  accessWebhookFeature,
  resourceFeature,
  serviceItemFeature,
  consoleFeature,
]
