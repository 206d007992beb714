import path from 'node:path'
import openapiTS, { astToString } from 'openapi-typescript'

/** Where the console's typed view of the hub's OpenAPI document lives (committed). */
export const API_SCHEMA_FILE = path.resolve(import.meta.dirname, '../src/api/schema.d.ts')

const HEADER = `/**
 * The hub's operations as TypeScript types, generated from its /openapi.json by \`npm run gen:api\`.
 * Do not edit by hand: a test fails when this file no longer matches the hub.
 */

`

/** Renders the OpenAPI document as the console's schema.d.ts text. */
export async function renderApiSchema(document: Record<string, unknown>): Promise<string> {
  const ast = await openapiTS(document as unknown as Parameters<typeof openapiTS>[0], { alphabetize: true })
  return HEADER + astToString(ast)
}
