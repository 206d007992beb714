import { randomUUID } from 'node:crypto'
import {
  CompactSign,
  compactVerify,
  decodeProtectedHeader,
  exportJWK,
  generateKeyPair,
  importJWK,
  type JWK,
} from 'jose'
import type { Knex } from 'knex'
import { findDepartment } from '../../directory/departments/department-store.ts'
import { generateSm2KeyPair, Sm2Key, type Sm2Nonce, type Sm2PublicKey } from '../../platform/crypto/sm2.ts'
import { decodeCompact, signSm2Compact, verifySm2Compact } from '../../platform/crypto/sm2-jws.ts'
import {
  sm2PrivateFromJwk,
  sm2PublicJwk,
  sm2PublicKeyFromJwk,
  sm2PublicKeyPem,
} from '../../platform/crypto/sm2-keys.ts'
import { NotFoundError } from '../../platform/errors/app-error.ts'
import type { CertificateJwks } from '../../schemas/generated/types.ts'
import type { KeySealer } from './key-sealer.ts'
import type { CertificateAlg, SigningAlgorithms } from './signing-algorithms.ts'
import {
  findActiveKey,
  findKey,
  insertActiveKey,
  listKeys,
  retireActiveKey,
  type SigningKeyRow,
} from './signing-key-store.ts'

export const DOCUMENT_TYPE = 'certificate+jws'

type JoseKey = Awaited<ReturnType<typeof importJWK>>

/** A loaded private key: signs the payload into a compact document with the given header. */
interface ActiveKey {
  kid: string
  sign: (header: { kid: string; typ: string }, payload: Uint8Array) => Promise<string>
  loadedAt: number
}

type VerifyKey = { alg: 'ES256'; key: JoseKey } | { alg: 'SM2-SM3'; key: Sm2PublicKey }

interface PublicKey {
  department: string
  verify: VerifyKey
}

export type SignatureCheck =
  | { ok: true; kid: string; department: string; payload: Record<string, unknown> }
  | { ok: false; reason: 'malformed' | 'unknown-key' | 'bad-signature'; kid: string | null }

/** How long a process keeps signing with a key it loaded, when another instance rotated it. */
const ACTIVE_KEY_TTL_MS = 60_000

const ALGS: readonly CertificateAlg[] = ['ES256', 'SM2-SM3']

/**
 * The issuing departments' keys, held by the hub: generated on a department's first signature,
 * sealed at rest, rotated on request. Each department signs with ES256 or SM2 (SM2-SM3, ADR 0007)
 * as `algorithms` says, and holds an active key for every algorithm listed there, so both can sit
 * side by side during a migration. Retired keys stay in the JWKS so documents signed before a
 * rotation keep verifying. Private keys are opened once per process and cached.
 */
export class CertificateSigner {
  private readonly active = new Map<string, ActiveKey>()
  private readonly publicKeys = new Map<string, PublicKey>()

  constructor(
    private readonly db: Knex,
    /** Resolved on first use, so a hub without certificate keys configured still starts. */
    private readonly sealer: () => Promise<KeySealer>,
    private readonly now: () => number = Date.now,
    private readonly algorithms: SigningAlgorithms = () => ['ES256'],
    /** Where SM2 keys take their nonces (a worker's pool, `Sm2NoncePool`); asked once per key load. */
    private readonly sm2Nonces?: () => Sm2Nonce,
  ) {}

  async sign(department: string, payload: Record<string, unknown>): Promise<string> {
    return (await this.signWithKid(department, payload)).document
  }

  /** Signs with the department's active key of its first algorithm and says which key that was. */
  async signWithKid(
    department: string,
    payload: Record<string, unknown>,
  ): Promise<{ document: string; kid: string }> {
    const key = await this.activeKey(department, this.signingAlg(department))
    const document = await key.sign(
      { kid: key.kid, typ: DOCUMENT_TYPE },
      new TextEncoder().encode(JSON.stringify(payload)),
    )
    return { document, kid: key.kid }
  }

