/** Dates and enumerations as the console shows them: Asia/Shanghai time, Chinese labels through i18n keys. */

// Asia/Shanghai has kept UTC+8 without daylight saving since 1991, so Beijing time is a fixed shift:
// no page pays for building an ICU time-zone formatter (~50 ms, the dashboard's profile showed).
const BEIJING_OFFSET_MS = 8 * 3_600_000

/** `YYYY-MM-DDTHH:MM:SS.sssZ` of the Beijing wall-clock time (the `Z` is not meant). */
const beijing = (date: Date) => new Date(date.getTime() + BEIJING_OFFSET_MS).toISOString()

/** `2026-12-05 08:30` in Beijing time; '—' for nothing. */
export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '—'
  const date = new Date(value)
  if (Number.isNaN(date.getTime())) return value
  const iso = beijing(date)
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)}`
}

/** `2026-12-05` in Beijing time; plain `YYYY-MM-DD` dates are shown as they are. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '—'
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value
  const date = new Date(value)
  if (Number.isNaN(date.getTime())) return value
  return beijing(date).slice(0, 10)
}

/** Today's date in Beijing, `YYYY-MM-DD`. */
export function todayInShanghai(now: Date = new Date()): string {
  return beijing(now).slice(0, 10)
}

/**
 * A whole number with thousands separators as zh-CN writes it, `12,345`, without the ICU number
 * formatter `toLocaleString` builds on a page's first call (the dashboard's profile: ~100 ms cold).
 */
export function formatCount(n: number): string {
  return String(Math.trunc(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',')
}

/** `YYYY-MM-DD` plus whole days (calendar days). */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + days)
  return d.toISOString().slice(0, 10)
}

/** The i18n key of an enumeration value, e.g. enumKey('shareType', 'conditional') → 'enum.shareType.conditional'. */
export function enumKey(kind: string, value: string | null | undefined): string {
  return `enum.${kind}.${value ?? 'none'}`
}

/** Whole days from now until a deadline (negative once past). */
export function daysUntil(deadline: string, now: Date = new Date()): number {
  return Math.ceil((new Date(deadline).getTime() - now.getTime()) / 86_400_000)
}

/** A resource code as it goes into a URL path: `203001/00042` → `203001-00042` (the API reads both). */
export function urlCode(code: string): string {
  return code.replace('/', '-')
}
