import type { HubFeature } from '../platform/http/hub-feature.ts'
import { auditRoutes } from './audit-routes.ts'
import type { AuditServices } from './audit-services.ts'

/** Background jobs of the trail. */
export const CHECKPOINT_JOB = 'audit-checkpoint'
export const RETENTION_JOB = 'audit-retention'

/** The trail for security officers: search, export, verification, checkpoints, reports and retention. */
export const auditFeature: HubFeature<{ audit: AuditServices }> = {
  name: 'audit',
  routes: auditRoutes,
  // Both handlers are idempotent, as at-least-once delivery requires.
  jobs: ({ audit }) => [
    {
      name: CHECKPOINT_JOB,
      handler: async () => void (await audit.checkpoints.scheduled()),
      options: { attempts: 3 },
      everyMs: 15 * 60_000,
    },
    {
      name: RETENTION_JOB,
      handler: async () => void (await audit.retention.run()),
      options: { attempts: 3, backoffMs: 60_000 },
      everyMs: 24 * 3_600_000,
    },
  ],
}
