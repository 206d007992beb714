import type { Knex } from 'knex'
import { DATA_ACCESS_ACTIONS } from '../../audit/anomaly-read-model.ts'
import type { DashboardIndicators } from '../../schemas/generated/types.ts'
import { DEADLINE_SQL } from '../cases/case-read-model.ts'
import { GOALS } from '../certificates/materials-avoided-read-model.ts'

/**
 * The leaders' dashboard figures that no other operation gives: the month-by-month trend of cases,
 * materials replaced by sharing and data exchanged, and the access requests past their decision
 * deadline. Months are calendar months in China Standard Time, where the programme reports them.
 * The per-department and per-item figures come from /v1/cases/statistics and
 * /v1/certificates/stats/materials-avoided, whose definitions the month rows repeat.
 */
export async function dashboardTrend(
  db: Knex,
  window: { from: string; to: string; now: Date },
  /** One department's own figures (its cases, its staff's accesses, requests made to it); null: every department. */
  department: string | null,
): Promise<Pick<DashboardIndicators, 'months' | 'overdueRequests' | 'goals'>> {
  const { from, to } = window
  const caseScope = department === null ? '' : 'and fc.department_code = ?'
  const accessScope = department === null ? '' : 'and department = ?'
  const only = department === null ? [] : [department]
  const { rows } = (await db.raw(
    `with months as (
       select to_char(m, 'YYYY-MM') as month
         from generate_series(date_trunc('month', ?::timestamptz at time zone 'Asia/Shanghai'),
                              date_trunc('month', (?::timestamptz - interval '1 microsecond') at time zone 'Asia/Shanghai'),
                              interval '1 month') m),
     required as (select service_item_code, count(*) as n from service_item_materials
                   where required group by service_item_code),
     replaced as (select f.case_number, count(*) as n
                    from case_material_fetches f
                    join cases fc on fc.case_number = f.case_number
                    join service_item_materials m on m.service_item_code = fc.service_item_code
                                                 and m.material_code = f.material_code and m.required
                   where fc.accepted_at >= ? and fc.accepted_at < ? ${caseScope}
                   group by f.case_number),
     case_months as (
       select to_char(fc.accepted_at at time zone 'Asia/Shanghai', 'YYYY-MM') as month,
              count(*)::int as accepted,
              count(*) filter (where completed_at is not null)::int as completed,
              count(*) filter (where completed_at is not null
                and (promised_at is null or completed_at <= ${DEADLINE_SQL}))::int as on_time,
              count(*) filter (where completed_at is not null and visits <= 1)::int as one_visit,
              coalesce(sum(r.n), 0)::int as required,
              coalesce(sum(f.n), 0)::int as replaced
         from cases fc
         left join required r on r.service_item_code = fc.service_item_code
         left join replaced f on f.case_number = fc.case_number
        where fc.accepted_at >= ? and fc.accepted_at < ? ${caseScope}
        group by 1),
     access_months as (
       select to_char(occurred_at at time zone 'Asia/Shanghai', 'YYYY-MM') as month,
              count(*) filter (where outcome = 'allowed')::int as allowed,
              count(*) filter (where outcome = 'denied')::int as denied
         from audit_records
        where occurred_at >= ? and occurred_at < ? and action = any(?) ${accessScope}
        group by 1)
     select months.month,
            coalesce(c.accepted, 0) as accepted, coalesce(c.completed, 0) as completed,
            coalesce(c.on_time, 0) as on_time, coalesce(c.one_visit, 0) as one_visit,
            coalesce(c.required, 0) as required, coalesce(c.replaced, 0) as replaced,
            coalesce(a.allowed, 0) as allowed, coalesce(a.denied, 0) as denied
       from months
       left join case_months c on c.month = months.month
       left join access_months a on a.month = months.month
      order by months.month`,
    [from, to, from, to, ...only, from, to, ...only, from, to, [...DATA_ACCESS_ACTIONS], ...only],
  )) as { rows: Record<string, string | number>[] }

  const overdue = (await db('access_requests')
    .select('provider_department as department')
    .count<{ department: string; overdue: string }[]>('* as overdue')
    .where('status', 'pending')
    .where('decision_deadline', '<=', window.now)
    .modify((q) => {
      if (department !== null) q.where('provider_department', department)
    })
    .groupBy('provider_department')
    .orderBy('provider_department')) as { department: string; overdue: string | number }[]

  return {
    goals: { ...GOALS },
    months: rows.map((r) => ({
      month: String(r.month),
      accepted: Number(r.accepted),
      completed: Number(r.completed),
      completedOnTime: Number(r.on_time),
      completedInOneVisit: Number(r.one_visit),
      materialsRequired: Number(r.required),
      materialsReplaced: Number(r.replaced),
      exchangesAllowed: Number(r.allowed),
      exchangesDenied: Number(r.denied),
    })),
    overdueRequests: overdue.map((r) => ({ department: r.department, overdue: Number(r.overdue) })),
  }
}
