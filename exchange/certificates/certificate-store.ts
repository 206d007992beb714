import type { Knex } from 'knex'
import type { Certificate, CertificateHolder } from '../../schemas/generated/types.ts'

/** The SQL of `certificates`. "expired" is derived here from `valid_until`, never stored. */

type Db = Knex | Knex.Transaction

export type StoredStatus = 'valid' | 'suspended' | 'revoked'

export interface CertificateRow {
  id: string
  type_code: string
  type_name: string
  issuer_department: string
  holder_id_type: CertificateHolder['idType']
  holder_id_number: string
  holder_name: string
  issued_on: string
  valid_from: string
  valid_until: string | null
  status: StoredStatus
  status_reason: string | null
  face_data: Record<string, unknown>
}

export interface NewCertificate {
  id: string
  typeCode: string
  issuerDepartment: string
  holder: CertificateHolder
  issuedOn: string
  validFrom: string
  validUntil: string | null
  faceData: Record<string, unknown>
}

/** Today in the hub's calendar (UTC+8, where certificates are issued), as YYYY-MM-DD. */
export function today(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10)
}

export function effectiveStatus(
  row: Pick<CertificateRow, 'status' | 'valid_until'>,
  on: string,
): Certificate['status'] {
  if (row.status !== 'valid') return row.status
  return row.valid_until !== null && row.valid_until < on ? 'expired' : 'valid'
}

export function toCertificate(row: CertificateRow, on: string = today()): Certificate {
  return {
    id: row.id,
    typeCode: row.type_code,
    typeName: row.type_name,
    issuerDepartment: row.issuer_department,
    holder: { idType: row.holder_id_type, idNumber: row.holder_id_number, name: row.holder_name },
    issuedOn: row.issued_on,
    validFrom: row.valid_from,
    validUntil: row.valid_until,
    status: effectiveStatus(row, on),
    statusReason: row.status_reason,
    faceData: row.face_data,
  }
}

const SELECT = [
  'c.id',
  'c.type_code',
  't.name as type_name',
  'c.issuer_department',
  'c.holder_id_type',
  'c.holder_id_number',
  'c.holder_name',
  db_date('c.issued_on', 'issued_on'),
  db_date('c.valid_from', 'valid_from'),
  db_date('c.valid_until', 'valid_until'),
  'c.status',
  'c.status_reason',
  'c.face_data',
]

// Dates as text: node-postgres would turn a `date` into a local-midnight Date and shift the day.
function db_date(column: string, alias: string): string {
  return `${column}::text as ${alias}`
}

function selectCertificates(db: Db) {
  return db('certificates as c')
    .join('certificate_types as t', 't.code', 'c.type_code')
    .select(SELECT.map((s) => (s.includes('::') ? db.raw(s) : s)))
}

export async function findCertificate(db: Db, id: string): Promise<CertificateRow | undefined> {
  return (await selectCertificates(db).where('c.id', id).first()) as CertificateRow | undefined
}

export interface CertificateListQuery {
  issuer: string
  typeCode?: string
  status?: Certificate['status']
  /** Keyset position: the last (issue date, id) of the previous page. */
  after?: { issuedOn: string; id: string }
  limit: number
  /** Today in Beijing: where valid ends and expired begins. */
  on: string
}

/** One issuer's certificates, newest issue date first (then id), one more than `limit` to tell if more follow. */
export async function listCertificates(db: Db, q: CertificateListQuery): Promise<CertificateRow[]> {
  const query = selectCertificates(db)
    .where('c.issuer_department', q.issuer)
    .orderBy([
      { column: 'c.issued_on', order: 'desc' },
      { column: 'c.id', order: 'desc' },
    ])
    .limit(q.limit + 1)
  if (q.typeCode) query.where('c.type_code', q.typeCode)
  // "expired" is a stored "valid" whose validity ended; "valid" excludes those.
  if (q.status === 'expired') query.where('c.status', 'valid').where('c.valid_until', '<', q.on)
  else if (q.status === 'valid')
    query
      .where('c.status', 'valid')
      .where((w) => w.whereNull('c.valid_until').orWhere('c.valid_until', '>=', q.on))
  else if (q.status) query.where('c.status', q.status)
  if (q.after) query.whereRaw('(c.issued_on, c.id) < (?::date, ?)', [q.after.issuedOn, q.after.id])
  return (await query) as CertificateRow[]
}

export type CertificateStatusRow = Pick<CertificateRow, 'id' | 'issuer_department' | 'status' | 'valid_until'>

/** The status columns only, of many certificates at once: what verification needs, cheaply. */
export async function findCertificateStatuses(
  db: Db,
  ids: readonly string[],
): Promise<Map<string, CertificateStatusRow>> {
  const rows = (await db('certificates')
    .whereIn('id', ids)
    .select(
      'id',
      'issuer_department',
      'status',
      db.raw('valid_until::text as valid_until'),
    )) as CertificateStatusRow[]
  return new Map(rows.map((row) => [row.id, row]))
}

/**
 * Every certificate of each holder (any type), newest first, for many holders in one query: keyed
 * `idType:idNumber` (see `holderKey`); a holder with none is absent from the map.
 */
export async function findCertificatesOfHolders(
  db: Db,
  holders: readonly Pick<CertificateHolder, 'idType' | 'idNumber'>[],
): Promise<Map<string, CertificateRow[]>> {
  const rows = (await selectCertificates(db)
    .whereRaw('(c.holder_id_type, c.holder_id_number) in (select * from unnest(?::text[], ?::text[]))', [
      holders.map((h) => h.idType),
      holders.map((h) => h.idNumber),
    ])
    .orderBy('c.issued_on', 'desc')
    .orderBy('c.id')) as CertificateRow[]
  const byHolder = new Map<string, CertificateRow[]>()
  for (const row of rows) {
    const key = holderKey({ idType: row.holder_id_type, idNumber: row.holder_id_number })
    const list = byHolder.get(key)
    if (list) list.push(row)
    else byHolder.set(key, [row])
  }
  return byHolder
}

export const holderKey = (h: Pick<CertificateHolder, 'idType' | 'idNumber'>): string =>
  `${h.idType}:${h.idNumber}`

/** Inserts; false when the identifier exists already. */
export async function insertCertificate(db: Db, c: NewCertificate): Promise<boolean> {
  const rows = await db('certificates')
    .insert({
      id: c.id,
      type_code: c.typeCode,
      issuer_department: c.issuerDepartment,
      holder_id_type: c.holder.idType,
      holder_id_number: c.holder.idNumber,
      holder_name: c.holder.name,
      issued_on: c.issuedOn,
      valid_from: c.validFrom,
      valid_until: c.validUntil,
      face_data: JSON.stringify(c.faceData),
    })
    .onConflict('id')
    .ignore()
    .returning('id')
  return rows.length === 1
}

export async function lockCertificateStatus(
  db: Db,
  id: string,
): Promise<CertificateRow['status'] | undefined> {
  const row = (await db('certificates').where({ id }).forUpdate().first('status')) as
    | { status: StoredStatus }
    | undefined
  return row?.status
}

export async function updateCertificateStatus(db: Db, id: string, status: StoredStatus, reason: string) {
  await db('certificates').where({ id }).update({ status, status_reason: reason, updated_at: db.fn.now() })
}
