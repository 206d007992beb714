import type { FastifyInstance } from 'fastify'
import type { HubInfra } from '../platform/http/hub-feature.ts'
import { AnomalyReadModel } from './anomaly-read-model.ts'
import { AuditReadModel } from './audit-read-model.ts'
import { AuditService } from './audit-service.ts'
import { CheckpointService } from './checkpoint-service.ts'
import { CheckpointSigner, parseRetiredKeys } from './checkpoint-signer.ts'
import { ReportService } from './report-service.ts'
import { RetentionService } from './retention-service.ts'

/** The trail's services for security officers and its jobs (the trail itself is `app.audit`). */
export interface AuditServices {
  readonly service: AuditService
  readonly checkpoints: CheckpointService
  readonly retention: RetentionService
  readonly reports: ReportService
}

/**
 * Builds the audit feature's services over the trail's writer (audit-plugin.ts), once, from the
 * composition root (`createServices`, hub/services.ts): search, export and verification, signed
 * checkpoints, retention and the reports.
 */
export async function createAuditServices(
  infra: Pick<HubInfra, 'db' | 'config' | 'log'> & Pick<FastifyInstance, 'audit'>,
): Promise<AuditServices> {
  const { db, config, log } = infra
  const { writer } = infra.audit
  const { signingKey, retiredSigningKeys, archiveDir, retentionMonths } = config.audit
  const signer = signingKey
    ? await CheckpointSigner.fromJwk(signingKey, parseRetiredKeys(retiredSigningKeys))
    : null
  if (!signer) log.warn('AUDIT_SIGNING_KEY is not set: audit checkpoints cannot be signed')
  const checkpoints = new CheckpointService({ db, signer, archiveDir })
  return {
    service: new AuditService({ db, writer, readModel: new AuditReadModel(db), signer }),
    checkpoints,
    retention: new RetentionService({ db, writer, checkpoints, archiveDir, retentionMonths }),
    reports: new ReportService({ writer, anomalies: new AnomalyReadModel(db, config.calendar) }),
  }
}
