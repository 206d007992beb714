import type { Schemas } from '../../api/client.ts'

/**
 * The dashboard's figures, computed from what the API answers (pure, so they are tested without a
 * browser): materials replaced per department and per service item against the goals, one-visit and
 * on-time rates, overdue counts, and the monthly trend.
 */

export interface DashboardData {
  statistics: Schemas['CaseStatistics']
  avoided: Schemas['CertificateMaterialsAvoided']
  indicators: Schemas['DashboardIndicators']
}

/** A fraction as a percentage with one decimal (0 when there is nothing to divide). */
export function percent(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((part / whole) * 1000) / 10
}

export interface MaterialsRow {
  code: string
  required: number
  replaced: number
  percent: number
}

/** Required and replaced materials summed per department or per service item, best first. */
export function materialsBy(
  avoided: Schemas['CertificateMaterialsAvoided'],
  key: 'departmentCode' | 'serviceItemCode',
): MaterialsRow[] {
  const sums = new Map<string, { required: number; replaced: number }>()
  for (const item of avoided.items) {
    const code = item[key] ?? '—'
    const sum = sums.get(code) ?? { required: 0, replaced: 0 }
    sum.required += item.required
    sum.replaced += item.replaced
    sums.set(code, sum)
  }
  return [...sums.entries()]
    .map(([code, s]) => ({ code, ...s, percent: percent(s.replaced, s.required) }))
    .sort((a, b) => b.percent - a.percent || a.code.localeCompare(b.code))
}

export interface DepartmentRates {
  code: string
  completed: number
  oneVisitPercent: number
  onTimePercent: number
  overdueCases: number
  overdueRequests: number
}

/** Per department: one-visit and on-time rates of completed cases, cases and access requests overdue. */
export function departmentRates(data: DashboardData): DepartmentRates[] {
  const requests = new Map(data.indicators.overdueRequests.map((r) => [r.department, r.overdue]))
  const codes = new Set([...data.statistics.departments.map((d) => d.department), ...requests.keys()])
  return [...codes].sort().map((code) => {
    const d = data.statistics.departments.find((s) => s.department === code)
    return {
      code,
      completed: d?.completed ?? 0,
      oneVisitPercent: percent(d?.completedInOneVisit ?? 0, d?.completed ?? 0),
      onTimePercent: percent(d?.completedOnTime ?? 0, d?.completed ?? 0),
      overdueCases: d?.overdueOpen ?? 0,
      overdueRequests: requests.get(code) ?? 0,
    }
  })
}

export interface Headline {
  materialsPercent: number
  oneVisitPercent: number
  onTimePercent: number
  overdueCases: number
  overdueRequests: number
  exchanges: number
  adaptersUp: number
  adapters: number
}

/** The numbers at the top of the page, over every department. */
export function headline(data: DashboardData): Headline {
  const sum = <T>(rows: T[], f: (r: T) => number) => rows.reduce((n, r) => n + f(r), 0)
  const departments = data.statistics.departments
  const completed = sum(departments, (d) => d.completed)
  return {
    materialsPercent: percent(data.avoided.total.replaced, data.avoided.total.required),
    oneVisitPercent: percent(
      sum(departments, (d) => d.completedInOneVisit),
      completed,
    ),
    onTimePercent: percent(
      sum(departments, (d) => d.completedOnTime),
      completed,
    ),
    overdueCases: sum(departments, (d) => d.overdueOpen),
    overdueRequests: sum(data.indicators.overdueRequests, (r) => r.overdue),
    exchanges: sum(data.indicators.months, (m) => m.exchangesAllowed),
    adaptersUp: data.indicators.adapters.filter((a) => a.status === 'up').length,
    adapters: data.indicators.adapters.length,
  }
}

export interface MonthRow {
  month: string
  materialsPercent: number
  oneVisitPercent: number
  onTimePercent: number
  exchangesAllowed: number
  exchangesDenied: number
}

export function monthRows(indicators: Schemas['DashboardIndicators']): MonthRow[] {
  return indicators.months.map((m) => ({
    month: m.month,
    materialsPercent: percent(m.materialsReplaced, m.materialsRequired),
    oneVisitPercent: percent(m.completedInOneVisit, m.completed),
    onTimePercent: percent(m.completedOnTime, m.completed),
    exchangesAllowed: m.exchangesAllowed,
    exchangesDenied: m.exchangesDenied,
  }))
}
