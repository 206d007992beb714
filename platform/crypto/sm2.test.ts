import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { sm2 as smCrypto } from 'sm-crypto-v2'
import { afterAll, describe, expect, it } from 'vitest'
import {
  bigintToBytes,
  bytesToBigint,
  fromDer,
  fromRaw,
  generateSm2KeyPair,
  nobleNonce,
  Sm2Key,
  sm2Digest,
  sm2PublicKeyOf,
  sm2SignDigest,
  sm2Verify,
  sm2VerifyDigest,
  sm2Z,
  toDer,
} from './sm2.ts'
import { decodeCompact, signSm2Compact, verifySm2Compact } from './sm2-jws.ts'
import { sm2PublicJwk, sm2PublicKeyFromJwk, sm2PublicKeyFromPem, sm2PublicKeyPem } from './sm2-keys.ts'
import { Sm2NoncePool } from './sm2-nonce-pool.ts'

const hex = (s: string) => Buffer.from(s.replace(/\s/g, ''), 'hex')
const int = (s: string) => BigInt(`0x${s.replace(/\s/g, '')}`)

/**
 * GM/T 0003.2-2012 (= GB/T 32918.2) Annex A.2: the worked signature example over the annex's
 * 256-bit example curve, with every intermediate value the standard prints.
 */
describe('SM2 against the standard’s worked example (GM/T 0003.2 Annex A.2)', () => {
  const curve = {
    p: int('8542D69E 4C044F18 E8B92435 BF6FF7DE 45728391 5C45517D 722EDB8B 08F1DFC3'),
    a: int('787968B4 FA32C3FD 2417842E 73BBFEFF 2F3C848B 6831D7E0 EC65228B 3937E498'),
    b: int('63E4C6D3 B23B0C84 9CF84241 484BFE48 F61D59A5 B16BA06E 6E12D1DA 27C5249A'),
    Gx: int('421DEBD6 1B62EAB6 746434EB C3CC315E 32220B3B ADD50BDC 4C4E6C14 7FEDD43D'),
    Gy: int('0680512B CBB42C07 D47349D2 153B70C4 E5D7FDFC BFA36EA1 A85841B9 E46E09A2'),
    n: int('8542D69E 4C044F18 E8B92435 BF6FF7DD 29772063 0485628D 5AE74EE7 C32E79B7'),
  }
  const d = int('128B2FA8 BD433C6C 068C8D80 3DFF7979 2A519A55 171B1B65 0C23661D 15897263')
  const publicKey = {
    x: hex('0AE4C779 8AA0F119 471BEE11 825BE462 02BB79E2 A5844495 E97C04FF 4DF2548A'),
    y: hex('7C0240F8 8F1CD4E1 6352A73C 17B7F16F 07353E53 A176D684 A9FE0C6B B798E857'),
  }
  const z = sm2Z(publicKey, 'ALICE123@YAHOO.COM', curve)
  const e = sm2Digest(z, Buffer.from('message digest'))
  const k = int('6CB28D99 385C175C 94F94E93 4817663F C176D925 DD72B727 260DBAAE 1FB2F96F')

  it('computes Z_A and e as printed', () => {
    expect(z.toString('hex').toUpperCase()).toBe(
      'F4A38489E32B45B6F876E3AC2168CA392362DC8F23459C1D1146FC3DBFB7BC9A',
    )
    expect(e).toBe(int('B524F552 CD82B8B0 28476E00 5C377FB1 9A87E6FC 682D48BB 5D42E3D9 B9EFFE76'))
  })

  it('signs with the printed k to the printed (r, s), and verifies it', () => {
    const signature = sm2SignDigest(d, e, curve, nobleNonce(curve, k))
    expect(signature.r).toBe(int('40F1EC59 F793D9F4 9E09DCEF 49130D41 94F79FB1 EED2CAA5 5BACDB49 C4E755D1'))
    expect(signature.s).toBe(int('6FC6DAC3 2C5D5CF1 0C77DFB2 0F7C2EB6 67A45787 2FB09EC5 6327A67E C7DEEBE7'))
    expect(sm2VerifyDigest(publicKey, e, signature, curve)).toBe(true)
    expect(sm2VerifyDigest(publicKey, e + 1n, signature, curve)).toBe(false)
    expect(sm2VerifyDigest(publicKey, e, { ...signature, s: signature.s + 1n }, curve)).toBe(false)
  })
})

