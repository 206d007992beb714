import { InputError } from '../errors/app-error.ts'

/**
 * Page cursors: the `nextCursor` a list hands out and reads back. To the client a cursor is opaque
 * base64url; inside it is whatever text the list's format writes (a key, an id, a JSON tuple), so a
 * list keeps its own keyset order while every list answers a forged or stale cursor the same way.
 */
export interface CursorCodec<In, Out = In> {
  encode: (value: In) => string
  /** The value a cursor carries, or a 400 `invalid-cursor` for anything this format did not write. */
  decode: (cursor: string) => Out
}

/** How a list writes its cursors (`In`, e.g. its last row) and reads them back (`Out`, its keyset). */
export interface CursorFormat<In, Out = In> {
  /** The text a cursor carries for a value. */
  write: (value: In) => string
  /** The value in a cursor's text; undefined (or a throw) when it is not text `write` wrote. */
  read: (text: string) => Out | undefined
  /** The detail of the 400; by default `The cursor is not one this API returned`. */
  detail?: string
  /** Whether the 400 names `/querystring/cursor` as the failing field (default true). */
  fieldProblem?: boolean
}

const NOT_RETURNED = 'The cursor is not one this API returned'

/** The 400 for a cursor the API did not hand out. */
export function invalidCursor(detail = NOT_RETURNED, fieldProblem = true): InputError {
  return new InputError(
    'invalid-cursor',
    detail,
    fieldProblem ? { errors: [{ path: '/querystring/cursor', message: 'is not a valid cursor' }] } : {},
  )
}

export function cursorCodec<In, Out = In>(format: CursorFormat<In, Out>): CursorCodec<In, Out> {
  return {
    encode: (value) => Buffer.from(format.write(value), 'utf8').toString('base64url'),
    decode: (cursor) => {
      let value: Out | undefined
      try {
        value = format.read(Buffer.from(cursor, 'base64url').toString('utf8'))
      } catch {
        // any undecodable cursor is the same client mistake
      }
      if (value === undefined) throw invalidCursor(format.detail, format.fieldProblem)
      return value
    },
  }
}
