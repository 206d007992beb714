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

/**
 * Signs checkpoints with the hub's audit key (ES256) and checks them again. The private key is
 * the one secret that makes a rewritten chain detectable: whoever can rewrite the database can
 * recompute every hash, but cannot sign a new head without this key.
 */
export class CheckpointSigner {
  private constructor(
    private readonly privateKey: SigningKey,
    private readonly publicKey: SigningKey,
    private readonly publicJwk: JWK,
    readonly keyId: string,
  ) {}

  /** From a private EC P-256 JWK (JSON text), as config.audit.signingKey holds it. */
  static async fromJwk(json: string): Promise<CheckpointSigner> {
    const { kty, crv, x, y, d } = JSON.parse(json) as JWK
    if (kty !== 'EC' || crv !== 'P-256' || !x || !y || !d)
      throw new Error('audit signing key: not a P-256 private JWK')
    const keyId = await calculateJwkThumbprint({ kty, crv, x, y })
    const publicJwk: JWK = { kty, crv, x, y, kid: keyId, alg: 'ES256', use: 'sig' }
    const privateKey = await importJWK({ kty, crv, x, y, d }, 'ES256')
    const publicKey = await importJWK({ kty, crv, x, y }, 'ES256')
    return new CheckpointSigner(privateKey, publicKey, publicJwk, keyId)
  }

  /** The published verification key set (one key until rotation is built; see ADR 0005). */
  jwks(): { keys: JWK[] } {
    return { keys: [{ ...this.publicJwk }] }
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
          if (header.kid !== this.keyId || header.typ !== TYPE) {
            unknownKey = true
            throw new Error('unknown checkpoint key')
          }
          return this.publicKey
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
