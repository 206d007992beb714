import { mkdtemp, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { CheckpointSigner, loadOrCreateSigningKey } from './checkpoint-signer.ts'

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