describe('SM2 on the recommended curve', () => {
  const pair = generateSm2KeyPair()
  const key = new Sm2Key(pair.d)
  const message = Buffer.from('{"certificate":"1.2.156.3005.2.11100000000013338W.141000.A1B2C3.001.K"}')

  it('verifies its own signatures and refuses changed messages, signatures and keys', () => {
    const signature = key.sign(message)
    expect(signature).toHaveLength(64)
    expect(sm2Verify(pair.publicKey, message, signature)).toBe(true)
    expect(sm2Verify(pair.publicKey, Buffer.concat([message, Buffer.from(' ')]), signature)).toBe(false)
    const flipped = Buffer.from(signature)
    flipped[40]! ^= 1
    expect(sm2Verify(pair.publicKey, message, flipped)).toBe(false)
    expect(sm2Verify(generateSm2KeyPair().publicKey, message, signature)).toBe(false)
    // The id is part of the digest: a signature under another id does not verify.
    expect(sm2Verify(pair.publicKey, message, signature, 'ALICE123@YAHOO.COM')).toBe(false)
  })

  it('derives the public key from d, and rejects a point off the curve', () => {
    expect(sm2PublicKeyOf(pair.d)).toEqual(pair.publicKey)
    const off = { x: pair.publicKey.x, y: Buffer.from(pair.publicKey.y).fill(7, 31) }
    expect(() => sm2Verify(off, message, key.sign(message))).toThrow()
  })

  it('round-trips DER, JWK and PEM encodings', () => {
    const signature = key.sign(message)
    expect(fromDer(toDer(fromRaw(signature)))).toEqual(fromRaw(signature))
    expect(sm2PublicKeyFromJwk(sm2PublicJwk(pair.publicKey))).toEqual(pair.publicKey)
    expect(sm2PublicKeyFromPem(sm2PublicKeyPem(pair.publicKey))).toEqual(pair.publicKey)
    expect(sm2PublicJwk(pair.publicKey)).toMatchObject({ kty: 'EC', crv: 'SM2' })
  })

  it('agrees with sm-crypto-v2, an independent implementation, in both directions', () => {
    const publicHex = `04${pair.publicKey.x.toString('hex')}${pair.publicKey.y.toString('hex')}`
    const text = message.toString('utf8')
    const ours = key.sign(message).toString('hex')
    expect(smCrypto.doVerifySignature(text, ours, publicHex, { hash: true })).toBe(true)
    const theirs = smCrypto.doSignature(text, pair.d.toString('hex'), { hash: true, publicKey: publicHex })
    expect(sm2Verify(pair.publicKey, message, Buffer.from(theirs, 'hex'))).toBe(true)
  })
})

