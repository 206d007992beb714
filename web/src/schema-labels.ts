/**
 * Labels for the fields and code values of records, read from the JSON Schema that defines them (a
 * resource's record schema, a canonical record kind, a certificate type's face schema) — so a person
 * reads 参保缴费, not `contributing`, and 坐落, not `location`, without the console knowing each kind.
 *
 * A schema gives labels in one of these ways, first match wins:
 * - `oneOf`/`anyOf` of `{ const, title }` (the JSON Schema way of labelling a code list);
 * - `x-enum-labels: { code: label }`;
 * - the description convention of schemas/records: `contributing (参保缴费), suspended (暂停缴费)`.
 * A field's label is its `title`, else a Chinese description up to its first comma or `e.g.`, else the
 * Chinese in parentheses of an English description (`Date the enrolment began (参保日期)`).
 */

export interface PropertySchema {
  title?: string
  description?: string
  enum?: unknown[]
  oneOf?: { const?: unknown; title?: string }[]
  anyOf?: { const?: unknown; title?: string }[]
  'x-enum-labels'?: Record<string, string>
  type?: string | string[]
}

export interface ObjectSchema {
  properties?: Record<string, PropertySchema>
  required?: string[]
}

const CJK = /[\u3400-\u9fff]/

/** The label of a field, or null when the schema gives none. */
export function fieldLabel(schema: PropertySchema | undefined): string | null {
  if (!schema) return null
  if (schema.title?.trim()) return schema.title.trim()
  const description = schema.description?.trim()
  if (!description) return null
  if (CJK.test(description.charAt(0))) {
    const cut = description.split(/[,，;；]|\s+e\.g\.|\s+例如/)[0]!.trim()
    // A trailing format hint (`缴至年月 YYYY-MM`) is for whoever fills the field, not for the reader.
    return cut.replace(/[.。]$/, '').replace(/\s+[YMDHhms:/-]{4,}$/, '') || null
  }
  const bracketed = [...description.matchAll(/[(（]([^()（）]*[\u3400-\u9fff][^()（）]*)[)）]/g)]
  return bracketed.at(-1)?.[1]?.trim() ?? null
}

/** The label of a code value of a field, or null when the schema gives none. */
export function valueLabel(schema: PropertySchema | undefined, value: unknown): string | null {
  if (!schema || (typeof value !== 'string' && typeof value !== 'number')) return null
  for (const option of [...(schema.oneOf ?? []), ...(schema.anyOf ?? [])]) {
    if (option.const === value && option.title) return option.title
  }
  const mapped = schema['x-enum-labels']?.[String(value)]
  if (mapped) return mapped
  if (schema.enum?.includes(value) && schema.description) {
    const escaped = String(value).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    const match = new RegExp(`(?:^|[\\s,:;，：；])${escaped}\\s*[(（]([^)）]+)[)）]`).exec(schema.description)
    if (match?.[1]) return match[1].trim()
  }
  return null
}

/** A value as a person reads it: the code's label with the code after it, or the value itself. */
export function displayValue(
  schema: PropertySchema | undefined,
  value: unknown,
  yesNo: { yes: string; no: string },
): string {
  if (value === null || value === undefined || value === '') return '—'
  if (typeof value === 'boolean') return value ? yesNo.yes : yesNo.no
  const label = valueLabel(schema, value)
  if (label) return label
  if (Array.isArray(value)) return value.map((v) => displayValue(schema, v, yesNo)).join('、')
  if (typeof value === 'object') return JSON.stringify(value)
  return String(value)
}

/** The fields of a record in the schema's order (then any the schema does not name), with labels. */
export function labelledFields(
  schema: ObjectSchema | undefined,
  record: Record<string, unknown>,
  fallback: (key: string) => string = (key) => key,
): { key: string; label: string; schema: PropertySchema | undefined; value: unknown }[] {
  const properties = schema?.properties ?? {}
  // `required` keeps the author's order; the properties' own order may not survive storage (jsonb).
  const ordered = [...new Set([...(schema?.required ?? []), ...Object.keys(properties)])]
  const keys = [
    ...ordered.filter((k) => k in record),
    ...Object.keys(record).filter((k) => !(k in properties)),
  ]
  return keys.map((key) => ({
    key,
    label: fieldLabel(properties[key]) ?? fallback(key),
    schema: properties[key],
    value: record[key],
  }))
}