  /** The algorithm new documents of `department` are signed with. */
  signingAlg(department: string): CertificateAlg {
    return this.algorithms(department)[0] ?? 'ES256'
  }

  async check(document: string): Promise<SignatureCheck> {
    let kid: string | null = null
    let alg: unknown
    try {
      const header = decodeProtectedHeader(document)
      kid = typeof header.kid === 'string' ? header.kid : null
      alg = header.alg
      if (!ALGS.includes(alg as CertificateAlg) || kid === null)
        return { ok: false, reason: 'malformed', kid }
    } catch {
      return { ok: false, reason: 'malformed', kid: null }
    }
    const publicKey = await this.publicKey(kid)
    if (!publicKey) return { ok: false, reason: 'unknown-key', kid }
    // A key verifies only documents of its own algorithm: no downgrade by editing the header.
    if (publicKey.verify.alg !== alg) return { ok: false, reason: 'bad-signature', kid }
    let bytes: Uint8Array
    if (publicKey.verify.alg === 'ES256') {
      try {
        bytes = (await compactVerify(document, publicKey.verify.key, { algorithms: ['ES256'] })).payload
      } catch {
        return { ok: false, reason: 'bad-signature', kid }
      }
    } else {
      const parts = decodeCompact(document)
      if (!parts) return { ok: false, reason: 'malformed', kid }
      if (!verifySm2Compact(parts, publicKey.verify.key)) return { ok: false, reason: 'bad-signature', kid }
      bytes = parts.payload
    }
    try {
      const payload = JSON.parse(new TextDecoder().decode(bytes)) as unknown
      if (!payload || typeof payload !== 'object') return { ok: false, reason: 'malformed', kid }
      return { ok: true, kid, department: publicKey.department, payload: payload as Record<string, unknown> }
    } catch {
      return { ok: false, reason: 'malformed', kid }
    }
  }

  /**
   * Current and retired public keys; an algorithm configured but not yet used gets its key here,
   * so verifiers can fetch an SM2 key before the first SM2 document exists. An unknown department
   * is 404: an empty key set would read as "signs nothing yet".
   */
  async jwks(department: string): Promise<CertificateJwks> {
    let rows = await listKeys(this.db, department)
    if (rows.length === 0 && !(await findDepartment(this.db, department)))
      throw new NotFoundError('department-not-found', `No department has code ${department}`)
    const missing = this.algorithms(department).filter(
      (alg) => !rows.some((row) => row.alg === alg && row.status === 'active'),
    )
    if (missing.length > 0 && rows.length > 0) {
      for (const alg of missing) await this.activeKeyRow(department, alg)
      rows = await listKeys(this.db, department)
    }
    return { keys: rows.map((row) => publicJwk(row)) }
  }

  /**
   * New active keys for every algorithm the department signs with; the old ones are kept for
   * verification only. Returns the key that signs from now on.
   */
  async rotate(department: string): Promise<SigningKeyRow> {
    const sealer = await this.sealer()
    const algs = this.algorithms(department)
    const rows = await this.db.transaction(async (trx) => {
      const made: SigningKeyRow[] = []
      for (const alg of algs) {
        await retireActiveKey(trx, department, alg)
        const fresh = await newKey(sealer, department, alg)
        await insertActiveKey(trx, fresh)
        made.push((await findKey(trx, fresh.kid)) as SigningKeyRow)
      }
      return made
    })
    for (const alg of algs) this.active.delete(`${department}:${alg}`)
    return rows[0] as SigningKeyRow
  }

  /** The department's active key of `alg`, generating its first one. */
  async activeKeyRow(
    department: string,
    alg: CertificateAlg = this.signingAlg(department),
  ): Promise<SigningKeyRow> {
    const existing = await findActiveKey(this.db, department, alg)
    if (existing) return existing
    const fresh = await newKey(await this.sealer(), department, alg)
    // A concurrent first signature may win the race; then its key is the one to use.
    await insertActiveKey(this.db, fresh)
    return (await findActiveKey(this.db, department, alg)) as SigningKeyRow
  }

