import { readFile } from 'node:fs/promises'
import type { JSONWebKeySet } from 'jose'
import {
  createLocalJWKSet,
  createRemoteJWKSet,
  type JWTPayload,
  type JWTVerifyGetKey,
  errors as joseErrors,
  jwtVerify,
} from 'jose'
import type { Principal } from '../../schemas/generated/types.ts'
import type { AuthConfig } from '../config/config.ts'
import { AuthenticationError } from '../errors/app-error.ts'
import { validateResidentId } from '../identifiers/resident-id.ts'
import { isRole } from './roles.ts'

export interface TokenVerifier {
  verify(token: string): Promise<Principal>
}

interface CachedPrincipal {
  principal: Principal
  expiresAtMs: number
}

const CLOCK_TOLERANCE_S = 5
/** Defaults of `AUTH_MAX_TOKEN_LIFETIME_S` and `AUTH_MAX_SERVICE_TOKEN_LIFETIME_S`. */
export const DEFAULT_MAX_LIFETIME_S = 3600
export const DEFAULT_MAX_SERVICE_LIFETIME_S = 86_400

/** `exp − iat` within the limit for the caller's kind; `iat` and `nbf` not in the future. */
function checkTimes(
  payload: JWTPayload,
  principal: Principal,
  nowS: number,
  limits: { people: number; service: number },
): void {
  const { iat, exp, nbf } = payload
  if (typeof iat !== 'number' || typeof exp !== 'number')
    throw new AuthenticationError('token-invalid', 'The token must carry "iat" and "exp"')
  if (iat > nowS + CLOCK_TOLERANCE_S || (typeof nbf === 'number' && nbf > nowS + CLOCK_TOLERANCE_S))
    throw new AuthenticationError('token-not-yet-valid', 'The token was issued for a time in the future')
  const limit = principal.roles.includes('service') ? limits.service : limits.people
  if (exp - iat > limit)
    throw new AuthenticationError(
      'token-lifetime-too-long',
      `Tokens may be valid for at most ${limit} seconds`,
    )
}

/** Resolves the configured key source into a jose key getter. */
export async function loadKeySet(jwks: NonNullable<AuthConfig['jwks']>): Promise<JWTVerifyGetKey> {
  switch (jwks.kind) {
    case 'inline':
      return createLocalJWKSet(JSON.parse(jwks.json) as JSONWebKeySet)
    case 'file':
      return createLocalJWKSet(JSON.parse(await readFile(jwks.path, 'utf8')) as JSONWebKeySet)
    case 'url':
      return createRemoteJWKSet(new URL(jwks.url), { timeoutDuration: 5_000, cooldownDuration: 30_000 })
  }
}

function principalFrom(payload: JWTPayload): Principal {
  const { sub, dept, roles, district, idNumber } = payload as JWTPayload & Record<string, unknown>
  if (typeof sub !== 'string' || sub === '') {
    throw new AuthenticationError('token-invalid', 'The token has no subject (sub)')
  }
  if (!Array.isArray(roles) || roles.length === 0 || !roles.every(isRole)) {
    throw new AuthenticationError(
      'token-invalid',
      'The token must carry a non-empty "roles" array of known roles',
    )
  }
  if (dept !== undefined && typeof dept !== 'string') {
    throw new AuthenticationError('token-invalid', 'The token claim "dept" must be a string')
  }
  if (dept === undefined && !roles.every((r) => r === 'citizen')) {
    throw new AuthenticationError(
      'token-invalid',
      'Only citizens may have a token without a department (dept)',
    )
  }
  if (district !== undefined && (typeof district !== 'string' || !/^\d{6}$/.test(district))) {
    throw new AuthenticationError(
      'token-invalid',
      'The token claim "district" must be a 6-digit division code',
    )
  }
  if (idNumber !== undefined && (typeof idNumber !== 'string' || !validateResidentId(idNumber).ok)) {
    throw new AuthenticationError(
      'token-invalid',
      'The token claim "idNumber" must be a valid resident ID (GB 11643)',
    )
  }
  const principal: Principal = { subject: sub, department: dept ?? null, roles, district: district ?? null }
  if (idNumber !== undefined) principal.idNumber = idNumber.toUpperCase()
  return principal
}

function explain(error: unknown): AuthenticationError {
  if (error instanceof AuthenticationError) return error
  if (error instanceof joseErrors.JWTExpired)
    return new AuthenticationError('token-expired', 'The token has expired')
  if (error instanceof joseErrors.JWTClaimValidationFailed) {
    return new AuthenticationError('token-invalid', `The token claim "${error.claim}" is not acceptable`)
  }
  if (error instanceof joseErrors.JOSEAlgNotAllowed) {
    return new AuthenticationError('token-invalid', 'The token is not signed with ES256')
  }
  if (error instanceof joseErrors.JWKSNoMatchingKey) {
    return new AuthenticationError(
      'token-key-unknown',
      'The token was signed with a key this hub does not trust (no key has its "kid"). A token from `npm run token` is signed with the dev issuer key of its HUB_DATA_DIR: mint it with the same HUB_DATA_DIR as the running hub',
    )
  }
  if (error instanceof joseErrors.JWSSignatureVerificationFailed) {
    return new AuthenticationError(
      'token-invalid',
      'The token signature does not verify with any trusted key',
    )
  }
  return new AuthenticationError('token-invalid', 'The token is malformed or not verifiable')
}

/**
 * Verifies ES256 bearer tokens against the trusted keys, issuer and audience. Verified tokens are
 * cached until their own expiry (bounded LRU), so a busy client pays for one signature check, not one per request.
 */
export function createTokenVerifier(
  keys: JWTVerifyGetKey,
  options: {
    issuer: string
    audience: string
    cacheSize: number
    now?: () => number
    /** Longest `exp − iat` for people and for department systems (`service` role), in seconds. */
    maxLifetimeS?: number
    maxServiceLifetimeS?: number
  },
): TokenVerifier {
  const limits = {
    people: options.maxLifetimeS ?? DEFAULT_MAX_LIFETIME_S,
    service: options.maxServiceLifetimeS ?? DEFAULT_MAX_SERVICE_LIFETIME_S,
  }
  const cache = new Map<string, CachedPrincipal>()
  const now = options.now ?? Date.now
  return {
    async verify(token) {
      const hit = cache.get(token)
      if (hit) {
        if (hit.expiresAtMs > now()) {
          // Refresh LRU position.
          cache.delete(token)
          cache.set(token, hit)
          return hit.principal
        }
        cache.delete(token)
      }
      let payload: JWTPayload
      try {
        ;({ payload } = await jwtVerify(token, keys, {
          issuer: options.issuer,
          audience: options.audience,
          algorithms: ['ES256'],
          requiredClaims: ['exp', 'iat', 'sub'],
          clockTolerance: CLOCK_TOLERANCE_S,
          currentDate: new Date(now()),
        }))
      } catch (error) {
        throw explain(error)
      }
      const principal = principalFrom(payload)
      checkTimes(payload, principal, Math.floor(now() / 1000), limits)
      if (options.cacheSize > 0) {
        if (cache.size >= options.cacheSize) cache.delete(cache.keys().next().value as string)
        cache.set(token, { principal, expiresAtMs: (payload.exp as number) * 1000 })
      }
      return principal
    },
  }
}
