import type { FastifyInstance } from 'fastify'

/** One operation of the OpenAPI document, ready to call with `inject`. */
export interface OperationCase {
  method: 'GET' | 'PUT' | 'POST' | 'DELETE' | 'PATCH'
  /** The OpenAPI path, e.g. `/v1/cases/{caseNumber}`. */
  route: string
  operationId: string
  /** Declared public (`security: []`). */
  isPublic: boolean
  pathParams: { name: string; schema: JsonSchema }[]
  query: { name: string; schema: JsonSchema; required: boolean }[]
  /** The JSON body schema, with `$ref`s left in place (see `resolve`). */
  body: JsonSchema | null
}

export interface JsonSchema {
  type?: string | string[]
  properties?: Record<string, JsonSchema>
  required?: string[]
  items?: JsonSchema
  enum?: unknown[]
  pattern?: string
  format?: string
  minimum?: number
  maximum?: number
  minLength?: number
  maxLength?: number
  minItems?: number
  additionalProperties?: boolean | JsonSchema
  oneOf?: JsonSchema[]
  anyOf?: JsonSchema[]
  allOf?: JsonSchema[]
  $ref?: string
  default?: unknown
  const?: unknown
}

interface RawOperation {
  operationId?: string
  security?: unknown[]
  parameters?: { name: string; in: string; required?: boolean; schema?: JsonSchema }[]
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> }
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const

export interface OpenApiDocument {
  paths: Record<string, Record<string, RawOperation>>
  components?: { schemas?: Record<string, JsonSchema> }
}

export async function loadOpenApi(app: FastifyInstance): Promise<OpenApiDocument> {
  return (await app.inject({ method: 'GET', url: '/openapi.json' })).json() as OpenApiDocument
}

/** Every operation of the document. */
export function operations(doc: OpenApiDocument): OperationCase[] {
  const out: OperationCase[] = []
  for (const [route, item] of Object.entries(doc.paths)) {
    for (const method of METHODS) {
      const op = item[method]
      if (!op) continue
      const params = op.parameters ?? []
      out.push({
        method: method.toUpperCase() as OperationCase['method'],
        route,
        operationId: op.operationId ?? `${method} ${route}`,
        isPublic: Array.isArray(op.security) && op.security.length === 0,
        pathParams: params
          .filter((p) => p.in === 'path')
          .map((p) => ({ name: p.name, schema: p.schema ?? {} })),
        query: params
          .filter((p) => p.in === 'query')
          .map((p) => ({ name: p.name, schema: p.schema ?? {}, required: p.required === true })),
        body: op.requestBody?.content?.['application/json']?.schema ?? null,
      })
    }
  }
  return out
}

/** Follows a `#/components/schemas/…` reference (one level at a time). */
export function resolve(doc: OpenApiDocument, schema: JsonSchema): JsonSchema {
  let current = schema
  for (let i = 0; i < 10 && current.$ref; i++) {
    const name = current.$ref.split('/').pop()!
    current = doc.components?.schemas?.[name] ?? {}
  }
  return current
}

/** A value that passes a path parameter's schema where that is easy to guess. */
export function paramValue(schema: JsonSchema): string {
  if (schema.enum?.length) return String(schema.enum[0])
  if (schema.type === 'integer' || schema.type === 'number') return '1'
  if (schema.pattern?.startsWith('^[0-9]') || schema.pattern?.startsWith('^\\d')) return '1'
  return 'zz-missing'
}

export function urlOf(op: OperationCase, values: Record<string, string> = {}): string {
  let url = op.route
  for (const p of op.pathParams) {
    url = url.replace(`{${p.name}}`, encodeURIComponent(values[p.name] ?? paramValue(p.schema)))
  }
  return url
}
