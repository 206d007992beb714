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
import { canonicalJson } from './audit-chain.ts'

type SigningKey = Awaited<ReturnType<typeof importJWK>>

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
  key: SigningKey
  jwk: JWK
}

/** The public half of a P-256 JWK with its RFC 7638 thumbprint as `kid`; the private part is dropped. */
async function publicKeyOf(jwk: JWK, what: string): Promise<VerifyKey & { kid: string }> {
  const { kty, crv, x, y } = jwk
  if (kty !== 'EC' || crv !== 'P-256' || !x || !y) throw new Error(`${what}: not a P-256 JWK`)
  // The kid is always the thumbprint (what checkpoints carry), whatever `kid` the JWK itself names.
  const kid = await calculateJwkThumbprint({ kty, crv, x, y })
  return {
    kid,
    key: await importJWK({ kty, crv, x, y }, 'ES256'),
    jwk: { kty, crv, x, y, kid, alg: 'ES256', use: 'sig' },
  }
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
 * Signs checkpoints with the hub's audit key (ES256) and checks them again. The private key is
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
   * From a private EC P-256 JWK (JSON text), as config.audit.signingKey holds it, and the public
   * JWKs of retired keys (from the deployment's configuration, never from the database).
   */
  static async fromJwk(json: string, retired: readonly JWK[] = []): Promise<CheckpointSigner> {
    const jwk = JSON.parse(json) as JWK
    if (!jwk.d) throw new Error('audit signing key: not a P-256 private JWK')
    const current = await publicKeyOf(jwk, 'audit signing key')
    const { kty, crv, x, y, d } = jwk
    const privateKey = await importJWK({ kty, crv, x, y, d }, 'ES256')
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

  async sign(claims: CheckpointClaims): Promise<string> {
    return new CompactSign(new TextEncoder().encode(canonicalJson(claims)))
      .setProtectedHeader({ alg: 'ES256', kid: this.keyId, typ: TYPE })
      .sign(this.privateKey)
  }

  async verify(jws: string): Promise<CheckpointVerdict> {
    let unknownKey = false
    try {
      const { payload } = await compactVerify(
        jws,
        async (header) => {
          const known = header.kid === undefined ? undefined : this.verifyKeys.get(header.kid)
          if (!known || header.typ !== TYPE) {
            unknownKey = true
            throw new Error('unknown checkpoint key')
          }
          return known.key
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
