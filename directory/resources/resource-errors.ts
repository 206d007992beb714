import { ConflictError, NotAllowedError, NotFoundError } from '../../platform/errors/app-error.ts'
import { mapUniqueViolation } from '../../platform/errors/unique-violation.ts'

/** The errors of the directory that more than one module raises. */

export function resourceNotFound(code: string): NotFoundError {
  return new NotFoundError('resource-not-found', `No resource has code ${code}`)
}

export function resourceExists(code: string): ConflictError {
  return new ConflictError('resource-exists', `A resource with code ${code} already exists`)
}

export function notProviderSteward(): NotAllowedError {
  return new NotAllowedError(
    'not-provider-steward',
    'Only a steward of the provider department may change its resources',
  )
}

/** A pre-check can lose a race with a concurrent registration; the unique constraint still holds. */
export async function translateUniqueViolation<T>(code: string, write: () => Promise<T>): Promise<T> {
  return mapUniqueViolation(write, (constraint) =>
    constraint.startsWith('resources_code') ? resourceExists(code) : undefined,
  )
}
