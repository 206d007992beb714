import { describe, expect, it } from 'vitest'
import { TEST_KEK } from './certificate-test-support.ts'
import { KeySealer } from './key-sealer.ts'

describe('KeySealer', () => {
  const sealer = KeySealer.fromSecret(TEST_KEK)

  it('opens what it sealed, and the sealed form does not contain the secret', () => {
    const sealed = sealer.seal('{"d":"private"}', 'kid-1')
    expect(sealed).not.toContain('private')
    expect(sealer.open(sealed, 'kid-1')).toBe('{"d":"private"}')
  })

  it('refuses a sealed key moved to another key id, or opened with another key-encryption key', () => {
    const sealed = sealer.seal('secret', 'kid-1')
    expect(() => sealer.open(sealed, 'kid-2')).toThrow()
    expect(() =>
      KeySealer.fromSecret(Buffer.alloc(32, 7).toString('base64url')).open(sealed, 'kid-1'),
    ).toThrow()
  })

  it('accepts 32 bytes as hex or base64url and names the variable for anything else', () => {
    expect(() => KeySealer.fromSecret(Buffer.alloc(32, 1).toString('base64url'))).not.toThrow()
    expect(() => KeySealer.fromSecret('too-short')).toThrow(/CERT_KEY_ENCRYPTION_KEY/)
  })
})

describe('KeySealer with SM4', () => {
  const sm4 = KeySealer.fromSecret(TEST_KEK, 'sm4')

  it('seals with SM4-CBC and an HMAC-SM3 tag, and opens it again', () => {
    const sealed = sm4.seal('{"d":"private"}', 'kid-1')
    expect(sealed.startsWith('sm4.')).toBe(true)
    expect(sealed).not.toContain('private')
    expect(sm4.open(sealed, 'kid-1')).toBe('{"d":"private"}')
  })

  it('refuses a changed ciphertext, a moved key and another KEK', () => {
    const sealed = sm4.seal('secret key material, long enough for two blocks', 'kid-1')
    const [v, iv, tag, body] = sealed.split('.') as [string, string, string, string]
    const flipped = Buffer.from(body, 'base64url')
    flipped[0]! ^= 1
    expect(() => sm4.open([v, iv, tag, flipped.toString('base64url')].join('.'), 'kid-1')).toThrow(/bad tag/)
    expect(() => sm4.open(sealed, 'kid-2')).toThrow(/bad tag/)
    expect(() =>
      KeySealer.fromSecret(Buffer.alloc(32, 7).toString('base64url'), 'sm4').open(sealed, 'kid-1'),
    ).toThrow()
  })

  it('opens AES-sealed keys after the switch and re-seals them, also under a rotated KEK', () => {
    const aes = KeySealer.fromSecret(TEST_KEK)
    const old = aes.seal('key', 'kid-1')
    expect(sm4.open(old, 'kid-1')).toBe('key')
    expect(sm4.isCurrent(old, 'kid-1')).toBe(false)
    const newKek = Buffer.alloc(32, 9).toString('base64url')
    const rotated = KeySealer.fromSecret(newKek, 'sm4', [TEST_KEK])
    const resealed = rotated.reseal(old, 'kid-1')
    expect(rotated.isCurrent(resealed, 'kid-1')).toBe(true)
    expect(KeySealer.fromSecret(newKek, 'sm4').open(resealed, 'kid-1')).toBe('key')
    expect(() => sm4.open(resealed, 'kid-1')).toThrow()
  })

  it('names the variable for an unknown algorithm', () => {
    expect(() => KeySealer.fromSecret(TEST_KEK, 'des' as never)).toThrow(/CERT_KEY_SEAL_ALGORITHM/)
  })
})
