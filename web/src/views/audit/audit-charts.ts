/**
 * The audit aggregates shaped for the four charts and their data tables. Pure and free of the API
 * client, so the browser test can compute what the page must show with the same rules.
 */

/** One group of `GET /v1/audit/aggregates` (AuditAggregate). */
export interface Aggregate {
  key: string | null
  subKey?: string
  total: number
  allowed: number
  denied: number
}

/** Outside 08:00–18:00 or on a weekend (ISO weekday 6, 7), as the off-hours rule judges on the hub's clock. */
export function isOffHours(weekday: number, hour: number): boolean {
  return weekday >= 6 || hour < 8 || hour >= 18
}

/** Days (x axis) and, per department, its count each day; the `top` busiest departments, the rest summed as null key. */
export function perDepartmentDay(items: Aggregate[], top = 6) {
  const days = [...new Set(items.map((i) => i.subKey ?? ''))].sort()
  const totals = new Map<string, number>()
  for (const i of items) totals.set(i.key ?? '', (totals.get(i.key ?? '') ?? 0) + i.total)
  const departments = [...totals.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, top)
    .map(([department, total]) => ({ department, total }))
  const series = departments.map(({ department }) => ({
    department,
    counts: days.map(
      (day) => items.find((i) => (i.key ?? '') === department && i.subKey === day)?.total ?? 0,
    ),
  }))
  return { days, departments, series }
}

/** Refusals per reason, largest first. */
export function denialsByReason(items: Aggregate[]) {
  return items
    .filter((i) => i.denied > 0)
    .map((i) => ({ reason: i.key ?? '', denied: i.denied }))
    .sort((a, b) => b.denied - a.denied || a.reason.localeCompare(b.reason))
}

/** Heat-map cells [hour, weekday index 0–6, count], and the off-hours total. */
export function weekdayHour(items: Aggregate[]) {
  const cells: [number, number, number][] = items.map((i) => [Number(i.subKey), Number(i.key) - 1, i.total])
  const offHours = cells.filter(([h, w]) => isOffHours(w + 1, h)).reduce((n, [, , c]) => n + c, 0)
  const max = cells.reduce((m, [, , c]) => Math.max(m, c), 0)
  const busiest = [...cells].sort((a, b) => b[2] - a[2]).slice(0, 5)
  return { cells, offHours, max, busiest }
}

/** Departments by allowed data accesses, largest first. */
export function topConsumers(items: Aggregate[], top = 10) {
  return items
    .filter((i) => i.key !== null && i.allowed > 0)
    .map((i) => ({ department: i.key as string, allowed: i.allowed }))
    .sort((a, b) => b.allowed - a.allowed || a.department.localeCompare(b.department))
    .slice(0, top)
}
