/** Dates and enumerations as the console shows them: Asia/Shanghai time, Chinese labels through i18n keys. */

const TIME_ZONE = 'Asia/Shanghai'

const dateTimeFormats = new Map<string, Intl.DateTimeFormat>()

function formatter(locale: string, withTime: boolean): Intl.DateTimeFormat {
  const key = `${locale}|${withTime}`
  let f = dateTimeFormats.get(key)
  if (!f) {
    f = new Intl.DateTimeFormat('sv-SE', {
      timeZone: TIME_ZONE,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      ...(withTime ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } : {}),
    })
    dateTimeFormats.set(key, f)
  }
  return f
}

/** `2026-12-05 08:30` in Beijing time; '—' for nothing. */
export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '—'
  const date = new Date(value)
  if (Number.isNaN(date.getTime())) return value
  return formatter('zh-CN', true).format(date)
}

/** `2026-12-05` in Beijing time; plain `YYYY-MM-DD` dates are shown as they are. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '—'
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value
  const date = new Date(value)
  if (Number.isNaN(date.getTime())) return value
  return formatter('zh-CN', false).format(date)
}

/** Today's date in Beijing, `YYYY-MM-DD`. */
export function todayInShanghai(now: Date = new Date()): string {
  return formatter('zh-CN', false).format(now)
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
