/**
 * JSON with object keys sorted at every level and undefined members left out: one stable text per
 * value, whatever order its keys were built in. Hashes depend on it (the audit chain stores and
 * hashes these exact characters; idempotency keys and case changes compare by it), so its output
 * must never change.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null'
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  const obj = value as Record<string, unknown>
  const keys = Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort()
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(',')}}`
}
