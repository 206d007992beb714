import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto'
import { InputError } from '../../platform/errors/app-error.ts'

/**
 * What a fetched record is called when it leaves the hub. A department system's own record key is
 * not an information item and may embed one (an account number that ends in the resident ID's
 * digits, `JF-<resident ID>`), so it never leaves: callers get a stable opaque reference instead —
 * the same record under the same resource always has the same one, and it reveals nothing.
 */
export type RecordReference = (resourceCode: string, recordId: string) => string

export function recordReference(key: Buffer): RecordReference {
  return (resourceCode, recordId) =>
    `ref-${createHmac('sha256', key).update(`record-ref\u0000${resourceCode}\u0000${recordId}`).digest('base64url').slice(0, 24)}`
}

/**
 * Page cursors of a query carry a source's record key (and adapters' own cursors may carry more), so
 * they leave the hub sealed (AES-256-GCM, bound to the resource) and come back opened; a cursor that
 * was not sealed here, or for another resource, is a 400.
 */
export interface CursorSeal {
  seal(resourceCode: string, cursor: string): string
  open(resourceCode: string, sealed: string): string
}

export function cursorSeal(key: Buffer): CursorSeal {
  const aesKey = createHmac('sha256', key).update('query-cursor').digest()
  return {
    seal(resourceCode, cursor) {
      const iv = randomBytes(12)
      const cipher = createCipheriv('aes-256-gcm', aesKey, iv)
      cipher.setAAD(Buffer.from(resourceCode))
      const body = Buffer.concat([cipher.update(cursor, 'utf8'), cipher.final()])
      return Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64url')
    },
    open(resourceCode, sealed) {
      try {
        const raw = Buffer.from(sealed, 'base64url')
        if (raw.length < 29) throw new Error('short')
        const decipher = createDecipheriv('aes-256-gcm', aesKey, raw.subarray(0, 12))
        decipher.setAAD(Buffer.from(resourceCode))
        decipher.setAuthTag(raw.subarray(raw.length - 16))
        return Buffer.concat([decipher.update(raw.subarray(12, raw.length - 16)), decipher.final()]).toString(
          'utf8',
        )
      } catch {
        throw new InputError('cursor-invalid', 'The cursor is not one this hub gave for this resource', {
          errors: [{ path: '/body/query/cursor', message: 'is not a cursor of this resource' }],
        })
      }
    },
  }
}
