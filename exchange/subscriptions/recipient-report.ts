import type { Knex } from 'knex'
import { recordTrailAccess, requireTrailRole } from '../../audit/audit-gate.ts'
import type { RequestContext } from '../../policies/request-context.ts'
import type { SubscriptionRecipients } from '../../schemas/generated/types.ts'
import { recipientsOf } from './subscription-store.ts'

/**
 * "Who received this person's record, and when" for bulk deliveries (ADR 0008): an auditor asks
 * about any subject, a citizen about themselves. Both are reads of the trail, recorded (and refused)
 * through the audit gate (audit/audit-gate.ts) like the trail's own reports.
 */
export class RecipientReport {
  constructor(private readonly deps: { db: Knex; subjectHash: (subjectId: string) => string }) {}

  async forAuditor(ctx: RequestContext, subjectId: string): Promise<SubscriptionRecipients> {
    const access = { action: 'audit.subscription-recipients', subjectId }
    await requireTrailRole(ctx, ['auditor'], access)
    await recordTrailAccess(ctx, access)
    return this.list(subjectId)
  }

  async forCitizen(ctx: RequestContext): Promise<SubscriptionRecipients> {
    // The resident ID the identity platform verified (token `idNumber`), as for the trail's own report.
    const subjectId = ctx.principal.idNumber ?? ctx.principal.subject
    const access = { action: 'audit.my-subscription-recipients', subjectId }
    await requireTrailRole(ctx, ['citizen'], access)
    await recordTrailAccess(ctx, access)
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
