import { randomUUID } from 'node:crypto'
import fc from 'fast-check'
import { beforeAll, describe, expect, it } from 'vitest'
import { useTestApp } from '../support/test-app.ts'
import {
  type JsonSchema,
  loadOpenApi,
  type OpenApiDocument,
  type OperationCase,
  operations,
  paramValue,
  resolve,
} from './openapi-operations.ts'

/**
 * Property-based fuzzing of every operation in the OpenAPI document: a body, path and query derived
 * from the operation's schemas, then one hostile mutation of the classes the hub must survive (NUL,
 * unpaired surrogates, deep nesting, type confusion, huge or odd strings, bad percent-encoding).
 * Whatever the hub answers: never a 5xx, always problem+json for an error, and nothing written
 * when it refuses. `FUZZ_RUNS` sets the budget (`npm run fuzz` runs thousands).
 */

const RUNS = Number(process.env.FUZZ_RUNS ?? 120)
// About 10 ms a case on an idle machine; the timeout leaves room for a busy one.
// Certificates can be signed, so their operations get past the key check into the database.
const hub = useTestApp({
  env: {
    RATE_LIMIT_PER_MINUTE: '10000000',
    CERT_KEY_ENCRYPTION_KEY: 'fedcba9876543210fedcba9876543210fedcba9876543210fedcba9876543210',
  },
})

let doc: OpenApiDocument
let ops: OperationCase[]
let countSql: string
let admin: string

beforeAll(async () => {
  doc = await loadOpenApi(hub.app)
  ops = operations(doc)
  admin = await hub.token({
    roles: ['admin', 'steward', 'clerk', 'consumer', 'service'],
    department: 'lf-fuzz',
  })
  const tables = (
    await hub.database.db.raw<{ rows: { name: string }[] }>(
      `select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition
          and c.relname not like 'audit%' and c.relname not like 'knex%'`,
    )
  ).rows.map((r) => r.name)
  countSql = `select ${tables.map((t) => `(select count(*) from "${t}")::int as "${t}"`).join(', ')}`
})

async function rowCounts(): Promise<Record<string, number>> {
  return (await hub.database.db.raw<{ rows: Record<string, number>[] }>(countSql)).rows[0]!
}

/** A value that a schema would roughly accept, so that mutations reach past the first checks. */
function sample(schema: JsonSchema, depth = 0): unknown {
  const s = resolve(doc, schema)
  if (s.const !== undefined) return s.const
  if (s.default !== undefined) return s.default
  if (s.enum?.length) return s.enum[0]
  const variant = s.oneOf?.[0] ?? s.anyOf?.[0] ?? s.allOf?.[0]
  if (variant) return sample(variant, depth + 1)
  const type = Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type
  if (depth > 8) return null
  switch (type) {
    case 'object': {
      const out: Record<string, unknown> = {}
      for (const key of s.required ?? []) out[key] = sample(s.properties?.[key] ?? {}, depth + 1)
      return out
    }
    case 'array':
      return s.items && (s.minItems ?? 0) > 0 ? [sample(s.items, depth + 1)] : []
    case 'integer':
    case 'number':
      return s.minimum ?? 1
    case 'boolean':
      return true
    case 'string':
      if (s.format === 'date') return '2026-11-20'
      if (s.format === 'date-time') return '2026-11-20T08:00:00Z'
      if (s.format === 'uri') return 'https://example.gov.cn/hook'
      if (s.pattern?.startsWith('^[0-9]') || s.pattern?.startsWith('^\\d')) return '141000'
      return 'x'.repeat(Math.max(1, s.minLength ?? 1))
    default:
      return {}
  }
}

type Mutation =
  | { kind: 'nul' | 'surrogate' | 'control' | 'huge' | 'bool' | 'array' | 'number' | 'null' | 'deep' }
  | { kind: 'unknown-property' }

const MUTATIONS: Mutation['kind'][] = [
  'nul',
  'surrogate',
  'control',
  'huge',
  'bool',
  'array',
  'number',
  'null',
  'deep',
  'unknown-property',
]

