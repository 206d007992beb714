/**
 * `npm run gen:api`: writes web/src/api/schema.d.ts from the OpenAPI document of a running hub
 * (HUB_URL, default http://127.0.0.1:8080 — what `npm start` serves).
 */
import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import { API_SCHEMA_FILE, renderApiSchema } from './api-schema.ts'

const base = process.env.HUB_URL ?? 'http://127.0.0.1:8080'
const response = await fetch(new URL('/openapi.json', base))
if (!response.ok) {
  console.error(`GET ${base}/openapi.json answered ${response.status}; start the hub with npm start first`)
  process.exit(1)
}
await writeFile(API_SCHEMA_FILE, await renderApiSchema((await response.json()) as Record<string, unknown>))
console.log(`wrote ${path.relative(process.cwd(), API_SCHEMA_FILE)}`)
