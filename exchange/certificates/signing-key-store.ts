import type { Knex } from 'knex'
import type { CertificateAlg } from './signing-algorithms.ts'

/** The SQL of `certificate_signing_keys`. */

type Db = Knex | Knex.Transaction

export interface SigningKeyRow {
  kid: string
  department_code: string
  alg: CertificateAlg
  public_jwk: Record<string, string>
  private_jwk_sealed: string
  status: 'active' | 'retired'
  created_at: Date
}

export async function findKey(db: Db, kid: string): Promise<SigningKeyRow | undefined> {
  return db('certificate_signing_keys').where({ kid }).first()
}

export async function findActiveKey(
  db: Db,
  department: string,
  alg: CertificateAlg = 'ES256',
): Promise<SigningKeyRow | undefined> {
  return db('certificate_signing_keys').where({ department_code: department, alg, status: 'active' }).first()
}

export async function listKeys(db: Db, department: string): Promise<SigningKeyRow[]> {
  return db('certificate_signing_keys').where({ department_code: department }).orderBy('created_at')
}

/** Inserts an active key; false when another one became active first (the partial unique index). */
export async function insertActiveKey(
  db: Db,
  row: Pick<SigningKeyRow, 'kid' | 'department_code' | 'alg' | 'public_jwk' | 'private_jwk_sealed'>,
): Promise<boolean> {
  const inserted = await db('certificate_signing_keys')
    .insert({ ...row, public_jwk: JSON.stringify(row.public_jwk), status: 'active' })
    .onConflict(db.raw("(department_code, alg) where status = 'active'"))
    .ignore()
    .returning('kid')
  return inserted.length === 1
}

export async function retireActiveKey(db: Db, department: string, alg: CertificateAlg): Promise<void> {
  await db('certificate_signing_keys')
    .where({ department_code: department, alg, status: 'active' })
    .update({ status: 'retired', retired_at: db.fn.now() })
}
