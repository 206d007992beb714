import type { Knex } from 'knex'
import type { WorkingDayCalendar } from '../platform/calendar/working-days.ts'

/**
 * A year of access requests (共享申请) in the demo history: granted (some grants since expired or
 * revoked), refused with reasons, withdrawn, and pending — two of them past their decision deadline.
 * Written straight into the tables with their historical times, as the request service would have
 * left them. The demo consumer (lf-hfund) holds no active grant and no pending request afterwards,
 * so the README's request → decision → fetch walkthrough starts from a clean slate.
 */

export interface HistoryGrant {
  key: string
  id: string
  consumer: string
  resourceCode: string
  purposeCode: string
  validFrom: Date
  /** When fetches under it stop being allowed: its end, or its revocation. */
  endsAt: Date
  endReason: 'grant-expired' | 'grant-revoked' | null
}

interface RequestPlan {
  key: string
  consumer: string
  requestedBy: string
  resourceCode: string
  purpose: { code: string; text: string }
  serviceItems: string[]
  /** Days before now the request was filed. */
  filedDaysAgo: number
  outcome:
    | { status: 'granted'; afterDays: number; validDays: number; revokedDaysAgo?: number }
    | { status: 'refused'; afterDays: number; reason: string }
    | { status: 'withdrawn'; afterDays: number }
    | { status: 'pending' }
}

const BASIS = '《政务信息资源共享管理暂行办法》（国发〔2016〕51号）第十条'

const PLANS: readonly RequestPlan[] = [
  {
    key: 'hfund-contributions',
    consumer: 'lf-hfund',
    requestedBy: 'officer-hfund-03',
    resourceCode: '203001/00001',
    purpose: { code: 'fund-withdrawal-review', text: '住房公积金提取审核：核验申请人社会保险缴费情况' },
    serviceItems: ['000122003000'],
    filedDaysAgo: 340,
    outcome: { status: 'granted', afterDays: 6, validDays: 240 },
  },
  {
    key: 'approval-estate',
    consumer: 'lf-approval',
    requestedBy: 'officer-approval-01',
    resourceCode: '209001/00001',
    purpose: { code: 'property-transfer-review', text: '不动产转移登记综合受理：核验不动产权属' },
    serviceItems: ['000123004000'],
    filedDaysAgo: 250,
    outcome: { status: 'granted', afterDays: 4, validDays: 730 },
  },
  {
    key: 'yd-contributions',
    consumer: 'yd-approval',
    requestedBy: 'officer-yd-02',
    resourceCode: '203001/00001',
    purpose: { code: 'unemployment-benefit-review', text: '失业保险金申领：核验参保缴费记录' },
    serviceItems: ['000107001000'],
    filedDaysAgo: 200,
    outcome: { status: 'granted', afterDays: 8, validDays: 365, revokedDaysAgo: 45 },
  },
  {
    key: 'housing-estate',
    consumer: 'lf-housing',
    requestedBy: 'officer-housing-05',
    resourceCode: '209001/00001',
    purpose: { code: 'presale-filing-check', text: '商品房预售合同备案：核验房屋权属与查封状态' },
    serviceItems: [],
    filedDaysAgo: 180,
    outcome: { status: 'granted', afterDays: 9, validDays: 540 },
  },
  {
    key: 'qw-estate-refused',
    consumer: 'qw-hrss',
    requestedBy: 'officer-qw-hrss-07',
    resourceCode: '209001/00001',
    purpose: { code: 'labour-inspection', text: '劳动保障监察：了解用人单位不动产情况' },
    serviceItems: [],
    filedDaysAgo: 120,
    outcome: {
      status: 'refused',
      afterDays: 7,
      reason: '申请用途不属于不动产登记信息的共享条件，且未提供法律依据；请补充依据后重新申请',
    },
  },
  {
    key: 'estate-filings-refused',
    consumer: 'lf-realestate',
    requestedBy: 'officer-estate-02',
    resourceCode: '209002/00001',
    purpose: { code: 'registration-check', text: '不动产登记：核验商品房网签备案' },
    serviceItems: ['000123004000'],
    filedDaysAgo: 300,
    outcome: { status: 'refused', afterDays: 10, reason: '成交价格属于商业秘密，请改为申请不含价格的信息项' },
  },
  {
    key: 'estate-filings',
    consumer: 'lf-realestate',
    requestedBy: 'officer-estate-02',
    resourceCode: '209002/00001',
    purpose: { code: 'registration-check', text: '不动产登记：核验商品房网签备案（不含成交价格）' },
    serviceItems: ['000123004000'],
    filedDaysAgo: 280,
    outcome: { status: 'granted', afterDays: 5, validDays: 365 },
  },
  {
    key: 'approval-fund-withdrawn',
    consumer: 'lf-approval',
    requestedBy: 'officer-approval-04',
    resourceCode: '203002/00001',
    purpose: { code: 'fund-withdrawal-window', text: '住房公积金提取综合受理' },
    serviceItems: ['000122003000'],
    filedDaysAgo: 90,
    outcome: { status: 'withdrawn', afterDays: 2 },
  },
  {
    key: 'hm-fund-overdue',
    consumer: 'hm-realestate',
    requestedBy: 'officer-hm-01',
    resourceCode: '203002/00001',
    purpose: { code: 'mortgage-registration', text: '不动产抵押登记：核验住房公积金贷款' },
    serviceItems: ['000123004000'],
    filedDaysAgo: 35,
    outcome: { status: 'pending' },
  },
  {
    key: 'yd-filings-overdue',
    consumer: 'yd-approval',
    requestedBy: 'officer-yd-02',
    resourceCode: '209002/00001',
    purpose: { code: 'property-transfer-review', text: '不动产转移登记综合受理：核验网签备案' },
    serviceItems: ['000123004000'],
    filedDaysAgo: 21,
    outcome: { status: 'pending' },
  },
  {
    key: 'housing-fund-pending',
    consumer: 'lf-housing',
    requestedBy: 'officer-housing-05',
    resourceCode: '203002/00001',
    purpose: { code: 'purchase-qualification', text: '购房资格审核：核验住房公积金缴存' },
    serviceItems: [],
    filedDaysAgo: 2,
    outcome: { status: 'pending' },
  },
]

