import { throwIfInvalid as throwIfAnyViolation, type Violation } from '../../platform/errors/violations.ts'
import { cursorCodec } from '../../platform/http/cursor.ts'
import { validateCreditCode } from '../../platform/identifiers/index.ts'
import type { DepartmentKind, DepartmentLevel } from './department-store.ts'

/** The pure rules of departments (no database), shared by the service and its tests. */

export const DEPARTMENT_CODE = /^[a-z][a-z0-9-]{1,31}$/
export const NAME_MAX_LENGTH = 100

// Higher levels come first. Parents must rank strictly higher, which also makes a cycle impossible
// even under concurrent updates; the explicit cycle check only gives the clearer error.
export const LEVEL_RANK: Record<DepartmentLevel, number> = {
  province: 0,
  city: 1,
  county: 2,
  township: 3,
  village: 4,
}
export const KINDS: readonly DepartmentKind[] = ['government', 'external']

export type { Violation }

export function violation(code: string, field: string, message: string): Violation {
  return { code, path: `/body/${field}`, message }
}

export function checkName(name: string): Violation[] {
  if (name === '') return [violation('invalid-name', 'name', 'must not be empty')]
  if ([...name].length > NAME_MAX_LENGTH) {
    return [violation('invalid-name', 'name', `must be at most ${NAME_MAX_LENGTH} characters`)]
  }
  return []
}

export const SHORT_NAME_MAX_LENGTH = 20

/** A short name (简称) is optional; when given, not blank and short enough for a chart's axis. */
export function checkShortName(shortName: string | null): Violation[] {
  if (shortName === null) return []
  if (shortName === '')
    return [violation('invalid-short-name', 'shortName', 'must not be empty (null clears it)')]
  if ([...shortName].length > SHORT_NAME_MAX_LENGTH) {
    return [
      violation('invalid-short-name', 'shortName', `must be at most ${SHORT_NAME_MAX_LENGTH} characters`),
    ]
  }
  return []
}

/** The upper-case form of a valid credit code; pushes a violation and returns null otherwise. */
export function normalizeCreditCode(value: string | null, violations: Violation[]): string | null {
  if (value === null) return null
  const result = validateCreditCode(value, { checksum: 'enforce' })
  if (result.ok) return result.normalized
  violations.push(
    violation('invalid-credit-code', 'creditCode', `is not a valid GB 32100 code (${result.reason})`),
  )
  return null
}

/** One violation keeps its own code; several share `department-invalid` and are all listed. */
export function throwIfInvalid(violations: readonly Violation[]): void {
  throwIfAnyViolation(violations, 'department-invalid', {
    keepCode: 'single',
    lead: 'The department is invalid',
  })
}

/** A page of departments continues after a department code. */
export const { encode: encodeCursor, decode: decodeCursor } = cursorCodec<string>({
  write: (code) => code,
  read: (code) => (DEPARTMENT_CODE.test(code) ? code : undefined),
})

/** Whether `parent` may supervise a department of `level`: only a strictly higher level may. */
export function isHigherLevel(parent: DepartmentLevel, level: DepartmentLevel): boolean {
  return LEVEL_RANK[parent] < LEVEL_RANK[level]
}
