import type { Knex } from 'knex'
import type { CalendarSettings } from '../platform/calendar/working-days.ts'
import type { AuditAccess, AuditAggregate, AuditAnomaly } from '../schemas/generated/types.ts'
import { AUTH_FAILED_ACTION, AUTH_FAILED_SUMMARY_ACTION } from './denial-recorder.ts'

/**
 * Reports over the trail: anomalies for the security officer, aggregates, and a citizen's view of
 * who accessed their data. Everything is computed in PostgreSQL, bounded by `occurred_at` (so whole
 * monthly partitions are skipped) and capped in rows.
 */

export type AnomalyKind =
  | 'access-without-case'
  | 'after-grant-end'
  | 'volume-spike'
  | 'off-hours-bulk'
  | 'repeated-denials'
  | 'failed-authentications'

export type AggregateKey =
  | 'principal'
  | 'department'
  | 'action'
  | 'outcome'
  | 'reason'
  | 'day'
  | 'department-day'
  | 'weekday-hour'

/**
 * Actions that hand out a data subject's records and so must serve an open case. Features record
 * their accesses under these names (see audit/README.md); other actions are administrative.
 */
export const DATA_ACCESS_ACTIONS = ['exchange.fetch', 'certificates.fetch', 'cases.read'] as const

/**
 * Working hours (08:00–18:00 on working days) are judged on the hub's local clock: all of China is on
 * one time zone, and holidays are Shanghai calendar dates.
 */
export const HUB_TIME_ZONE = 'Asia/Shanghai'
const MAX_FINDINGS = 500
const DRILL_DOWN_IDS = 100
/** Groups per answer: one key, and two keys (a department per day over a year stays under it). */
const MAX_GROUPS = 1000
const MAX_PAIRS = 10_000

interface FindingRow {
  principal: string
  department: string | null
  window_start: Date
  window_end: Date
  n: number
  baseline: number | null
  ids: string[]
}

interface Window {
  from: Date
  to: Date
  threshold: number
}

const SELECT_GROUP = `principal, max(department) as department, count(*)::int as n,
  (array_agg(id order by id))[1:${DRILL_DOWN_IDS}] as ids`

const NO_CALENDAR: CalendarSettings = { holidays: [], makeUpWorkdays: [] }

export class AnomalyReadModel {
  /**
   * `calendar` is the working-day calendar of decision deadlines (config `WORKDAY_HOLIDAYS`,
   * `WORKDAY_MAKEUP_DAYS`): a statutory holiday is off-hours all day, a make-up workday (调休上班)
   * has normal working hours although it falls on a weekend.
   */
  constructor(
    private readonly db: Knex,
    private readonly calendar: CalendarSettings = NO_CALENDAR,
  ) {}

  async anomalies(kind: AnomalyKind, w: Window): Promise<AuditAnomaly[]> {
    const rows = await this.query(kind, w)
    return rows.map((r) => {
      const windowStart = r.window_start.toISOString()
      const windowEnd = r.window_end.toISOString()
      const outcome =
        kind === 'after-grant-end' || kind === 'repeated-denials' || kind === 'failed-authentications'
          ? '&outcome=denied'
          : ''
      return {
        kind,
        principal: r.principal,
        department: r.department,
        windowStart,
        windowEnd,
        count: r.n,
        baseline: r.baseline === null ? null : Number(r.baseline),
        recordIds: r.ids.map(Number),
        drillDown: `/v1/audit/records?principal=${encodeURIComponent(r.principal)}&from=${windowStart}&to=${windowEnd}${outcome}`,
      }
    })
  }

