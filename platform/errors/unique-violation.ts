import type { AppError } from './app-error.ts'

/** PostgreSQL's SQLSTATE for a broken unique constraint (or primary key). */
const UNIQUE_VIOLATION = '23505'

/**
 * Runs a write whose pre-check can lose a race with a concurrent writer: the unique constraint still
 * holds, and its violation becomes the feature's own error. `conflictFor` gets the violated constraint's
 * name and returns that error, or undefined to let the violation through (the error handler then answers
 * the generic `already-exists`). Anything else the write throws passes through unchanged.
 */
export async function mapUniqueViolation<T>(
  write: () => Promise<T>,
  conflictFor: (constraint: string) => AppError | undefined,
): Promise<T> {
  try {
    return await write()
  } catch (error) {
    const pg = error as { code?: unknown; constraint?: unknown }
    if (pg?.code === UNIQUE_VIOLATION) {
      const conflict = conflictFor(typeof pg.constraint === 'string' ? pg.constraint : '')
      if (conflict !== undefined) throw conflict
    }
    throw error
  }
}
