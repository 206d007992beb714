import { readFile, writeFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import { useTestApp } from '../../test/support/test-app.ts'
import { API_SCHEMA_FILE, renderApiSchema } from './api-schema.ts'

const hub = useTestApp()

describe('the console API types', () => {
  it('match the OpenAPI document the hub serves (npm run gen:api rewrites them)', async () => {
    const doc = (await hub.app.inject({ method: 'GET', url: '/openapi.json' })).json()
    const expected = await renderApiSchema(doc)
    if (process.env.UPDATE_API_SCHEMA === '1') await writeFile(API_SCHEMA_FILE, expected)
    expect(await readFile(API_SCHEMA_FILE, 'utf8')).toBe(expected)
  })
})
