import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'

/**
 * Seals private signing keys at rest with AES-256-GCM under the hub's key-encryption key, so a copy
 * of the database alone cannot sign certificates. Sealed form: `v1.<iv>.<tag>.<ciphertext>` (base64url).
 * The key id is bound as additional data: a sealed key moved to another row does not open.
 */
export class KeySealer {
  private constructor(private readonly key: Buffer) {}

  /** From `CERT_KEY_ENCRYPTION_KEY`: 32 bytes as base64/base64url (43–44 chars) or 64 hex digits. */
  static fromSecret(secret: string): KeySealer {
    const trimmed = secret.trim()
    const key = /^[0-9a-fA-F]{64}$/.test(trimmed)
      ? Buffer.from(trimmed, 'hex')
      : Buffer.from(trimmed.replace(/-/g, '+').replace(/_/g, '/'), 'base64')
    if (key.length !== 32) {
      throw new Error(
        'CERT_KEY_ENCRYPTION_KEY: must be 32 random bytes as base64url or 64 hex digits (e.g. `openssl rand -hex 32`)',
      )
    }
    return new KeySealer(key)
  }

  seal(plain: string, aad: string): string {
    const iv = randomBytes(12)
    const cipher = createCipheriv('aes-256-gcm', this.key, iv)
    cipher.setAAD(Buffer.from(aad))
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()])
    return ['v1', iv, cipher.getAuthTag(), body]
      .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
      .join('.')
  }

  open(sealed: string, aad: string): string {
    const [version, iv, tag, body] = sealed.split('.')
    if (version !== 'v1' || !iv || !tag || body === undefined) throw new Error('sealed key: unknown format')
    const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64url'))
    decipher.setAAD(Buffer.from(aad))
    decipher.setAuthTag(Buffer.from(tag, 'base64url'))
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8')
  }
}
