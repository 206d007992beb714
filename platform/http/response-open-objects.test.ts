import fastJsonStringify from 'fast-json-stringify'
import { describe, expect, it } from 'vitest'
import { useTestApp } from '../../test/support/test-app.ts'

// fast-json-stringify, which renders every response, keeps only declared properties of an object
// unless its schema says `additionalProperties`: a free-form object (a certificate's face data, a
// JSON Schema, an extension) would silently go out as `{}`. Every open object must say so.

type Schema = Record<string, unknown>
const hub = useTestApp()
const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const

interface OpenObject {
  where: string
  schema: Schema
}

function types(schema: Schema): string[] {
  const t = schema.type
  return Array.isArray(t) ? (t as string[]) : typeof t === 'string' ? [t] : []
}

function isObject(schema: Schema): boolean {
  return types(schema).includes('object') || (schema.type === undefined && 'properties' in schema)
}

/** Every object schema under `schema` that does not close itself with `additionalProperties: false`. */
function openObjects(doc: Schema, root: Schema, where: string): OpenObject[] {
  const found: OpenObject[] = []
  const components = (doc.components as { schemas: Record<string, Schema> }).schemas
  const walk = (node: unknown, at: string, seen: ReadonlySet<string>): void => {
    if (!node || typeof node !== 'object') return
    const schema = node as Schema
    if (typeof schema.$ref === 'string') {
      const name = schema.$ref.replace('#/components/schemas/', '')
      if (seen.has(name)) return
      walk(components[name], `${at} → ${name}`, new Set([...seen, name]))
      return
    }
    if (isObject(schema) && schema.additionalProperties !== false) found.push({ where: at, schema })
    for (const [key, child] of Object.entries((schema.properties ?? {}) as Record<string, unknown>))
      walk(child, `${at}.${key}`, seen)
    for (const key of ['items', 'additionalProperties', 'not'] as const)
      walk(schema[key], `${at}[${key}]`, seen)
    for (const key of ['anyOf', 'oneOf', 'allOf', 'prefixItems'] as const)
      for (const [i, child] of ((schema[key] ?? []) as unknown[]).entries())
        walk(child, `${at}.${key}[${i}]`, seen)
  }
  walk(root, where, new Set())
  return found
}

/** The least value the schema accepts, so a serializer of it can run (required fields filled in). */
function sample(doc: Schema, schema: Schema): unknown {
  const components = (doc.components as { schemas: Record<string, Schema> }).schemas
  if (typeof schema.$ref === 'string')
    return sample(doc, components[schema.$ref.replace('#/components/schemas/', '')]!)
  if ('const' in schema) return schema.const
  if (Array.isArray(schema.enum)) return schema.enum[0]
  for (const key of ['oneOf', 'anyOf', 'allOf'] as const)
    if (Array.isArray(schema[key])) return sample(doc, (schema[key] as Schema[])[0]!)
  const type = types(schema).find((t) => t !== 'null') ?? (isObject(schema) ? 'object' : 'null')
  switch (type) {
    case 'object': {
      const properties = (schema.properties ?? {}) as Record<string, Schema>
      return Object.fromEntries(
        ((schema.required ?? []) as string[]).map((name) => [name, sample(doc, properties[name] ?? {})]),
      )
    }
    case 'array':
      return []
    case 'string':
      return schema.format === 'date-time'
        ? '2026-01-01T00:00:00.000Z'
        : schema.format === 'date'
          ? '2026-01-01'
          : 'x'
    case 'integer':
    case 'number':
      return 1
    case 'boolean':
      return true
    default:
      return null
  }
}

async function responseOpenObjects(): Promise<{ doc: Schema; found: OpenObject[] }> {
  const doc = (await hub.app.inject({ method: 'GET', url: '/openapi.json' })).json() as Schema
  const found: OpenObject[] = []
  for (const [route, item] of Object.entries(doc.paths as Record<string, Record<string, Schema>>)) {
    for (const method of METHODS) {
      const responses = (item[method]?.responses ?? {}) as Record<
        string,
        { content?: Record<string, Schema> }
      >
      for (const [status, response] of Object.entries(responses))
        for (const [type, media] of Object.entries(response.content ?? {}))
          found.push(
            ...openObjects(doc, media.schema as Schema, `${method.toUpperCase()} ${route} ${status} ${type}`),
          )
    }
  }
  return { doc, found }
}

/** The same object with one key its schema does not declare: what a free-form object would carry. */
function withProbe(doc: Schema, schema: Schema): Record<string, unknown> {
  const extra = schema.additionalProperties
  const value =
    extra && typeof extra === 'object'
      ? sample(doc, extra as Schema)
      : { nested: ['kept', 1, { deep: true }] }
  return { ...(sample(doc, schema) as Record<string, unknown>), 'probe-key': value }
}

describe('open objects in response schemas', () => {
  it('serialize in full: an undeclared key of every open object survives the response serializer', async () => {
    const { doc, found } = await responseOpenObjects()
    // Certificates, certificate types, records, cases, timelines, the audit trail, the export.
    expect(found.length).toBeGreaterThanOrEqual(10)
    const dropped: string[] = []
    for (const { where, schema } of found) {
      const serialize = fastJsonStringify({ ...schema, components: doc.components } as never)
      const value = withProbe(doc, schema)
      const back = JSON.parse(serialize(value)) as Record<string, unknown>
      if (JSON.stringify(back['probe-key']) !== JSON.stringify(value['probe-key'])) dropped.push(where)
    }
    expect(dropped).toEqual([])
  })

  it('include the face data of certificates and the face schema of certificate types', async () => {
    const { found } = await responseOpenObjects()
    const places = found.map((f) => f.where)
    expect(places).toContainEqual(expect.stringMatching(/→ Certificate\.faceData$/))
    expect(places).toContainEqual(expect.stringMatching(/→ CertificateType\.faceSchema$/))
  })
})
