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