function deepObject(levels: number): string {
  return `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`
}

function replacement(kind: Mutation['kind']): string {
  switch (kind) {
    case 'nul':
      return JSON.stringify('a\u0000b')
    case 'surrogate':
      return '"a\\ud800b"'
    case 'control':
      return JSON.stringify('a\u0001\u001b[2J\r\nb')
    case 'huge':
      return JSON.stringify('字'.repeat(20_000))
    case 'bool':
      return 'true'
    case 'array':
      return '["x"]'
    case 'number':
      return '1e308'
    case 'null':
      return 'null'
    case 'deep':
      return deepObject(10_000)
    case 'unknown-property':
      return '{"__proto__":{"polluted":1},"constructor":{"prototype":{"x":1}}}'
  }
}

/** The body as JSON text with the value at a chosen key replaced by the mutation (raw, so `\ud800` survives). */
function mutatedBody(body: unknown, kind: Mutation['kind'], pick: number): string {
  const holder =
    body && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : {}
  const keys = Object.keys(holder)
  const key = keys.length > 0 ? keys[pick % keys.length]! : 'extension'
  const marker = `__fuzz_${randomUUID()}__`
  const text = JSON.stringify({ ...holder, [key]: marker })
  return text.replace(JSON.stringify(marker), replacement(kind))
}

function pathSegment(kind: Mutation['kind'], fallback: string): string {
  switch (kind) {
    case 'nul':
      return 'x%00y'
    case 'surrogate':
      return '%ED%A0%80'
    case 'control':
      return '%01%1B'
    case 'huge':
      return 'z'.repeat(300)
    case 'deep':
      return '%ff%fe'
    default:
      return fallback
  }
}

function urlFor(op: OperationCase, kind: Mutation['kind'], pick: number): string {
  let url = op.route
  op.pathParams.forEach((p, i) => {
    const value =
      i === pick % Math.max(1, op.pathParams.length)
        ? pathSegment(kind, encodeURIComponent(paramValue(p.schema)))
        : encodeURIComponent(paramValue(p.schema))
    url = url.replace(`{${p.name}}`, value)
  })
  const query = op.query.filter((q) => q.required)
  const mutated = op.query[pick % Math.max(1, op.query.length)]
  const parts = query.map((q) => `${q.name}=${encodeURIComponent(String(sample(q.schema)))}`)
  if (mutated) parts.push(`${mutated.name}=${pathSegment(kind, 'true')}`)
  return parts.length > 0 ? `${url}?${parts.join('&')}` : url
}

describe('OpenAPI-driven fuzzing', () => {
  it(
    `answers ${RUNS} hostile variations of every operation with no 5xx, problem+json and no partial write`,
    async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.nat({ max: 10_000 }),
          fc.constantFrom(...MUTATIONS),
          fc.nat({ max: 50 }),
          async (opIndex, kind, pick) => {
            const op = ops[opIndex % ops.length]!
            const withBody = op.method === 'POST' || op.method === 'PUT' || op.method === 'PATCH'
            const before = await rowCounts()
            const res = await hub.app.inject({
              method: op.method,
              url: urlFor(op, kind, pick),
              headers: {
                authorization: `Bearer ${admin}`,
                ...(withBody ? { 'content-type': 'application/json' } : {}),
                'idempotency-key': randomUUID(),
              },
              ...(withBody ? { payload: mutatedBody(op.body ? sample(op.body) : {}, kind, pick) } : {}),
            })
            const where = `${op.method} ${op.route} (${kind}, ${pick}) → ${res.statusCode}`
            expect(res.statusCode, where).toBeLessThan(500)
            if (res.statusCode >= 400) {
              expect(res.headers['content-type'], where).toMatch(/^application\/problem\+json/)
              expect(typeof res.json().code, where).toBe('string')
              expect(await rowCounts(), where).toEqual(before)
            }
          },
        ),
        { numRuns: RUNS, seed: process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined },
      )
    },
    Math.max(30_000, RUNS * 100),
  )
})
