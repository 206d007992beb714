import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export const SCHEMAS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../schemas')

export interface JsonSchema {
  $id: string
  title?: string
  description?: string
  [keyword: string]: unknown
}

export interface SchemaFile {
  /** Path relative to schemas/, which is also the schema's `$id` (e.g. `events/outbox-event.json`). */
  file: string
  schema: JsonSchema
}

/**
 * All JSON Schemas of the hub, read from schemas/ (the single source for validation, the OpenAPI
 * document and the generated TypeScript types). A schema's `$id` is its path inside schemas/, so
 * `{ $ref: 'problem.json#' }` works the same in fastify and in the type generator.
 */
export function loadSchemaFiles(dir: string = SCHEMAS_DIR): SchemaFile[] {
  const out: SchemaFile[] = []
  const walk = (sub: string) => {
    for (const entry of readdirSync(path.join(dir, sub), { withFileTypes: true })) {
      const rel = sub ? `${sub}/${entry.name}` : entry.name
      if (entry.isDirectory()) {
        if (entry.name !== 'generated') walk(rel)
      } else if (entry.name.endsWith('.json')) {
        out.push({ file: rel, schema: JSON.parse(readFileSync(path.join(dir, rel), 'utf8')) as JsonSchema })
      }
    }
  }
  walk('')
  return out.sort((a, b) => a.file.localeCompare(b.file))
}

/** A `$ref` to a shared schema, for route definitions: `ref('problem.json')`. */
export function ref(id: string): { $ref: string } {
  return { $ref: `${id}#` }
}
