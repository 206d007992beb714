import {
  createCipheriv,
  createDecipheriv,
  createHmac,
  hkdfSync,
  randomBytes,
  timingSafeEqual,
} from 'node:crypto'

/** How new keys are sealed: AES-256-GCM, or SM4 (GB/T 32907) where the national algorithms are required. */
export type SealAlgorithm = 'aes-256-gcm' | 'sm4'

export const SEAL_ALGORITHMS: readonly SealAlgorithm[] = ['aes-256-gcm', 'sm4']

/**
 * Seals private signing keys at rest under the hub's key-encryption key (KEK), so a copy of the
 * database alone cannot sign certificates. The key id is bound as additional data: a sealed key
 * moved to another row does not open. Two sealed forms (base64url parts):
 *
 * - `v1.<iv>.<tag>.<ciphertext>`: AES-256-GCM with the KEK itself;
 * - `sm4.<iv>.<tag>.<ciphertext>`: SM4-CBC then HMAC-SM3 over `sm4` ‖ len(aad) ‖ aad ‖ iv ‖
 *   ciphertext (encrypt-then-MAC). Node's OpenSSL has no SM4-GCM, so integrity comes from the
 *   HMAC; the SM4 key and the MAC key are separate, derived from the KEK with HKDF-SM3.
 *
 * Every form opens whatever `algorithm` seals new keys, so switching is gradual: keys made (or
 * rotated) after the switch use the new form. Retired KEKs open old keys after a KEK rotation.
 */
export class KeySealer {
  private readonly sm4Key: Buffer
  private readonly macKey: Buffer

  private constructor(
    private readonly key: Buffer,
    readonly algorithm: SealAlgorithm,
    private readonly retired: readonly KeySealer[],
  ) {
    this.sm4Key = Buffer.from(hkdfSync('sm3', key, Buffer.alloc(0), 'hub key sealer: sm4-cbc', 16))
    this.macKey = Buffer.from(hkdfSync('sm3', key, Buffer.alloc(0), 'hub key sealer: hmac-sm3', 32))
  }

  /**
   * From `CERT_KEY_ENCRYPTION_KEY`: 32 bytes as base64/base64url (43–44 chars) or 64 hex digits;
   * `retiredSecrets` are earlier KEKs (`CERT_KEY_ENCRYPTION_KEYS_RETIRED`, comma-separated).
   */
  static fromSecret(
    secret: string,
    algorithm: SealAlgorithm = 'aes-256-gcm',
    retiredSecrets: readonly string[] = [],
  ): KeySealer {
    if (!SEAL_ALGORITHMS.includes(algorithm))
      throw new Error(`CERT_KEY_SEAL_ALGORITHM: must be one of ${SEAL_ALGORITHMS.join(', ')}`)
    const retired = retiredSecrets.map((s) => new KeySealer(decodeSecret(s), algorithm, []))
    return new KeySealer(decodeSecret(secret), algorithm, retired)
  }

  seal(plain: string, aad: string): string {
    return this.algorithm === 'sm4' ? this.sealSm4(plain, aad) : this.sealAes(plain, aad)
  }

  open(sealed: string, aad: string): string {
    try {
      return this.openWithThisKey(sealed, aad)
    } catch (error) {
      for (const old of this.retired) {
        try {
          return old.openWithThisKey(sealed, aad)
        } catch {
          // not sealed under this retired KEK either
        }
      }
      throw error
    }
  }

  /** Whether `sealed` is in this sealer's form under its current KEK (else `reseal` it). */
  isCurrent(sealed: string, aad: string): boolean {
    const prefix = this.algorithm === 'sm4' ? 'sm4.' : 'v1.'
    if (!sealed.startsWith(prefix)) return false
    try {
      this.openWithThisKey(sealed, aad)
      return true
    } catch {
      return false
    }
  }

  /** Opens under any known KEK and form, seals under the current ones. */
  reseal(sealed: string, aad: string): string {
    return this.seal(this.open(sealed, aad), aad)
  }

  private openWithThisKey(sealed: string, aad: string): string {
    const [version, iv, tag, body] = sealed.split('.')
    if (!iv || !tag || body === undefined) throw new Error('sealed key: unknown format')
    const parts = [iv, tag, body].map((p) => Buffer.from(p, 'base64url')) as [Buffer, Buffer, Buffer]
    if (version === 'v1') return this.openAes(...parts, aad)
    if (version === 'sm4') return this.openSm4(...parts, aad)
    throw new Error('sealed key: unknown format')
  }

  private sealAes(plain: string, aad: string): string {
    const iv = randomBytes(12)
    const cipher = createCipheriv('aes-256-gcm', this.key, iv)
    cipher.setAAD(Buffer.from(aad))
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()])
    return join('v1', iv, cipher.getAuthTag(), body)
  }

  private openAes(iv: Buffer, tag: Buffer, body: Buffer, aad: string): string {
    const decipher = createDecipheriv('aes-256-gcm', this.key, iv)
    decipher.setAAD(Buffer.from(aad))
    decipher.setAuthTag(tag)
    return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8')
  }

  private sealSm4(plain: string, aad: string): string {
    const iv = randomBytes(16)
    const cipher = createCipheriv('sm4-cbc', this.sm4Key, iv)
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()])
    return join('sm4', iv, this.sm4Tag(aad, iv, body), body)
  }

  private openSm4(iv: Buffer, tag: Buffer, body: Buffer, aad: string): string {
    const expected = this.sm4Tag(aad, iv, body)
    // The tag is checked before any decryption: a changed ciphertext never reaches the CBC padding.
    if (tag.length !== expected.length || !timingSafeEqual(tag, expected))
      throw new Error('sealed key: bad tag')
    const decipher = createDecipheriv('sm4-cbc', this.sm4Key, iv)
    return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8')
  }

  private sm4Tag(aad: string, iv: Buffer, body: Buffer): Buffer {
    const aadBytes = Buffer.from(aad)
    const length = Buffer.alloc(4)
    length.writeUInt32BE(aadBytes.length)
    return createHmac('sm3', this.macKey)
      .update('sm4')
      .update(length)
      .update(aadBytes)
      .update(iv)
      .update(body)
      .digest()
  }
}

function decodeSecret(secret: string): Buffer {
  const trimmed = secret.trim()
  const key = /^[0-9a-fA-F]{64}$/.test(trimmed)
    ? Buffer.from(trimmed, 'hex')
    : Buffer.from(trimmed.replace(/-/g, '+').replace(/_/g, '/'), 'base64')
  if (key.length !== 32) {
    throw new Error(
      'CERT_KEY_ENCRYPTION_KEY: must be 32 random bytes as base64url or 64 hex digits (e.g. `openssl rand -hex 32`)',
    )
  }
  return key
}

function join(version: string, ...parts: Buffer[]): string {
  return [version, ...parts.map((p) => p.toString('base64url'))].join('.')
}
