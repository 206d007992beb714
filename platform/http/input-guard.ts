import type { FastifyInstance, FastifyRequest } from 'fastify'
import { InputError, UnsupportedMediaTypeError } from '../errors/app-error.ts'

/**
 * The one place where input no feature could store or walk safely is refused, before validation and
 * before any handler: a NUL (PostgreSQL `text` cannot hold it), an unpaired surrogate (not UTF-8; the
 * audit trail would store U+FFFD and lose its hash) in any string or property name of the body, the
 * path parameters or the query string, and nesting deeper than any schema of the hub needs — free-form
 * objects (`extension`, `faceData`, `basic.form`) are otherwise unbounded, and recursive code on them
 * (canonical JSON, jsonb) overflows the stack.
 */

/** Deeper than any document of the hub needs; `schemas/` nests at most a dozen levels. */
export const MAX_INPUT_DEPTH = 32

export interface UnsafeInput {
  path: string
  code: 'invalid-text' | 'too-deep'
}

function badText(value: string): boolean {
  return value.includes('\u0000') || !value.isWellFormed()
}

function escapePointer(key: string): string {
  return key.replaceAll('~', '~0').replaceAll('/', '~1')
}

/** The first unsafe spot in `value` (iterative, so 10,000 levels cannot overflow the stack). */
export function findUnsafeInput(
  value: unknown,
  root: string,
  maxDepth = MAX_INPUT_DEPTH,
): UnsafeInput | null {
  const stack: { value: unknown; path: string; depth: number }[] = [{ value, path: root, depth: 0 }]
  while (stack.length > 0) {
    const { value: current, path, depth } = stack.pop()!
    if (typeof current === 'string') {
      if (badText(current)) return { path, code: 'invalid-text' }
      continue
    }
    if (current === null || typeof current !== 'object') continue
    if (depth >= maxDepth) return { path, code: 'too-deep' }
    const entries: [string, unknown][] = Array.isArray(current)
      ? current.map((v, i) => [String(i), v])
      : Object.entries(current)
    for (let i = entries.length - 1; i >= 0; i--) {
      const [key, child] = entries[i]!
      if (badText(key)) return { path, code: 'invalid-text' }
      stack.push({ value: child, path: `${path}/${escapePointer(key)}`, depth: depth + 1 })
    }
  }
  return null
}

/** The path of the deepest object that is still within the limit holds the offending nesting. */
function outermost(unsafe: UnsafeInput): UnsafeInput {
  if (unsafe.code !== 'too-deep') return unsafe
  // `/body/extension/a/a/…`: name the field where the caller's free-form value starts.
  const parts = unsafe.path.split('/')
  return { ...unsafe, path: parts.slice(0, 3).join('/') }
}

export function unsafeInputError(unsafe: UnsafeInput): InputError {
  const { path, code } = outermost(unsafe)
  const message =
    code === 'invalid-text'
      ? 'must not contain NUL characters or unpaired surrogates'
      : `must not nest deeper than ${MAX_INPUT_DEPTH} levels`
  return new InputError(code, `${path} ${message}`, { errors: [{ path, message }] })
}

export function checkRequestInput(request: FastifyRequest): void {
  for (const [part, value] of [
    ['params', request.params],
    ['querystring', request.query],
    ['body', request.body],
  ] as const) {
    const unsafe = findUnsafeInput(value, `/${part}`)
    if (unsafe) throw unsafeInputError(unsafe)
  }
}

const CHARSET = /;\s*charset\s*=\s*"?([^";\s]*)"?/i

/** JSON is UTF-8 (RFC 8259); a body declared in another charset would be read wrongly, so refuse it. */
export function checkCharset(contentType: string | undefined): void {
  const charset = contentType ? CHARSET.exec(contentType)?.[1] : undefined
  if (charset !== undefined && !/^utf-?8$/i.test(charset))
    throw new UnsupportedMediaTypeError('unsupported-charset', 'Request bodies must be UTF-8 encoded JSON')
}

/**
 * Installs the checks for every route: the charset before the body is read (preParsing, after
 * authentication), the values after parsing and before the schemas run (preValidation).
 */
export function installInputGuard(app: FastifyInstance): void {
  app.addHook('preParsing', async (request) => checkCharset(request.headers['content-type']))
  app.addHook('preValidation', async (request) => checkRequestInput(request))
}