  private async activeKey(department: string, alg: CertificateAlg): Promise<ActiveKey> {
    const cacheKey = `${department}:${alg}`
    const cached = this.active.get(cacheKey)
    if (cached && this.now() - cached.loadedAt < ACTIVE_KEY_TTL_MS) return cached
    const row = await this.activeKeyRow(department, alg)
    const sealer = await this.sealer()
    const jwk = JSON.parse(sealer.open(row.private_jwk_sealed, row.kid)) as JWK
    const loaded: ActiveKey = {
      kid: row.kid,
      sign: await signingFunction(row.alg, jwk, this.sm2Nonces),
      loadedAt: this.now(),
    }
    this.active.set(cacheKey, loaded)
    return loaded
  }

  private async publicKey(kid: string): Promise<PublicKey | undefined> {
    const cached = this.publicKeys.get(kid)
    if (cached) return cached
    // Key ids are ours (UUID-based); anything else cannot be a key and needs no query.
    if (!/^cert-[0-9a-f-]{36}$/.test(kid)) return undefined
    const row = await findKey(this.db, kid)
    if (!row) return undefined
    const verify: VerifyKey =
      row.alg === 'SM2-SM3'
        ? { alg: 'SM2-SM3', key: sm2PublicKeyFromJwk(row.public_jwk) }
        : { alg: 'ES256', key: await importJWK(publicJwk(row), 'ES256') }
    const loaded = { department: row.department_code, verify }
    this.publicKeys.set(kid, loaded)
    return loaded
  }
}

async function signingFunction(
  alg: CertificateAlg,
  jwk: JWK,
  sm2Nonces?: () => Sm2Nonce,
): Promise<ActiveKey['sign']> {
  if (alg === 'SM2-SM3') {
    const { d, publicKey } = sm2PrivateFromJwk(jwk)
    const key = new Sm2Key(d, publicKey, undefined, sm2Nonces?.())
    return async (header, payload) => signSm2Compact(key, header, payload)
  }
  const key = await importJWK(jwk, 'ES256')
  return (header, payload) =>
    new CompactSign(payload).setProtectedHeader({ alg: 'ES256', ...header }).sign(key)
}

async function newKey(sealer: KeySealer, department: string, alg: CertificateAlg) {
  const kid = `cert-${randomUUID()}`
  let publicJwk: Record<string, string>
  let privateJwk: Record<string, unknown>
  if (alg === 'SM2-SM3') {
    const pair = generateSm2KeyPair()
    publicJwk = { ...sm2PublicJwk(pair.publicKey) }
    privateJwk = { ...publicJwk, d: pair.d.toString('base64url') }
  } else {
    const { publicKey, privateKey } = await generateKeyPair('ES256', { extractable: true })
    const { kty, crv, x, y } = await exportJWK(publicKey)
    publicJwk = { kty, crv, x, y } as Record<string, string>
    privateJwk = { ...(await exportJWK(privateKey)) }
  }
  return {
    kid,
    department_code: department,
    alg,
    public_jwk: publicJwk,
    private_jwk_sealed: sealer.seal(JSON.stringify(privateJwk), kid),
  }
}

function publicJwk(row: SigningKeyRow): CertificateJwks['keys'][number] {
  const { kty, crv, x, y } = row.public_jwk as { kty: string; crv: string; x: string; y: string }
  const base = { kty, crv, x, y, kid: row.kid, alg: row.alg, use: 'sig' }
  // SM2 keys also in PEM (SubjectPublicKeyInfo), for `openssl pkeyutl -verify -pubin -inkey`.
  return row.alg === 'SM2-SM3' ? { ...base, pem: sm2PublicKeyPem(sm2PublicKeyFromJwk(row.public_jwk)) } : base
}