/** OpenSSL 3 as the independent verifier, using the commands ADR 0007 gives to third parties. */
describe('SM2 with OpenSSL’s command line', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'sm2-openssl-'))
  const file = (name: string) => path.join(dir, name)
  const openssl = (...args: string[]) => execFileSync('openssl', args, { stdio: ['ignore', 'pipe', 'pipe'] })

  const pool = new Sm2NoncePool({ batch: 8, lowWater: 4 })
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true })
    await pool.close()
  })

  it.each([
    ['inline', () => undefined],
    ['taken from the worker’s nonce pool', () => pool.take],
  ])(
    'OpenSSL verifies a compact SM2-SM3 document the hub signed, nonces %s (r ‖ s turned into DER as documented)',
    async (_, nonces) => {
      const pair = generateSm2KeyPair()
      const until = Date.now() + 10_000
      while (pool.size === 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 20))
      const jws = signSm2Compact(
        new Sm2Key(pair.d, undefined, undefined, nonces()),
        { kid: 'k1', typ: 'certificate+jws' },
        Buffer.from('{"a":1}'),
      )
      const [h, p, s] = jws.split('.') as [string, string, string]
      writeFileSync(file('pub.pem'), sm2PublicKeyPem(pair.publicKey))
      writeFileSync(file('input'), `${h}.${p}`)
      const raw = Buffer.from(s, 'base64url').toString('hex')
      writeFileSync(
        file('sig.cnf'),
        `asn1=SEQUENCE:sig\n[sig]\nr=INTEGER:0x${raw.slice(0, 64)}\ns=INTEGER:0x${raw.slice(64)}\n`,
      )
      openssl('asn1parse', '-genconf', file('sig.cnf'), '-out', file('sig.der'), '-noout')
      const verify = (input: string) =>
        openssl(
          'pkeyutl',
          '-verify',
          '-pubin',
          '-inkey',
          file('pub.pem'),
          '-rawin',
          '-in',
          input,
          '-sigfile',
          file('sig.der'),
          '-digest',
          'sm3',
          '-pkeyopt',
          'distid:1234567812345678',
        ).toString()
      expect(verify(file('input'))).toContain('Signature Verified Successfully')
      writeFileSync(file('tampered'), `${h}.${p}x`)
      expect(() => verify(file('tampered'))).toThrow()
    },
  )

  it('the hub verifies a signature OpenSSL made with its own SM2 key', () => {
    openssl('genpkey', '-algorithm', 'SM2', '-out', file('key.pem'))
    openssl('pkey', '-in', file('key.pem'), '-pubout', '-out', file('openssl-pub.pem'))
    writeFileSync(file('message'), 'signed by OpenSSL')
    openssl(
      'pkeyutl',
      '-sign',
      '-inkey',
      file('key.pem'),
      '-rawin',
      '-in',
      file('message'),
      '-digest',
      'sm3',
      '-pkeyopt',
      'distid:1234567812345678',
      '-out',
      file('openssl.sig'),
    )
    const publicKey = sm2PublicKeyFromPem(readFileSync(file('openssl-pub.pem'), 'utf8'))
    const signature = fromDer(readFileSync(file('openssl.sig')))
    const message = readFileSync(file('message'))
    const raw = Buffer.concat([
      Buffer.from(signature.r.toString(16).padStart(64, '0'), 'hex'),
      Buffer.from(signature.s.toString(16).padStart(64, '0'), 'hex'),
    ])
    expect(sm2Verify(publicKey, message, raw)).toBe(true)
    expect(sm2Verify(publicKey, Buffer.from('signed by someone else'), raw)).toBe(false)
    // And a compact document whose signature OpenSSL made verifies through the hub's decoder.
    const header = Buffer.from('{"alg":"SM2-SM3","kid":"openssl"}').toString('base64url')
    const body = Buffer.from('{"b":2}').toString('base64url')
    writeFileSync(file('jws-input'), `${header}.${body}`)
    openssl(
      'pkeyutl',
      '-sign',
      '-inkey',
      file('key.pem'),
      '-rawin',
      '-in',
      file('jws-input'),
      '-digest',
      'sm3',
      '-pkeyopt',
      'distid:1234567812345678',
      '-out',
      file('jws.sig'),
    )
    const der = fromDer(readFileSync(file('jws.sig')))
    const jws = `${header}.${body}.${Buffer.concat([
      Buffer.from(der.r.toString(16).padStart(64, '0'), 'hex'),
      Buffer.from(der.s.toString(16).padStart(64, '0'), 'hex'),
    ]).toString('base64url')}`
    const parts = decodeCompact(jws)
    expect(parts && verifySm2Compact(parts, publicKey)).toBe(true)
  })
})

describe('SM2 nonces made ahead on a worker thread', () => {
  it('hands out each nonce once, as valid (k, x(kG)) pairs, refills itself and falls back inline when dry', async () => {
    const pool = new Sm2NoncePool({ batch: 16, lowWater: 8 })
    try {
      const until = Date.now() + 10_000
      while (pool.size < 16 && Date.now() < until) await new Promise((r) => setTimeout(r, 20))
      expect(pool.size).toBe(16)
      const taken = Array.from({ length: 40 }, () => pool.take())
      // More were taken than the pool held: the rest came inline, and a refill was asked for.
      expect(pool.inline).toBeGreaterThan(0)
      expect(new Set(taken.map((n) => n.k)).size).toBe(40)
      for (const { k, x1 } of taken.slice(0, 5)) {
        // x(kG) checked against an independent scalar multiplication: the key pair of private key k.
        expect(bytesToBigint(sm2PublicKeyOf(bigintToBytes(k)).x)).toBe(x1)
      }
      while (pool.size < 8 && Date.now() < until) await new Promise((r) => setTimeout(r, 20))
      expect(pool.size).toBeGreaterThanOrEqual(8)
      const pair = generateSm2KeyPair()
      const key = new Sm2Key(pair.d, undefined, undefined, pool.take)
      const message = Buffer.from('pooled')
      expect(sm2Verify(pair.publicKey, message, key.sign(message))).toBe(true)
    } finally {
      await pool.close()
    }
    // A closed pool still signs (inline), it is only slower.
    expect(pool.take().k).toBeGreaterThan(0n)
  })
})
