import { mkdtemp, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { compactVerify, createLocalJWKSet, decodeProtectedHeader } from 'jose'
import { afterAll, describe, expect, it } from 'vitest'
import {
  CheckpointSigner,
  generateSm2PrivateJwk,
  loadOrCreateSigningKey,
  parseRetiredKeys,
} from './checkpoint-signer.ts'

const dirs: string[] = []
afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))))

describe('the embedded audit signing key', () => {
  it('is made once, kept private in the data directory, and signs verifiable checkpoints', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'hub-audit-key-'))
    dirs.push(dir)
    const first = await loadOrCreateSigningKey(dir)
    expect(await loadOrCreateSigningKey(dir)).toBe(first)
    expect((await stat(path.join(dir, 'audit-signing-key.jwk'))).mode & 0o077).toBe(0)

    const signer = await CheckpointSigner.fromJwk(first)
    const claims = { lastId: 7, lastHash: 'a'.repeat(64), count: 7, signedAt: '2026-11-26T00:00:00.000Z' }
    const jws = await signer.sign(claims)
    expect(await signer.verify(jws)).toEqual({ ok: true, claims })
    expect(signer.jwks().keys[0]).not.toHaveProperty('d')

    const other = await CheckpointSigner.fromJwk(await loadOrCreateSigningKey(path.join(dir, 'other')))
    expect(await other.verify(jws)).toEqual({ ok: false, problem: 'unknown-key' })
    expect(await signer.verify(`${jws.slice(0, -4)}AAAA`)).toEqual({ ok: false, problem: 'bad-signature' })
    expect(await signer.verify('not a jws')).toEqual({ ok: false, problem: 'bad-signature' })
  })
})

describe('rotating the audit signing key', () => {
  it('signs with the new key and still verifies, and publishes, the retired one', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'hub-audit-key-'))
    dirs.push(dir)
    const oldKey = await loadOrCreateSigningKey(path.join(dir, 'old'))
    const newKey = await loadOrCreateSigningKey(path.join(dir, 'new'))
    const claims = { lastId: 7, lastHash: 'a'.repeat(64), count: 7, signedAt: '2026-11-26T00:00:00.000Z' }
    const before = await CheckpointSigner.fromJwk(oldKey)
    const oldJws = await before.sign(claims)

    // The operator keeps the retired key's public half; a pasted private part is dropped.
    const rotated = await CheckpointSigner.fromJwk(
      newKey,
      parseRetiredKeys(JSON.stringify({ keys: [JSON.parse(oldKey)] })),
    )
    expect(rotated.keyId).not.toBe(before.keyId)
    expect(rotated.jwks().keys.map((k) => k.kid)).toEqual([rotated.keyId, before.keyId])
    expect(JSON.stringify(rotated.jwks())).not.toContain('"d"')
    expect(await rotated.verify(oldJws)).toEqual({ ok: true, claims })
    const newJws = await rotated.sign(claims)
    expect(decodeProtectedHeader(newJws).kid).toBe(rotated.keyId)
    // Anyone with the published set checks either one with standard JOSE tooling.
    for (const jws of [oldJws, newJws]) await compactVerify(jws, createLocalJWKSet(rotated.jwks()))

    const forgetful = await CheckpointSigner.fromJwk(newKey)
    expect(await forgetful.verify(oldJws)).toEqual({ ok: false, problem: 'unknown-key' })
    expect(() => parseRetiredKeys('{"kty":"EC"}')).toThrow(/JWK Set/)
  })
})

describe('checkpoints signed with SM2', () => {
  const claims = { lastId: 9, lastHash: 'b'.repeat(64), count: 9, signedAt: '2026-12-04T00:00:00.000Z' }

  it('signs SM2-SM3 when the configured key is an SM2 JWK, publishes crv SM2, verifies and refuses edits', async () => {
    const signer = await CheckpointSigner.fromJwk(generateSm2PrivateJwk())
    expect(signer.algorithm).toBe('SM2-SM3')
    const jws = await signer.sign(claims)
    expect(decodeProtectedHeader(jws)).toEqual({
      alg: 'SM2-SM3',
      kid: signer.keyId,
      typ: 'hub-audit-checkpoint+jws',
    })
    expect(await signer.verify(jws)).toEqual({ ok: true, claims })
    expect(signer.jwks().keys[0]).toMatchObject({ kty: 'EC', crv: 'SM2', alg: 'SM2-SM3', kid: signer.keyId })
    expect(signer.jwks().keys[0]).not.toHaveProperty('d')
    const [h, , s] = jws.split('.')
    const forged = Buffer.from(JSON.stringify({ ...claims, lastId: 10 })).toString('base64url')
    expect(await signer.verify(`${h}.${forged}.${s}`)).toEqual({ ok: false, problem: 'bad-signature' })
    const other = await CheckpointSigner.fromJwk(generateSm2PrivateJwk())
    expect(await other.verify(jws)).toEqual({ ok: false, problem: 'unknown-key' })
  })

  it('moves from ES256 to SM2 by rotation: old ES256 checkpoints still verify', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'hub-audit-key-'))
    dirs.push(dir)
    const es256 = await loadOrCreateSigningKey(dir)
    const oldJws = await (await CheckpointSigner.fromJwk(es256)).sign(claims)
    const sm2 = await CheckpointSigner.fromJwk(
      generateSm2PrivateJwk(),
      parseRetiredKeys(JSON.stringify({ keys: [JSON.parse(es256)] })),
    )
    expect(await sm2.verify(oldJws)).toEqual({ ok: true, claims })
    expect(await sm2.verify(await sm2.sign(claims))).toEqual({ ok: true, claims })
    expect(sm2.jwks().keys.map((k) => k.alg)).toEqual(['SM2-SM3', 'ES256'])
  })
})
