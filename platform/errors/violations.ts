import { InputError } from './app-error.ts'

/** One broken rule of an input: a stable code, the JSON pointer of the field, and what is wrong. */
export interface Violation {
  code: string
  path: string
  message: string
}

export interface ViolationsOptions {
  /**
   * When the violations' own code names the error: `shared` (default) whenever they all share one,
   * `single` only when there is exactly one (so several of one kind still read as the general code).
   */
  keepCode?: 'shared' | 'single'
  /** Words before the list in the detail, e.g. `The department is invalid`. */
  lead?: string
}

/**
 * One 400 listing every violation as a field problem, so a client fixes all of them in one round.
 * Its code is the violations' own when it names them all (see `keepCode`), `fallbackCode` otherwise.
 */
export function violationsError(
  violations: readonly Violation[],
  fallbackCode: string,
  options: ViolationsOptions = {},
): InputError {
  const own =
    options.keepCode === 'single'
      ? violations.length === 1
      : new Set(violations.map((v) => v.code)).size === 1
  const list = violations.map((v) => `${v.path} ${v.message}`).join('; ')
  return new InputError(
    own ? violations[0]!.code : fallbackCode,
    options.lead ? `${options.lead}: ${list}` : list,
    {
      errors: violations.map(({ path, message }) => ({ path, message })),
    },
  )
}

/** Throws `violationsError` when there is any violation. */
export function throwIfInvalid(
  violations: readonly Violation[],
  fallbackCode: string,
  options: ViolationsOptions = {},
): void {
  if (violations.length > 0) throw violationsError(violations, fallbackCode, options)
}
