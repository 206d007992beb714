import type { RegExpEngine } from 'ajv/dist/types/index.js'
import { RE2JS } from 're2js'

/**
 * JSON Schemas that stewards and admins supply (certificate face schemas, resource record schemas)
 * run against data on the hub's one event loop, so they must not be able to stall it: their
 * `pattern`s run on RE2 (linear time, no backtracking — `^(a+)+$` costs what `^a+$` costs), a pattern
 * RE2 cannot run (back-references, look-around) is refused at registration, and the schema itself
 * is bounded in size and depth.
 */

export const MAX_USER_SCHEMA_BYTES = 64 * 1024
export const MAX_USER_SCHEMA_DEPTH = 16
export const MAX_USER_PATTERN_LENGTH = 1000

export interface SchemaProblem {
  path: string
  message: string
}

/** ajv's `code.regExp`: every pattern of a user schema is matched by RE2. */
export const linearRegExp: RegExpEngine = Object.assign(
  (pattern: string) => {
    const re = RE2JS.compile(pattern)
    return { test: (input: string) => re.test(input) }
  },
  { code: 'require("re2js").RE2JS.compile' },
)

function patternProblem(pattern: unknown, path: string): SchemaProblem | null {
  if (typeof pattern !== 'string') return null
  if (pattern.length > MAX_USER_PATTERN_LENGTH)
    return { path, message: `must be at most ${MAX_USER_PATTERN_LENGTH} characters` }
  try {
    RE2JS.compile(pattern)
    return null
  } catch {
    return {
      path,
      message: 'must be a regular expression without back-references or look-around (it runs on RE2)',
    }
  }
}

/** Size, depth and pattern problems of a user schema at `root` (a JSON pointer such as `/body/faceSchema`). */
export function userSchemaProblems(schema: unknown, root: string): SchemaProblem[] {
  let text: string
  try {
    text = JSON.stringify(schema)
  } catch {
    return [{ path: root, message: 'must be plain JSON' }]
  }
  if (Buffer.byteLength(text) > MAX_USER_SCHEMA_BYTES)
    return [{ path: root, message: `must be at most ${MAX_USER_SCHEMA_BYTES} bytes` }]
  const problems: SchemaProblem[] = []
  const stack: { value: unknown; path: string; depth: number }[] = [{ value: schema, path: root, depth: 0 }]
  while (stack.length > 0) {
    const { value, path, depth } = stack.pop()!
    if (value === null || typeof value !== 'object') continue
    if (depth > MAX_USER_SCHEMA_DEPTH) {
      problems.push({ path, message: `must not nest deeper than ${MAX_USER_SCHEMA_DEPTH} levels` })
      continue
    }
    if (!Array.isArray(value)) {
      const record = value as Record<string, unknown>
      const problem = patternProblem(record.pattern, `${path}/pattern`)
      if (problem) problems.push(problem)
      const patternProperties = record.patternProperties
      if (patternProperties && typeof patternProperties === 'object') {
        for (const key of Object.keys(patternProperties)) {
          const keyProblem = patternProblem(key, `${path}/patternProperties`)
          if (keyProblem) problems.push(keyProblem)
        }
      }
    }
    for (const [key, child] of Object.entries(value)) {
      stack.push({
        value: child,
        path: `${path}/${key.replaceAll('~', '~0').replaceAll('/', '~1')}`,
        depth: depth + 1,
      })
    }
  }
  return problems
}
