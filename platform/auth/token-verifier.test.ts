import { writeFile } from 'node:fs/promises'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { createLocalJWKSet, importJWK, SignJWT, UnsecuredJWT } from 'jose'
import { beforeAll, describe, expect, it } from 'vitest'
import { AuthenticationError } from '../errors/app-error.ts'
import {
  createDevIssuerFromKey,
  type DevIssuer,
  DevIssuerKeyMissing,
  generateDevKey,
  loadDevIssuer,
} from './dev-issuer.ts'
import { createTokenVerifier, loadKeySet, type TokenVerifier } from './token-verifier.ts'

const ISSUER = 'urn:test:issuer'
const AUDIENCE = 'data-exchange-hub'
const clerk = { subject: 'u-1', department: 'lf-approval', roles: ['clerk' as const], district: '141002' }

let issuer: DevIssuer
let verifier: TokenVerifier

async function rejection(token: string, v: TokenVerifier = verifier): Promise<string> {
  const error = await v.verify(token).then(
    () => null,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(AuthenticationError)
  return (error as AuthenticationError).code
}

beforeAll(async () => {
  issuer = await createDevIssuerFromKey(await generateDevKey('k1'), ISSUER, AUDIENCE)
  verifier = createTokenVerifier(createLocalJWKSet(issuer.jwks), {
    issuer: ISSUER,
    audience: AUDIENCE,
    cacheSize: 100,
  })
})

describe('token verifier', () => {
  it('turns a valid ES256 token into a principal', async () => {
    expect(await verifier.verify(await issuer.issue(clerk))).toEqual(clerk)
  })

  it('rejects an expired token', async () => {
    const token = await issuer.issue(clerk, { ttlSeconds: -60 })
    expect(await rejection(token)).toBe('token-expired')
  })

  it('rejects alg "none"', async () => {
    const token = new UnsecuredJWT({ roles: ['admin'], dept: 'x' })
      .setSubject('attacker')
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setExpirationTime('1h')
      .encode()
    expect(await rejection(token)).toBe('token-invalid')
  })

  it('rejects a token signed with another key', async () => {
    const other = await createDevIssuerFromKey(await generateDevKey('k1'), ISSUER, AUDIENCE)
    expect(await rejection(await other.issue(clerk))).toBe('token-invalid')
  })

  it('says a token signed under an unknown kid comes from another issuer key (e.g. another HUB_DATA_DIR)', async () => {
    const other = await createDevIssuerFromKey(await generateDevKey('k-elsewhere'), ISSUER, AUDIENCE)
    const error = (await verifier
      .verify(await other.issue(clerk))
      .catch((e: unknown) => e)) as AuthenticationError
    expect(error.code).toBe('token-key-unknown')
    expect(error.message).toContain('HUB_DATA_DIR')
  })

  it("carries a citizen's verified resident ID (idNumber) and refuses one that is not valid", async () => {
    const citizen = {
      subject: 'c-1',
      department: null,
      roles: ['citizen' as const],
      district: null,
      idNumber: '141002198104108245',
    }
    expect(await verifier.verify(await issuer.issue(citizen))).toEqual(citizen)
    expect(await rejection(await issuer.issue({ ...citizen, idNumber: '141002198104108240' }))).toBe(
      'token-invalid',
    )
  })

  it('refuses to mint from a data directory without a dev issuer key instead of making a new one', async () => {
    const dir = path.join(tmpdir(), `no-dev-key-${process.pid}-${Date.now()}`)
    const error = await loadDevIssuer(dir, ISSUER, AUDIENCE, { create: false }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(DevIssuerKeyMissing)
    expect((error as DevIssuerKeyMissing).keyFile).toBe(path.join(dir, 'dev-issuer.key.json'))
  })

  it('rejects a token from another issuer or for another audience', async () => {
    const key = await generateDevKey('k1')
    const wrongIssuer = await createDevIssuerFromKey(key, 'urn:evil', AUDIENCE)
    const sameKeyVerifier = createTokenVerifier(createLocalJWKSet(wrongIssuer.jwks), {
      issuer: ISSUER,
      audience: AUDIENCE,
      cacheSize: 0,
    })
    expect(await rejection(await wrongIssuer.issue(clerk), sameKeyVerifier)).toBe('token-invalid')
    const wrongAudience = await createDevIssuerFromKey(key, ISSUER, 'another-api')
    expect(await rejection(await wrongAudience.issue(clerk), sameKeyVerifier)).toBe('token-invalid')
  })

  it('rejects an HS256 token even when the secret is the public key material', async () => {
    const secret = new TextEncoder().encode(JSON.stringify(issuer.jwks.keys[0]))
    const token = await new SignJWT({ roles: ['admin'], dept: 'x' })
      .setProtectedHeader({ alg: 'HS256', kid: 'k1' })
      .setSubject('attacker')
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setExpirationTime('1h')
      .sign(secret)
    expect(await rejection(token)).toBe('token-invalid')
  })

  it('rejects tokens without roles, with unknown roles, or staff without a department', async () => {
    const key = await generateDevKey('k2')
    const signer = await importJWK(key, 'ES256')
    const v = createTokenVerifier(createLocalJWKSet({ keys: [{ ...key, d: undefined }] as never }), {
      issuer: ISSUER,
      audience: AUDIENCE,
      cacheSize: 0,
    })
    const sign = (claims: Record<string, unknown>) =>
      new SignJWT(claims)
        .setProtectedHeader({ alg: 'ES256', kid: 'k2' })
        .setSubject('u-2')
        .setIssuer(ISSUER)
        .setAudience(AUDIENCE)
        .setIssuedAt()
        .setExpirationTime('1h')
        .sign(signer)
    expect(await rejection(await sign({ dept: 'lf-x' }), v)).toBe('token-invalid')
    expect(await rejection(await sign({ dept: 'lf-x', roles: ['superuser'] }), v)).toBe('token-invalid')
    expect(await rejection(await sign({ roles: ['clerk'] }), v)).toBe('token-invalid')
    expect(await rejection(await sign({ dept: 'lf-x', roles: ['clerk'], district: 'Linfen' }), v)).toBe(
      'token-invalid',
    )
    expect(await v.verify(await sign({ roles: ['citizen'] }))).toEqual({
      subject: 'u-2',
      department: null,
      roles: ['citizen'],
      district: null,
    })
  })

  it('serves a cached principal only until the token expires', async () => {
    let now = Date.now()
    const cached = createTokenVerifier(createLocalJWKSet(issuer.jwks), {
      issuer: ISSUER,
      audience: AUDIENCE,
      cacheSize: 10,
      now: () => now,
    })
    const token = await issuer.issue(clerk, { ttlSeconds: 60 })
    expect(await cached.verify(token)).toEqual(clerk)
    now += 70_000 // past exp plus the verifier's clock tolerance
    expect(await rejection(token, cached)).toBe('token-expired')
  })
})

describe('key sources', () => {
  it('verifies with keys fetched from a JWKS URL', async () => {
    let fetches = 0
    const server = createServer((_req, res) => {
      fetches++
      res.setHeader('content-type', 'application/json')
      res.end(JSON.stringify(issuer.jwks))
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    try {
      const { port } = server.address() as AddressInfo
      const keys = await loadKeySet({ kind: 'url', url: `http://127.0.0.1:${port}/jwks.json` })
      const remote = createTokenVerifier(keys, { issuer: ISSUER, audience: AUDIENCE, cacheSize: 0 })
      expect(await remote.verify(await issuer.issue(clerk))).toEqual(clerk)
      expect(fetches).toBe(1)
    } finally {
      server.close()
    }
  })

  it('verifies with keys from a JWKS file', async () => {
    const file = path.join(tmpdir(), `hub-jwks-${process.pid}.json`)
    await writeFile(file, JSON.stringify(issuer.jwks))
    const keys = await loadKeySet({ kind: 'file', path: file })
    const fromFile = createTokenVerifier(keys, { issuer: ISSUER, audience: AUDIENCE, cacheSize: 0 })
    expect(await fromFile.verify(await issuer.issue(clerk))).toEqual(clerk)
  })
})

describe('token lifetime and times', () => {
  it('refuses a token for a person valid longer than an hour', async () => {
    const v = createTokenVerifier(createLocalJWKSet(issuer.jwks), {
      issuer: ISSUER,
      audience: AUDIENCE,
      cacheSize: 0,
    })
    expect(await rejection(await issuer.issue(clerk, { ttlSeconds: 3601 }), v)).toBe(
      'token-lifetime-too-long',
    )
    expect(await v.verify(await issuer.issue(clerk, { ttlSeconds: 3600 }))).toEqual(clerk)
  })

  it('gives department systems (service role) up to 24 hours, configurable', async () => {
    const system = { ...clerk, roles: ['service' as const] }
    expect(await verifier.verify(await issuer.issue(system, { ttlSeconds: 86_400 }))).toEqual(system)
    expect(await rejection(await issuer.issue(system, { ttlSeconds: 86_401 }))).toBe(
      'token-lifetime-too-long',
    )
    const strict = createTokenVerifier(createLocalJWKSet(issuer.jwks), {
      issuer: ISSUER,
      audience: AUDIENCE,
      cacheSize: 0,
      maxServiceLifetimeS: 600,
    })
    expect(await rejection(await issuer.issue(system, { ttlSeconds: 601 }), strict)).toBe(
      'token-lifetime-too-long',
    )
  })

  it('refuses a token without iat (its lifetime cannot be judged)', async () => {
    const key = await generateDevKey('k3')
    const v = createTokenVerifier(createLocalJWKSet({ keys: [{ ...key, d: undefined }] as never }), {
      issuer: ISSUER,
      audience: AUDIENCE,
      cacheSize: 0,
    })
    const token = await new SignJWT({ roles: ['citizen'] })
      .setProtectedHeader({ alg: 'ES256', kid: 'k3' })
      .setSubject('u-3')
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setExpirationTime('10m')
      .sign(await importJWK(key, 'ES256'))
    expect(await rejection(token, v)).toBe('token-invalid')
  })

  it('refuses iat or nbf in the future beyond the skew', async () => {
    const future = createTokenVerifier(createLocalJWKSet(issuer.jwks), {
      issuer: ISSUER,
      audience: AUDIENCE,
      cacheSize: 0,
      // The verifier's clock is two minutes behind the issuer's: iat lies in its future.
      now: () => Date.now() - 120_000,
    })
    expect(await rejection(await issuer.issue(clerk, { ttlSeconds: 600 }), future)).toBe(
      'token-not-yet-valid',
    )
  })
})
