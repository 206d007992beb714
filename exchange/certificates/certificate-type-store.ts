import type { Knex } from 'knex'
import type { CertificateType } from '../../schemas/generated/types.ts'

/** The SQL of `certificate_types`. */

type Db = Knex | Knex.Transaction

interface TypeRow {
  code: string
  name: string
  issuer_department: string
  face_schema: Record<string, unknown>
  created_at: Date
}

const toType = (row: TypeRow): CertificateType => ({
  code: row.code,
  name: row.name,
  issuerDepartment: row.issuer_department,
  faceSchema: row.face_schema,
  createdAt: row.created_at.toISOString(),
})

export async function findCertificateType(db: Db, code: string): Promise<CertificateType | undefined> {
  const row = (await db('certificate_types').where({ code }).first()) as TypeRow | undefined
  return row && toType(row)
}

export async function listCertificateTypes(db: Db): Promise<CertificateType[]> {
  return ((await db('certificate_types').orderBy('code')) as TypeRow[]).map(toType)
}

export async function existingTypeCodes(db: Db, codes: readonly string[]): Promise<Set<string>> {
  if (codes.length === 0) return new Set()
  const rows = (await db('certificate_types').whereIn('code', codes).select('code')) as { code: string }[]
  return new Set(rows.map((r) => r.code))
}

/** Inserts the type; false when the code exists already. */
export async function insertCertificateType(
  db: Db,
  type: Omit<CertificateType, 'createdAt'>,
): Promise<CertificateType | undefined> {
  const rows = (await db('certificate_types')
    .insert({
      code: type.code,
      name: type.name,
      issuer_department: type.issuerDepartment,
      face_schema: JSON.stringify(type.faceSchema),
    })
    .onConflict('code')
    .ignore()
    .returning('*')) as TypeRow[]
  return rows[0] && toType(rows[0])
}