  private async query(kind: AnomalyKind, { from, to, threshold }: Window): Promise<FindingRow[]> {
    const actions = [...DATA_ACCESS_ACTIONS]
    // Whole-window findings report the window they were found in; per-hour ones their hour.
    const whole = (where: string, having = 'true', params: Knex.RawBinding[] = []) =>
      this.db.raw<{ rows: FindingRow[] }>(
        `select ${SELECT_GROUP}, cast(? as timestamptz) as window_start, cast(? as timestamptz) as window_end,
                null::float8 as baseline
           from audit_records where occurred_at >= ? and occurred_at < ? and ${where}
          group by principal having ${having} order by n desc, principal limit ${MAX_FINDINGS}`,
        [from, to, from, to, ...params],
      )
    let result: { rows: FindingRow[] }
    if (kind === 'access-without-case') {
      result = await whole('action = any(?) and case_number is null', 'true', [actions])
    } else if (kind === 'after-grant-end') {
      result = await whole(`outcome = 'denied' and reason in ('grant-expired', 'grant-revoked')`)
    } else if (kind === 'repeated-denials') {
      result = await whole(`outcome = 'denied'`, 'count(*) >= ?', [threshold])
    } else if (kind === 'failed-authentications') {
      // One record per source and reason per interval plus a summary counting the rest (DenialRecorder).
      const failures = `coalesce((details::json->>'count')::int, 1)`
      result = await this.db.raw<{ rows: FindingRow[] }>(
        `select principal, max(department) as department, sum(${failures})::int as n,
                (array_agg(id order by id))[1:${DRILL_DOWN_IDS}] as ids,
                cast(? as timestamptz) as window_start, cast(? as timestamptz) as window_end, null::float8 as baseline
           from audit_records where occurred_at >= ? and occurred_at < ? and action = any(?)
          group by principal having sum(${failures}) >= ? order by n desc, principal limit ${MAX_FINDINGS}`,
        [from, to, from, to, [AUTH_FAILED_ACTION, AUTH_FAILED_SUMMARY_ACTION], threshold],
      )
    } else if (kind === 'volume-spike') {
      // The median over the hours the principal was active: counting idle hours would make it 0 for
      // nearly everyone, and every burst a spike.
      result = await this.db.raw(
        `with hourly as (
           select ${SELECT_GROUP}, date_trunc('hour', occurred_at, 'UTC') as hour
             from audit_records where occurred_at >= ? and occurred_at < ? and action = any(?)
            group by principal, hour
         ), usual as (
           select principal, percentile_cont(0.5) within group (order by n) as median, count(*) as hours
             from hourly group by principal
         )
         select h.principal, h.department, h.n, h.ids, h.hour as window_start,
                h.hour + interval '1 hour' as window_end, u.median as baseline
           from hourly h join usual u using (principal)
          where u.hours >= 3 and h.n > ? * u.median
          order by h.n desc, h.principal limit ${MAX_FINDINGS}`,
        [from, to, actions, threshold],
      )
    } else {
      result = await this.db.raw(
        `with hourly as (
           select ${SELECT_GROUP}, date_trunc('hour', occurred_at at time zone '${HUB_TIME_ZONE}') as local_hour
             from audit_records where occurred_at >= ? and occurred_at < ? and action = any(?)
            group by principal, local_hour
         )
         select principal, department, n, ids, local_hour at time zone '${HUB_TIME_ZONE}' as window_start,
                (local_hour + interval '1 hour') at time zone '${HUB_TIME_ZONE}' as window_end, null::float8 as baseline
           from hourly
          where n > ? and (extract(hour from local_hour) < 8 or extract(hour from local_hour) >= 18
                           or case when local_hour::date = any(?::date[]) then false
                                   when local_hour::date = any(?::date[]) then true
                                   else extract(isodow from local_hour) >= 6 end)
          order by n desc, principal limit ${MAX_FINDINGS}`,
        // Make-up workdays first: the same precedence as WorkingDayCalendar.isWorkingDay. The day
        // lists go in as two array parameters and are tested per active hour, not per record.
        [from, to, actions, threshold, [...this.calendar.makeUpWorkdays], [...this.calendar.holidays]],
      )
    }
    return result.rows
  }

  async aggregates(
    groupBy: AggregateKey,
    { from, to, accessesOnly = false }: { from: Date; to: Date; accessesOnly?: boolean },
  ): Promise<AuditAggregate[]> {
    const local = `occurred_at at time zone '${HUB_TIME_ZONE}'`
    const day = `to_char(${local}, 'YYYY-MM-DD')`
    // Two-key groupings (for charts): the second key is `subKey`.
    const [key, subKey] = {
      principal: ['principal', null],
      department: ['department', null],
      action: ['action', null],
      outcome: ['outcome', null],
      reason: ['reason', null],
      day: [day, null],
      'department-day': ['department', day],
      'weekday-hour': [`extract(isodow from ${local})::int::text`, `to_char(${local}, 'HH24')`],
    }[groupBy]
    const ordered = groupBy === 'day' || subKey !== null
    const { rows } = await this.db.raw<{
      rows: { key: string | null; subKey?: string; total: number; allowed: number; denied: number }[]
    }>(
      `select ${key} as key, ${subKey === null ? '' : `${subKey} as "subKey", `}count(*)::int as total,
              count(*) filter (where outcome = 'allowed')::int as allowed,
              count(*) filter (where outcome = 'denied')::int as denied
         from audit_records where occurred_at >= ? and occurred_at < ?${accessesOnly ? ' and action = any(?)' : ''}
        group by ${subKey === null ? '1' : '1, 2'}
        order by ${ordered ? (subKey === null ? 'key' : '1, 2') : 'total desc, key'} limit ${subKey === null ? MAX_GROUPS : MAX_PAIRS}`,
      accessesOnly ? [from, to, [...DATA_ACCESS_ACTIONS]] : [from, to],
    )
    return rows
  }

  /** Allowed accesses to one subject's data by anyone but the subject, newest first. */
  async accessesTo(
    subjectHash: string,
    self: string,
    page: { beforeId?: number; limit: number },
  ): Promise<{ items: AuditAccess[]; nextCursor: string | null }> {
    const q = this.db('audit_records')
      .select(
        'id',
        'occurred_at',
        'department',
        'action',
        'resource_type',
        'resource_id',
        'items',
        'purpose',
        'case_number',
        'details',
      )
      .where({ subject_hash: subjectHash, outcome: 'allowed' })
      .whereNot('principal', self)
      // A citizen's own looks at this list, under whichever login, are not accesses to their data.
      .whereNot('action', 'audit.my-accesses')
      .orderBy('id', 'desc')
      .limit(page.limit + 1)
    if (page.beforeId !== undefined) q.where('id', '<', page.beforeId)
    const rows = await q
    const items: AuditAccess[] = rows.slice(0, page.limit).map((r) => ({
      occurredAt: (r.occurred_at as Date).toISOString(),
      department: r.department,
      action: r.action,
      resourceType: r.resource_type,
      resourceId: r.resource_id,
      items: r.items,
      purpose: r.purpose,
      purposeText: purposeTextOf(r.details),
      caseNumber: r.case_number,
    }))
    const more = rows.length > page.limit
    return { items, nextCursor: more ? String(rows[page.limit - 1].id) : null }
  }
}

/** The caller's own words for the purpose, kept in a record's details (`purposeText`) by the fetch. */
function purposeTextOf(details: string | null): string | null {
  if (details === null) return null
  const text = (JSON.parse(details) as { purposeText?: unknown }).purposeText
  return typeof text === 'string' ? text : null
}
