import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Sm2NoncePool } from '../../platform/crypto/sm2-nonce-pool.ts'
import { useTestDatabase } from '../../test/support/test-database.ts'
import { CertificateSigner } from './certificate-signer.ts'
import { seedCertificateWorld, TEST_KEK } from './certificate-test-support.ts'
import { KeySealer } from './key-sealer.ts'
import { parseSigningAlgorithms } from './signing-algorithms.ts'

const database = useTestDatabase()
// SM2 nonces come from a worker's pool, as in the running hub (certificate-services.ts).
const nonces = new Sm2NoncePool({ batch: 16, lowWater: 8 })
beforeAll(async () => {
  await seedCertificateWorld(database.db)
})
afterAll(() => nonces.close())

// lf-hfund signs with SM2 only, lf-hrss runs both side by side (SM2 signs), everyone else ES256.
const algorithms = parseSigningAlgorithms('ES256;lf-hfund=SM2;lf-hrss=SM2+ES256')
const signer = () =>
  new CertificateSigner(
    database.db,
    async () => KeySealer.fromSecret(TEST_KEK, 'sm4'),
    Date.now,
    algorithms,
    () => nonces.take,
  )
const header = (jws: string) =>
  JSON.parse(Buffer.from(jws.split('.')[0]!, 'base64url').toString()) as Record<string, string>

describe('certificate documents signed with SM2', () => {
  it('signs an SM2 issuer’s documents as SM2-SM3 and verifies them', async () => {
    const s = signer()
    const { document, kid } = await s.signWithKid('lf-hfund', { iss: 'x', n: 1 })
    expect(header(document)).toEqual({ alg: 'SM2-SM3', kid, typ: 'certificate+jws' })
    const checked = await signer().check(document)
    expect(checked).toMatchObject({ ok: true, kid, department: 'lf-hfund', payload: { iss: 'x', n: 1 } })
    const [h, p, sig] = document.split('.') as [string, string, string]
    const other = Buffer.from('{"iss":"x","n":2}').toString('base64url')
    expect(await s.check(`${h}.${other}.${sig}`)).toMatchObject({ ok: false, reason: 'bad-signature' })
    expect(p.length).toBeGreaterThan(0)
  })

  it('refuses a document whose header claims another algorithm than its key', async () => {
    const s = signer()
    const { document } = await s.signWithKid('lf-hfund', { n: 1 })
    const [, p, sig] = document.split('.') as [string, string, string]
    const forged = Buffer.from(JSON.stringify({ ...header(document), alg: 'ES256' })).toString('base64url')
    expect(await s.check(`${forged}.${p}.${sig}`)).toMatchObject({ ok: false, reason: 'bad-signature' })
  })

  it('keeps ES256 for issuers not configured otherwise', async () => {
    const { document } = await signer().signWithKid('lf-realestate', { n: 1 })
    expect(header(document).alg).toBe('ES256')
    expect(await signer().check(document)).toMatchObject({ ok: true, department: 'lf-realestate' })
  })

  it('publishes both keys side by side, the SM2 one also as PEM, and rotates both', async () => {
    const s = signer()
    await s.signWithKid('lf-hrss', { n: 1 })
    const before = await s.jwks('lf-hrss')
    expect(before.keys.map((k) => [k.alg, k.crv]).sort()).toEqual([
      ['ES256', 'P-256'],
      ['SM2-SM3', 'SM2'],
    ])
    const sm2 = before.keys.find((k) => k.alg === 'SM2-SM3')!
    expect(sm2.pem).toMatch(/^-----BEGIN PUBLIC KEY-----/)
    const old = await s.signWithKid('lf-hrss', { n: 2 })
    const rotated = await s.rotate('lf-hrss')
    expect(rotated.alg).toBe('SM2-SM3')
    const after = await s.jwks('lf-hrss')
    expect(after.keys).toHaveLength(4)
    const fresh = await s.signWithKid('lf-hrss', { n: 3 })
    expect(fresh.kid).toBe(rotated.kid)
    expect(await s.check(old.document)).toMatchObject({ ok: true, kid: old.kid })
  })

  it('OpenSSL verifies an SM2 document with the published PEM key', async () => {
    const s = signer()
    const { document, kid } = await s.signWithKid('lf-hfund', { iss: 'urn:hub:departments:lf-hfund' })
    const key = (await s.jwks('lf-hfund')).keys.find((k) => k.kid === kid)!
    const dir = mkdtempSync(path.join(tmpdir(), 'cert-sm2-'))
    try {
      const [h, p, sig] = document.split('.') as [string, string, string]
      const raw = Buffer.from(sig, 'base64url').toString('hex')
      writeFileSync(path.join(dir, 'pub.pem'), key.pem!)
      writeFileSync(path.join(dir, 'input'), `${h}.${p}`)
      writeFileSync(
        path.join(dir, 'sig.cnf'),
        `asn1=SEQUENCE:sig\n[sig]\nr=INTEGER:0x${raw.slice(0, 64)}\ns=INTEGER:0x${raw.slice(64)}\n`,
      )
      execFileSync('openssl', [
        'asn1parse',
        '-genconf',
        path.join(dir, 'sig.cnf'),
        '-out',
        path.join(dir, 'sig.der'),
        '-noout',
      ])
      const out = execFileSync('openssl', [
        'pkeyutl',
        '-verify',
        '-pubin',
        '-inkey',
        path.join(dir, 'pub.pem'),
        '-rawin',
        '-in',
        path.join(dir, 'input'),
        '-sigfile',
        path.join(dir, 'sig.der'),
        '-digest',
        'sm3',
        '-pkeyopt',
        'distid:1234567812345678',
      ]).toString()
      expect(out).toContain('Signature Verified Successfully')
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})

describe('CERT_SIGNING_ALGORITHMS', () => {
  it('parses a default and per-department lists, and names the variable on errors', () => {
    const algs = parseSigningAlgorithms('SM2+ES256;a=ES256')
    expect(algs('a')).toEqual(['ES256'])
    expect(algs('b')).toEqual(['SM2-SM3', 'ES256'])
    expect(parseSigningAlgorithms(undefined)('x')).toEqual(['ES256'])
    expect(() => parseSigningAlgorithms('RS256')).toThrow(/CERT_SIGNING_ALGORITHMS/)
    expect(() => parseSigningAlgorithms('SM2+SM2')).toThrow(/twice/)
  })
})