const DAY = 86_400_000

/** Writes the planned requests (and their grants) that are not there yet; returns every plan's grant. */
export async function seedHistoryRequests(
  db: Knex,
  calendar: WorkingDayCalendar,
  decisionWorkdays: number,
  now: Date,
): Promise<HistoryGrant[]> {
  const resources = new Map(
    (
      (await db('resources as r')
        .join('resource_items as i', function () {
          this.on('i.resource_id', 'r.id').andOn('i.version', 'r.current_version')
        })
        .groupBy('r.id', 'r.code', 'r.current_version', 'r.provider_code', 'r.share_type')
        .select(
          'r.id',
          'r.code',
          'r.current_version',
          'r.provider_code',
          'r.share_type',
          db.raw('array_agg(i.code order by i.position) as items'),
        )) as {
        id: string
        code: string
        current_version: number
        provider_code: string
        share_type: string
        items: string[]
      }[]
    ).map((r) => [r.code, r]),
  )
  const departments = new Set(
    ((await db('departments').select('code')) as { code: string }[]).map((d) => d.code),
  )
  const grants: HistoryGrant[] = []
  // Working hours: filed at 10:00 China Standard Time.
  const at = (daysAgo: number) =>
    new Date(Math.floor((now.getTime() - daysAgo * DAY) / DAY) * DAY + 2 * 3_600_000)
  for (const plan of PLANS) {
    const resource = resources.get(plan.resourceCode)
    if (!resource || !departments.has(plan.consumer)) continue
    const marker = `demo-history:${plan.key}`
    const existing = (await db('access_requests')
      .where({ legal_basis: `${BASIS}（${marker}）` })
      .first('id')) as { id: string } | undefined
    const filed = at(plan.filedDaysAgo)
    const deadline = calendar.deadline(filed, decisionWorkdays)
    const outcome = plan.outcome
    const decidedAt =
      outcome.status === 'pending' ? null : new Date(filed.getTime() + outcome.afterDays * DAY)
    if (existing) {
      const grant = await db('grants').where({ request_id: existing.id }).first()
      if (grant) grants.push(historyGrant(plan, grant))
      continue
    }
    await db.transaction(async (trx) => {
      const [row] = (await trx('access_requests')
        .insert({
          consumer_department: plan.consumer,
          requested_by: plan.requestedBy,
          resource_id: resource.id,
          resource_code: resource.code,
          provider_department: resource.provider_code,
          resource_version: resource.current_version,
          share_type: resource.share_type,
          items: JSON.stringify(resource.items),
          purpose_code: plan.purpose.code,
          purpose_text: plan.purpose.text,
          legal_basis: `${BASIS}（${marker}）`,
          service_items: JSON.stringify(plan.serviceItems),
          period_from: filed.toISOString().slice(0, 10),
          period_to: new Date(filed.getTime() + 730 * DAY).toISOString().slice(0, 10),
          expected_volume: 2000,
          status: outcome.status,
          decision_deadline: deadline,
          decided_at: decidedAt,
          decided_by: decidedAt ? `steward-${resource.provider_code}` : null,
          decision_reason: outcome.status === 'refused' ? outcome.reason : null,
          overdue_at: outcome.status === 'pending' && deadline < now ? deadline : null,
          created_at: filed,
          updated_at: decidedAt ?? filed,
        })
        .returning('id')) as { id: string }[]
      const requestId = row!.id
      const timeline = [{ type: 'access.requested', status: 'pending', actor: plan.requestedBy, at: filed }]
      let grantId: string | null = null
      if (outcome.status === 'granted') {
        const validFrom = decidedAt!
        const validUntil = new Date(validFrom.getTime() + outcome.validDays * DAY)
        const revokedAt = outcome.revokedDaysAgo === undefined ? null : at(outcome.revokedDaysAgo)
        const [g] = (await trx('grants')
          .insert({
            request_id: requestId,
            resource_id: resource.id,
            resource_code: resource.code,
            provider_department: resource.provider_code,
            consumer_department: plan.consumer,
            subjects: JSON.stringify([]),
            version_from: resource.current_version,
            version_to: null,
            items: JSON.stringify(resource.items),
            row_conditions: JSON.stringify({}),
            masking: JSON.stringify({}),
            purpose_code: plan.purpose.code,
            valid_from: validFrom,
            valid_until: validUntil,
            status: revokedAt ? 'revoked' : validUntil < now ? 'expired' : 'active',
            revoked_at: revokedAt,
            revoked_by: revokedAt ? `steward-${resource.provider_code}` : null,
            revoke_reason: revokedAt ? '用途已变更，需重新申请' : null,
            created_at: validFrom,
            updated_at: revokedAt ?? validFrom,
          })
          .returning('*')) as { id: string }[]
        grantId = g!.id
        await trx('access_requests').where({ id: requestId }).update({ grant_id: grantId })
        grants.push(historyGrant(plan, g as never))
      }
      if (decidedAt) {
        timeline.push({
          type: `access.${outcome.status}`,
          status: outcome.status,
          actor: outcome.status === 'withdrawn' ? plan.requestedBy : `steward-${resource.provider_code}`,
          at: decidedAt,
        })
      }
      await trx('access_request_events').insert(
        timeline.map((t) => ({
          request_id: requestId,
          type: t.type,
          status: t.status,
          actor: t.actor,
          note: t.type === 'access.refused' && outcome.status === 'refused' ? outcome.reason : null,
          details: JSON.stringify(grantId && t.type === 'access.granted' ? { grantId } : {}),
          at: t.at,
        })),
      )
    })
  }
  return grants
}

function historyGrant(
  plan: RequestPlan,
  row: { id: string; valid_from: Date; valid_until: Date; revoked_at: Date | null },
): HistoryGrant {
  const revoked = row.revoked_at !== null
  return {
    key: plan.key,
    id: String(row.id),
    consumer: plan.consumer,
    resourceCode: plan.resourceCode,
    purposeCode: plan.purpose.code,
    validFrom: new Date(row.valid_from),
    endsAt: new Date(revoked ? row.revoked_at! : row.valid_until),
    endReason: revoked ? 'grant-revoked' : new Date(row.valid_until) < new Date() ? 'grant-expired' : null,
  }
}
