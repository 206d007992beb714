import { mkdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import {
  CompactSign,
  calculateJwkThumbprint,
  compactVerify,
  errors,
  exportJWK,
  generateKeyPair,
  importJWK,
  type JWK,
} from 'jose'
import { canonicalJson } from '../platform/crypto/canonical-json.ts'
import { generateSm2KeyPair, Sm2Key, type Sm2PublicKey } from '../platform/crypto/sm2.ts'
import { decodeCompact, SM2_JWS_ALG, signSm2Compact, verifySm2Compact } from '../platform/crypto/sm2-jws.ts'
import {
  isSm2Jwk,
  sm2PrivateFromJwk,
  sm2PublicJwk,
  sm2PublicKeyFromJwk,
} from '../platform/crypto/sm2-keys.ts'

type JoseKey = Awaited<ReturnType<typeof importJWK>>
/** An ES256 key (jose) or an SM2 key (SM2-SM3, ADR 0007), chosen by the JWK's curve. */
type SigningKey = { alg: 'ES256'; key: JoseKey } | { alg: typeof SM2_JWS_ALG; key: Sm2Key }
type PublicKey = { alg: 'ES256'; key: JoseKey } | { alg: typeof SM2_JWS_ALG; key: Sm2PublicKey }

/** What a checkpoint states: the chain up to record `lastId` (`count` records) ends in `lastHash`. */
export interface CheckpointClaims {
  lastId: number
  lastHash: string
  /** Records appended up to `lastId`; ids are dense from 1, so it equals `lastId` — stated so no reader must know that. */
  count: number
  /** ISO 8601 time of signing. */
  signedAt: string
}

export type SignatureProblem = 'bad-signature' | 'unknown-key'

export type CheckpointVerdict =
  | { ok: true; claims: CheckpointClaims }
  | { ok: false; problem: SignatureProblem }

const TYPE = 'hub-audit-checkpoint+jws'

interface VerifyKey {
  key: PublicKey
  jwk: JWK
}

/**
 * The public half of a P-256 or SM2 JWK with its RFC 7638 thumbprint as `kid`; the private part is
 * dropped.
 */
async function publicKeyOf(jwk: JWK, what: string): Promise<VerifyKey & { kid: string }> {
  const { kty, crv, x, y } = jwk
  const sm2 = isSm2Jwk(jwk)
  if (kty !== 'EC' || (crv !== 'P-256' && !sm2) || !x || !y)
    throw new Error(`${what}: not a P-256 or SM2 JWK`)
  // The kid is always the thumbprint (what checkpoints carry), whatever `kid` the JWK itself names.
  const kid = await calculateJwkThumbprint({ kty, crv, x, y })
  const key: PublicKey = sm2
    ? { alg: SM2_JWS_ALG, key: sm2PublicKeyFromJwk(jwk) }
    : { alg: 'ES256', key: await importJWK({ kty, crv, x, y }, 'ES256') }
  return { kid, key, jwk: { kty, crv, x, y, kid, alg: key.alg, use: 'sig' } }
}

/**
 * Retired checkpoint keys as configured: a JWK Set (`{"keys": [...]}`) of the public halves of keys
 * that signed checkpoints before a rotation. Private members, if an operator pasted them, are dropped.
 */
export function parseRetiredKeys(json: string | null | undefined): JWK[] {
  if (!json) return []
  const set = JSON.parse(json) as { keys?: unknown }
  if (!Array.isArray(set.keys))
    throw new Error('retired audit signing keys: expected a JWK Set {"keys": [...]}')
  return set.keys as JWK[]
}

/**
 * Signs checkpoints with the hub's audit key (ES256, or SM2-SM3 when it is an SM2 JWK) and checks them again. The private key is
 * the one secret that makes a rewritten chain detectable: whoever can rewrite the database can
 * recompute every hash, but cannot sign a new head without this key.
 *
 * Rotation: the new key signs, and the public halves of the keys it replaced stay as verify-only
 * keys, listed in the published JWKS, so every older checkpoint still verifies under its `kid`.
 */
export class CheckpointSigner {
  private constructor(
    private readonly privateKey: SigningKey,
    /** The current key first, then retired ones; by `kid`. */
    private readonly verifyKeys: Map<string, VerifyKey>,
    readonly keyId: string,
  ) {}

  /**
   * From a private EC P-256 or SM2 JWK (JSON text), as config.audit.signingKey holds it, and the public
   * JWKs of retired keys (from the deployment's configuration, never from the database).
   */
  static async fromJwk(json: string, retired: readonly JWK[] = []): Promise<CheckpointSigner> {
    const jwk = JSON.parse(json) as JWK
    if (!jwk.d) throw new Error('audit signing key: not a P-256 or SM2 private JWK')
    const current = await publicKeyOf(jwk, 'audit signing key')
    const { kty, crv, x, y, d } = jwk
    const privateKey: SigningKey = isSm2Jwk(jwk)
      ? { alg: SM2_JWS_ALG, key: new Sm2Key(sm2PrivateFromJwk(jwk).d) }
      : { alg: 'ES256', key: await importJWK({ kty, crv, x, y, d }, 'ES256') }
    const verifyKeys = new Map<string, VerifyKey>([[current.kid, current]])
    for (const [i, old] of retired.entries()) {
      const key = await publicKeyOf(old, `retired audit signing key ${i + 1}`)
      if (!verifyKeys.has(key.kid)) verifyKeys.set(key.kid, key)
    }
    return new CheckpointSigner(privateKey, verifyKeys, current.kid)
  }

  /** The published verification key set: the current key first, then every retired one. */
  jwks(): { keys: JWK[] } {
    return { keys: [...this.verifyKeys.values()].map(({ jwk }) => ({ ...jwk })) }
  }

  /** The JWS `alg` of new checkpoints: ES256, or SM2-SM3 when the configured key is an SM2 JWK. */
  get algorithm(): SigningKey['alg'] {
    return this.privateKey.alg
  }

  async sign(claims: CheckpointClaims): Promise<string> {
    const payload = new TextEncoder().encode(canonicalJson(claims))
    if (this.privateKey.alg === SM2_JWS_ALG)
      return signSm2Compact(this.privateKey.key, { kid: this.keyId, typ: TYPE }, payload)
    return new CompactSign(payload)
      .setProtectedHeader({ alg: 'ES256', kid: this.keyId, typ: TYPE })
      .sign(this.privateKey.key)
  }

  async verify(jws: string): Promise<CheckpointVerdict> {
    const parts = decodeCompact(jws)
    if (parts?.header.alg === SM2_JWS_ALG) {
      const kid = parts.header.kid
      const known = typeof kid === 'string' ? this.verifyKeys.get(kid) : undefined
      if (known?.key.alg !== SM2_JWS_ALG || parts.header.typ !== TYPE)
        return { ok: false, problem: 'unknown-key' }
      if (!verifySm2Compact(parts, known.key.key)) return { ok: false, problem: 'bad-signature' }
      try {
        return { ok: true, claims: JSON.parse(parts.payload.toString('utf8')) as CheckpointClaims }
      } catch {
        return { ok: false, problem: 'bad-signature' }
      }
    }
    let unknownKey = false
    try {
      const { payload } = await compactVerify(
        jws,
        async (header) => {
          const known = header.kid === undefined ? undefined : this.verifyKeys.get(header.kid)
          if (known?.key.alg !== 'ES256' || header.typ !== TYPE) {
            unknownKey = true
            throw new Error('unknown checkpoint key')
          }
          return known.key.key
        },
        { algorithms: ['ES256'] },
      )
      return { ok: true, claims: JSON.parse(new TextDecoder().decode(payload)) as CheckpointClaims }
    } catch (error) {
      if (unknownKey) return { ok: false, problem: 'unknown-key' }
      if (error instanceof errors.JOSEError || error instanceof SyntaxError)
        return { ok: false, problem: 'bad-signature' }
      throw error
    }
  }
}

/** A new private SM2 JWK (for `AUDIT_SIGNING_KEY` or `CASE_WEBHOOK_SIGNING_KEY`, ADR 0007). */
export function generateSm2PrivateJwk(): string {
  const pair = generateSm2KeyPair()
  return JSON.stringify({ ...sm2PublicJwk(pair.publicKey), d: pair.d.toString('base64url') })
}

/** A private JWK kept in the data directory: the embedded default's audit key (services mode configures one). */
export async function loadOrCreateSigningKey(dataDir: string): Promise<string> {
  const file = path.join(dataDir, 'audit-signing-key.jwk')
  try {
    return (await readFile(file, 'utf8')).trim()
  } catch {
    await mkdir(dataDir, { recursive: true })
    const { privateKey } = await generateKeyPair('ES256', { extractable: true })
    const json = JSON.stringify(await exportJWK(privateKey))
    await writeFile(file, json, { mode: 0o600 })
    return json
  }
}
