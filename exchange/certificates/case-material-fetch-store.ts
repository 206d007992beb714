import type { Knex } from 'knex'

/**
 * The SQL of `case_material_fetches` (materials of a case obtained by sharing) and
 * `case_material_misses` (materials whose last fetch found no usable certificate).
 */

type Db = Knex | Knex.Transaction

export interface MaterialFetch {
  materialCode: string
  certificateId: string
  fetchedAt: string
  fetchedBy: string
}

export async function recordFetch(
  db: Db,
  fetch: {
    caseNumber: string
    materialCode: string
    certificateId: string
    fetchedBy: string
    department: string
  },
): Promise<void> {
  const row = {
    case_number: fetch.caseNumber,
    material_code: fetch.materialCode,
    certificate_id: fetch.certificateId,
    fetched_by: fetch.fetchedBy,
    department_code: fetch.department,
  }
  // A re-fetch (e.g. after the holder's certificate was replaced) updates the one record of the material;
  // an earlier miss no longer holds.
  await Promise.all([
    db('case_material_fetches')
      .insert(row)
      .onConflict(['case_number', 'material_code'])
      .merge({ ...row, fetched_at: db.fn.now() }),
    db('case_material_misses')
      .where({ case_number: fetch.caseNumber, material_code: fetch.materialCode })
      .delete(),
  ])
}

/** The outcomes of a fetch that obtained nothing. */
export type MissOutcome = 'not-found' | 'expired' | 'revoked' | 'ambiguous'

export interface MaterialMiss {
  outcome: MissOutcome
  attemptedAt: string
  attemptedBy: string
}

/** Records that the last fetch of a material found nothing usable (replacing an earlier miss). */
export async function recordMiss(
  db: Db,
  miss: {
    caseNumber: string
    materialCode: string
    outcome: MissOutcome
    attemptedBy: string
    department: string
  },
): Promise<void> {
  const row = {
    case_number: miss.caseNumber,
    material_code: miss.materialCode,
    outcome: miss.outcome,
    attempted_by: miss.attemptedBy,
    department_code: miss.department,
  }
  await db('case_material_misses')
    .insert(row)
    .onConflict(['case_number', 'material_code'])
    .merge({ ...row, attempted_at: db.fn.now() })
}

export async function missesOfCase(db: Db, caseNumber: string): Promise<Map<string, MaterialMiss>> {
  const rows = (await db('case_material_misses').where({ case_number: caseNumber })) as {
    material_code: string
    outcome: MissOutcome
    attempted_at: Date
    attempted_by: string
  }[]
  return new Map(
    rows.map((r) => [
      r.material_code,
      { outcome: r.outcome, attemptedAt: r.attempted_at.toISOString(), attemptedBy: r.attempted_by },
    ]),
  )
}

export async function fetchesOfCase(db: Db, caseNumber: string): Promise<Map<string, MaterialFetch>> {
  const rows = (await db('case_material_fetches').where({ case_number: caseNumber })) as {
    material_code: string
    certificate_id: string
    fetched_at: Date
    fetched_by: string
  }[]
  return new Map(
    rows.map((r) => [
      r.material_code,
      {
        materialCode: r.material_code,
        certificateId: r.certificate_id,
        fetchedAt: r.fetched_at.toISOString(),
        fetchedBy: r.fetched_by,
      },
    ]),
  )
}
