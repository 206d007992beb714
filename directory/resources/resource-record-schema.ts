import { userSchemaProblems } from '../../platform/schemas/user-schema.ts'
import type { ResourceItem } from '../../schemas/generated/types.ts'

/**
 * The JSON Schema of one record of a resource. Derived from the information items by default; a
 * steward may give a richer one (patterns, enums), but it must describe exactly the items with
 * compatible types, because consumers and adapters validate records against it.
 *
 * Money (Y, 货币型) is an exact decimal string with two places, `"7300.00"`, as every canonical
 * record kind and every fetch carries it: a binary floating-point number cannot hold 0.10 yuan.
 */

type JsonType = 'string' | 'number' | 'integer' | 'boolean'

const TYPE_BY_DATA_TYPE: Record<ResourceItem['dataType'], JsonType> = {
  C: 'string',
  M: 'string',
  G: 'string',
  D: 'string',
  T: 'string',
  N: 'number',
  Y: 'string',
  B: 'number',
  F: 'number',
  I: 'integer',
  L: 'boolean',
}

/** Yuan to the fen, e.g. `7300.00`, `-12.50`. */
export const MONEY_PATTERN = '^-?[0-9]+\\.[0-9]{2}$'

export function deriveRecordSchema(items: ResourceItem[]): Record<string, unknown> {
  const properties: Record<string, unknown> = {}
  for (const item of items) {
    const type = TYPE_BY_DATA_TYPE[item.dataType]
    const property: Record<string, unknown> = { type: [type, 'null'], description: item.name }
    if (item.dataType === 'C' || item.dataType === 'M') property.maxLength = item.length
    if (item.dataType === 'D') property.format = 'date'
    if (item.dataType === 'T') property.format = 'date-time'
    if (item.dataType === 'G') property.contentEncoding = 'base64'
    if (item.dataType === 'Y') property.pattern = MONEY_PATTERN
    properties[item.code] = property
  }
  return { type: 'object', additionalProperties: false, properties }
}

/** Disagreements between a given record schema and the items, as `{ path, message }` (empty when it fits). */
export function recordSchemaProblems(
  schema: Record<string, unknown>,
  items: ResourceItem[],
): { path: string; message: string }[] {
  const at = (p: string) => `/body/recordSchema${p}`
  if (schema.type !== 'object') return [{ path: at('/type'), message: 'must be "object"' }]
  const unsafe = userSchemaProblems(schema, at(''))
  if (unsafe.length > 0) return unsafe
  const properties = schema.properties
  if (!properties || typeof properties !== 'object' || Array.isArray(properties)) {
    return [{ path: at('/properties'), message: 'must describe every information item' }]
  }
  const props = properties as Record<string, unknown>
  const problems: { path: string; message: string }[] = []
  for (const item of items) {
    const property = props[item.code]
    if (property === undefined) {
      problems.push({ path: at(`/properties/${item.code}`), message: `is missing for item ${item.name}` })
      continue
    }
    const expected = TYPE_BY_DATA_TYPE[item.dataType]
    const declared = declaredTypes(property)
    if (!declared.some((t) => compatible(t, expected))) {
      problems.push({
        path: at(`/properties/${item.code}/type`),
        message: `must be ${expected} for data type ${item.dataType}, not ${declared.join('|') || 'absent'}`,
      })
    }
  }
  const codes = new Set(items.map((i) => i.code))
  for (const name of Object.keys(props)) {
    if (!codes.has(name)) {
      problems.push({ path: at(`/properties/${name}`), message: 'describes no information item' })
    }
  }
  return problems
}

function declaredTypes(property: unknown): string[] {
  if (!property || typeof property !== 'object') return []
  const type = (property as { type?: unknown }).type
  if (typeof type === 'string') return [type]
  if (Array.isArray(type)) return type.filter((t): t is string => typeof t === 'string' && t !== 'null')
  return []
}

// An integer is a number, so a schema may be stricter than `number` but never looser than `integer`.
function compatible(declared: string, expected: JsonType): boolean {
  return declared === expected || (expected === 'number' && declared === 'integer')
}
