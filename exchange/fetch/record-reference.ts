import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto'
import { InputError } from '../../platform/errors/app-error.ts'

/**
 * What a fetched record is called when it leaves the hub. A department system's own record key is
 * not an information item and may embed one (an account number that ends in the resident ID's
 * digits, `JF-<resident ID>`), so it never leaves: callers get a stable opaque reference instead —
 * the same record under the same resource always has the same one, and it reveals nothing.
 */
export type RecordReference = (resourceCode: string, recordId: string) => string

/**
 * The reference is the record key sealed deterministically (a synthetic IV from an HMAC of the key,
 * then AES-256-GCM bound to the resource): stable per record, opaque to callers, and opened again by
 * the hub alone — e.g. when a data objection names a record and its provider's copy is refreshed.
 */
function referenceKeys(key: Buffer): { mac: Buffer; enc: Buffer } {
  return {
    mac: createHmac('sha256', key).update('record-ref-iv').digest(),
    enc: createHmac('sha256', key).update('record-ref-key').digest(),
  }
}

export function recordReference(key: Buffer): RecordReference {
  const { mac, enc } = referenceKeys(key)
  return (resourceCode, recordId) => {
    const iv = createHmac('sha256', mac).update(`${resourceCode}\u0000${recordId}`).digest().subarray(0, 12)
    const cipher = createCipheriv('aes-256-gcm', enc, iv)
    cipher.setAAD(Buffer.from(resourceCode))
    const body = Buffer.concat([cipher.update(recordId, 'utf8'), cipher.final()])
    return `ref-${Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64url')}`
  }
}

/** The record key behind a reference this hub gave for the resource; null for anything else. */
export function openRecordReference(key: Buffer): (resourceCode: string, reference: string) => string | null {
  const { enc } = referenceKeys(key)
  return (resourceCode, reference) => {
    if (!reference.startsWith('ref-')) return null
    try {
      const raw = Buffer.from(reference.slice(4), 'base64url')
      if (raw.length < 29) return null
      const decipher = createDecipheriv('aes-256-gcm', enc, raw.subarray(0, 12))
      decipher.setAAD(Buffer.from(resourceCode))
      decipher.setAuthTag(raw.subarray(raw.length - 16))
      return Buffer.concat([decipher.update(raw.subarray(12, raw.length - 16)), decipher.final()]).toString(
        'utf8',
      )
    } catch {
      return null
    }
  }
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
