import { mkdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { exportJWK, generateKeyPair, importJWK, type JSONWebKeySet, type JWK, SignJWT } from 'jose'
import type { Principal } from '../../schemas/generated/types.ts'
import { DEFAULT_MAX_LIFETIME_S, DEFAULT_MAX_SERVICE_LIFETIME_S } from './token-verifier.ts'

/**
 * A local token issuer for development, demos and tests: an ES256 key pair kept under the data
 * directory. The embedded default trusts its public key; a real deployment trusts its identity
 * provider's JWKS instead (AUTH_JWKS_URL) and never uses this.
 */
export interface DevIssuer {
  issuer: string
  audience: string
  jwks: JSONWebKeySet
  /** Public JWKS file, usable as AUTH_JWKS_FILE for a services-mode hub. */
  jwksFile: string | null
  issue(principal: Principal, options?: { ttlSeconds?: number }): Promise<string>
}

export async function createDevIssuerFromKey(
  privateJwk: JWK,
  issuer: string,
  audience: string,
  jwksFile: string | null = null,
): Promise<DevIssuer> {
  const key = await importJWK(privateJwk, 'ES256')
  const { d: _private, ...publicJwk } = privateJwk
  return {
    issuer,
    audience,
    jwks: { keys: [{ ...publicJwk, alg: 'ES256', use: 'sig' }] },
    jwksFile,
    async issue(principal, options = {}) {
      const claims: Record<string, unknown> = { roles: principal.roles }
      if (principal.department) claims.dept = principal.department
      if (principal.district) claims.district = principal.district
      if (principal.idNumber) claims.idNumber = principal.idNumber
      return new SignJWT(claims)
        .setProtectedHeader({ alg: 'ES256', kid: privateJwk.kid ?? 'dev', typ: 'JWT' })
        .setSubject(principal.subject)
        .setIssuer(issuer)
        .setAudience(audience)
        .setIssuedAt()
        .setExpirationTime(`${options.ttlSeconds ?? defaultTtl(principal)}s`)
        .sign(key)
    },
  }
}

/** Within the verifier's default limits: an hour for people, a day for department systems. */
function defaultTtl(principal: Principal): number {
  return principal.roles.includes('service') ? DEFAULT_MAX_SERVICE_LIFETIME_S : DEFAULT_MAX_LIFETIME_S
}

export async function generateDevKey(kid = `dev-${Date.now().toString(36)}`): Promise<JWK> {
  const { privateKey } = await generateKeyPair('ES256', { extractable: true })
  return { ...(await exportJWK(privateKey)), kid, alg: 'ES256' }
}

/** Where the dev issuer keeps its private key under a data directory. */
export function devIssuerKeyFile(dataDir: string): string {
  return path.resolve(dataDir, 'dev-issuer.key.json')
}

/**
 * No dev issuer key under the data directory. Minting one now would give tokens no running hub
 * trusts, so callers that only mint (the token command) refuse and say where they looked.
 */
export class DevIssuerKeyMissing extends Error {
  constructor(readonly keyFile: string) {
    super(`no dev issuer key at ${keyFile}`)
  }
}

/**
 * Loads the dev issuer key from `<dataDir>/dev-issuer.key.json`; creates it on first use when
 * `create` is set (the hub's start-up), else throws DevIssuerKeyMissing.
 */
export async function loadDevIssuer(
  dataDir: string,
  issuer: string,
  audience: string,
  { create }: { create: boolean },
): Promise<DevIssuer> {
  const keyFile = devIssuerKeyFile(dataDir)
  const jwksFile = path.join(dataDir, 'dev-issuer.jwks.json')
  let jwk: JWK
  try {
    jwk = JSON.parse(await readFile(keyFile, 'utf8')) as JWK
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
    if (!create) throw new DevIssuerKeyMissing(keyFile)
    await mkdir(dataDir, { recursive: true })
    jwk = await generateDevKey()
    await writeFile(keyFile, JSON.stringify(jwk), { mode: 0o600 })
  }
  const devIssuer = await createDevIssuerFromKey(jwk, issuer, audience, jwksFile)
  await writeFile(jwksFile, JSON.stringify(devIssuer.jwks, null, 2))
  return devIssuer
}

/** Loads the dev issuer key, creating it on first use. */
export function loadOrCreateDevIssuer(dataDir: string, issuer: string, audience: string): Promise<DevIssuer> {
  return loadDevIssuer(dataDir, issuer, audience, { create: true })
}
