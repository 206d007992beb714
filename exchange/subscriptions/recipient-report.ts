import type { Knex } from 'knex'
import type { AuditActor, AuditGate } from '../../audit/audit-gate.ts'
import type { SubscriptionRecipients } from '../../schemas/generated/types.ts'
import { recipientsOf } from './subscription-store.ts'

/**
 * "Who received this person's record, and when" for bulk deliveries (ADR 0008): an auditor asks
 * about any subject, a citizen about themselves. Both are reads of the trail, recorded (and refused)
 * through the audit gate like the trail's own reports.
 */
export class RecipientReport {
  constructor(
    private readonly deps: { db: Knex; gate: AuditGate; subjectHash: (subjectId: string) => string },
  ) {}

  async forAuditor(actor: AuditActor, subjectId: string): Promise<SubscriptionRecipients> {
    const access = { action: 'audit.subscription-recipients', subjectId }
    await this.deps.gate.require(actor, ['auditor'], access)
    await this.deps.gate.record(actor, access)
    return this.list(subjectId)
  }

  async forCitizen(actor: AuditActor): Promise<SubscriptionRecipients> {
    // The resident ID the identity platform verified (token `idNumber`), as for the trail's own report.
    const subjectId = actor.principal.idNumber ?? actor.principal.subject
    const access = { action: 'audit.my-subscription-recipients', subjectId }
    await this.deps.gate.require(actor, ['citizen'], access)
    await this.deps.gate.record(actor, access)
    return this.list(subjectId)
  }

  private async list(subjectId: string): Promise<SubscriptionRecipients> {
    const rows = await recipientsOf(this.deps.db, this.deps.subjectHash(subjectId))
    return {
      items: rows.map((r) => ({
        department: r.department,
        resourceCode: r.resource_code,
        subscriptionId: r.subscription_id,
        records: Number(r.records),
        firstDeliveredAt: r.first_at.toISOString(),
        lastDeliveredAt: r.last_at.toISOString(),
      })),
    }
  }
}
