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
import { NotFoundError } from '../../platform/errors/app-error.ts'
import type { CertificateJwks } from '../../schemas/generated/types.ts'
import type { KeySealer } from './key-sealer.ts'
import {
  findActiveKey,
  findKey,
  insertActiveKey,
  listKeys,
  retireActiveKey,
  type SigningKeyRow,
} from './signing-key-store.ts'

export const DOCUMENT_TYPE = 'certificate+jws'

type SigningKey = Awaited<ReturnType<typeof importJWK>>

interface ActiveKey {
  kid: string
  key: SigningKey
  loadedAt: number
}

interface PublicKey {
  department: string
  key: SigningKey
}

export type SignatureCheck =
  | { ok: true; kid: string; department: string; payload: Record<string, unknown> }
  | { ok: false; reason: 'malformed' | 'unknown-key' | 'bad-signature'; kid: string | null }

/** How long a process keeps signing with a key it loaded, when another instance rotated it. */
const ACTIVE_KEY_TTL_MS = 60_000

/**
 * The issuing departments' ES256 keys, held by the hub: generated on a department's first
 * signature, sealed at rest, rotated on request. Retired keys stay in the JWKS so documents signed
 * before a rotation keep verifying. Private keys are opened once per process and cached.
 */
export class CertificateSigner {
  private readonly active = new Map<string, ActiveKey>()
  private readonly publicKeys = new Map<string, PublicKey>()

  constructor(
    private readonly db: Knex,
    /** Resolved on first use, so a hub without certificate keys configured still starts. */
    private readonly sealer: () => Promise<KeySealer>,
    private readonly now: () => number = Date.now,
  ) {}

  async sign(department: string, payload: Record<string, unknown>): Promise<string> {
    return (await this.signWithKid(department, payload)).document
  }

  /** Signs with the department's active key and says which key that was. */
  async signWithKid(
    department: string,
    payload: Record<string, unknown>,
  ): Promise<{ document: string; kid: string }> {
    const { kid, key } = await this.activeKey(department)
    const document = await new CompactSign(new TextEncoder().encode(JSON.stringify(payload)))
      .setProtectedHeader({ alg: 'ES256', kid, typ: DOCUMENT_TYPE })
      .sign(key)
    return { document, kid }
  }

  async check(document: string): Promise<SignatureCheck> {
    let kid: string | null = null
    try {
      const header = decodeProtectedHeader(document)
      kid = typeof header.kid === 'string' ? header.kid : null
      if (header.alg !== 'ES256' || kid === null) return { ok: false, reason: 'malformed', kid }
    } catch {
      return { ok: false, reason: 'malformed', kid: null }
    }
    const publicKey = await this.publicKey(kid)
    if (!publicKey) return { ok: false, reason: 'unknown-key', kid }
    let bytes: Uint8Array
    try {
      bytes = (await compactVerify(document, publicKey.key, { algorithms: ['ES256'] })).payload
    } catch {
      return { ok: false, reason: 'bad-signature', kid }
    }
    try {
      const payload = JSON.parse(new TextDecoder().decode(bytes)) as unknown
      if (!payload || typeof payload !== 'object') return { ok: false, reason: 'malformed', kid }
      return { ok: true, kid, department: publicKey.department, payload: payload as Record<string, unknown> }
    } catch {
      return { ok: false, reason: 'malformed', kid }
    }
  }

  /** An unknown department is 404: an empty key set would read as "signs nothing yet". */
  async jwks(department: string): Promise<CertificateJwks> {
    const rows = await listKeys(this.db, department)
    if (rows.length === 0 && !(await findDepartment(this.db, department)))
      throw new NotFoundError('department-not-found', `No department has code ${department}`)
    return { keys: rows.map((row) => publicJwk(row)) }
  }

  /** A new active key for the department; the old one is kept for verification only. */
  async rotate(department: string): Promise<SigningKeyRow> {
    const sealer = await this.sealer()
    const row = await this.db.transaction(async (trx) => {
      await retireActiveKey(trx, department)
      const fresh = await newKey(sealer, department)
      await insertActiveKey(trx, fresh)
      return (await findKey(trx, fresh.kid)) as SigningKeyRow
    })
    this.active.delete(department)
    return row
  }

  /** The department's active key, generating its first one. */
  async activeKeyRow(department: string): Promise<SigningKeyRow> {
    const existing = await findActiveKey(this.db, department)
    if (existing) return existing
    const fresh = await newKey(await this.sealer(), department)
    // A concurrent first signature may win the race; then its key is the one to use.
    await insertActiveKey(this.db, fresh)
    return (await findActiveKey(this.db, department)) as SigningKeyRow
  }

  private async activeKey(department: string): Promise<ActiveKey> {
    const cached = this.active.get(department)
    if (cached && this.now() - cached.loadedAt < ACTIVE_KEY_TTL_MS) return cached
    const row = await this.activeKeyRow(department)
    const sealer = await this.sealer()
    const jwk = JSON.parse(sealer.open(row.private_jwk_sealed, row.kid)) as JWK
    const loaded = { kid: row.kid, key: await importJWK(jwk, 'ES256'), loadedAt: this.now() }
    this.active.set(department, loaded)
    return loaded
  }

  private async publicKey(kid: string): Promise<PublicKey | undefined> {
    const cached = this.publicKeys.get(kid)
    if (cached) return cached
    // Key ids are ours (UUID-based); anything else cannot be a key and needs no query.
    if (!/^cert-[0-9a-f-]{36}$/.test(kid)) return undefined
    const row = await findKey(this.db, kid)
    if (!row) return undefined
    const loaded = { department: row.department_code, key: await importJWK(publicJwk(row), 'ES256') }
    this.publicKeys.set(kid, loaded)
    return loaded
  }
}

async function newKey(sealer: KeySealer, department: string) {
  const kid = `cert-${randomUUID()}`
  const { publicKey, privateKey } = await generateKeyPair('ES256', { extractable: true })
  const { kty, crv, x, y } = await exportJWK(publicKey)
  const privateJwk = await exportJWK(privateKey)
  return {
    kid,
    department_code: department,
    public_jwk: { kty, crv, x, y } as Record<string, string>,
    private_jwk_sealed: sealer.seal(JSON.stringify(privateJwk), kid),
  }
}

function publicJwk(row: SigningKeyRow): CertificateJwks['keys'][number] {
  const { kty, crv, x, y } = row.public_jwk as { kty: string; crv: string; x: string; y: string }
  return { kty, crv, x, y, kid: row.kid, alg: 'ES256', use: 'sig' }
}
