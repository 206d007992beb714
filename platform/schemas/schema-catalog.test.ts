import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadSchemaFiles, SCHEMAS_DIR } from './schema-catalog.ts'
import { generateTypes } from './type-generator.ts'

/** Paths of properties without a description, found anywhere inside a schema. */
function undescribed(node: unknown, at: string): string[] {
  if (Array.isArray(node)) return node.flatMap((n, i) => undescribed(n, `${at}/${i}`))
  if (!node || typeof node !== 'object') return []
  const obj = node as Record<string, unknown>
  const missing: string[] = []
  if (obj.properties && typeof obj.properties === 'object') {
    for (const [name, prop] of Object.entries(obj.properties as Record<string, Record<string, unknown>>)) {
      const hasDescription = typeof prop.description === 'string' && prop.description.trim() !== ''
      if (!hasDescription && !prop.$ref) missing.push(`${at}/properties/${name}`)
    }
  }
  for (const [key, value] of Object.entries(obj)) missing.push(...undescribed(value, `${at}/${key}`))
  return missing
}

describe('schemas/ as the single source', () => {
  const files = loadSchemaFiles()

  it('finds the schemas', () => {
    expect(files.map((f) => f.file)).toContain('problem.json')
  })

  it.each(files.map((f) => [f.file, f.schema] as const))(
    '%s has an $id equal to its path and a title',
    (file, schema) => {
      expect(schema.$id).toBe(file)
      expect(schema.title).toMatch(/^[A-Z][A-Za-z0-9]+$/)
    },
  )

  it.each(files.map((f) => [f.file, f.schema] as const))('%s describes every property', (file, schema) => {
    expect(undescribed(schema, file)).toEqual([])
  })

  it('the meta check catches a property without a description', () => {
    const bad = {
      $id: 'x.json',
      properties: { a: { type: 'object', properties: { b: { type: 'string' } } } },
    }
    expect(undescribed(bad, 'x.json')).toEqual(['x.json/properties/a', 'x.json/properties/a/properties/b'])
  })

  it('has fresh generated TypeScript types (run `npm run gen:types` after changing a schema)', async () => {
    const onDisk = await readFile(path.join(SCHEMAS_DIR, 'generated', 'types.ts'), 'utf8')
    expect(onDisk).toBe(await generateTypes())
  })
})
