import { loadSchemaFiles } from '../../platform/schemas/schema-catalog.ts'
import type { KindFields } from '../fetch/record-source.ts'

/** The canonical field names of each record kind, from `schemas/records/*.json`. */
export function recordKindFields(): KindFields {
  const fields = new Map<string, string[]>()
  for (const { file, schema } of loadSchemaFiles()) {
    if (file.startsWith('records/'))
      fields.set(file, Object.keys((schema as { properties?: object }).properties ?? {}))
  }
  return (schemaId) => fields.get(schemaId) ?? []
}
