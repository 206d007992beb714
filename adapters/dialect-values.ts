/**
 * Conversions of the value formats department systems use, shared by adapters. Each throws on a
 * value it cannot read, so the adapter reports an invalid answer instead of passing on garbage.
 */

/** `20260105` or `2026-01-05` or `2026/01/05` ⇒ `2026-01-05`; empty ⇒ null. */
export function isoDate(value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null
  const m = /^(\d{4})[-/]?(\d{2})[-/]?(\d{2})$/.exec(String(value).trim())
  if (!m) throw new Error(`"${String(value)}" is not a date`)
  return `${m[1]}-${m[2]}-${m[3]}`
}

export function requiredDate(value: unknown): string {
  const date = isoDate(value)
  if (date === null) throw new Error('a required date is missing')
  return date
}

/** `202601` ⇒ `2026-01`. */
export function isoMonth(value: unknown): string {
  const m = /^(\d{4})-?(\d{2})$/.exec(String(value ?? '').trim())
  if (!m) throw new Error(`"${String(value)}" is not a month`)
  return `${m[1]}-${m[2]}`
}

/** An amount in yuan (number or numeric string, optionally in 分 when `cents`) ⇒ `"1234.50"`. */
export function yuan(value: unknown, { cents = false } = {}): string {
  const n = typeof value === 'number' ? value : Number(String(value ?? '').replace(/,/g, ''))
  if (value === null || value === '' || !Number.isFinite(n) || n < 0) {
    throw new Error(`"${String(value)}" is not an amount`)
  }
  return (cents ? n / 100 : n).toFixed(2)
}

/** Looks a department code up in its table; an unknown code is an invalid answer, not a guess. */
export function decode<T>(table: Record<string, T>, value: unknown, what: string): T {
  const decoded = table[String(value)]
  if (decoded === undefined) throw new Error(`unknown ${what} "${String(value)}"`)
  return decoded
}

/** `YYYY-MM-DD` ⇒ `YYYYMMDD` for systems that want compact dates in queries. */
export function compactDate(iso: string): string {
  return iso.replace(/-/g, '')
}
