import type { Knex } from 'knex'
import type { ServiceItemMaterial } from '../../schemas/generated/types.ts'
import { type MaterialRow, toMaterial } from './material-store.ts'

/** What a clerk's certificate fetch needs to know about a case (read from the cases feature's table). */
export interface CaseFacts {
  caseNumber: string
  serviceItemCode: string
  department: string
  status: string
  applicant: { idType: 'resident-id' | 'credit-code'; idNumber: string }
  agent: { idType: 'resident-id' | 'credit-code'; idNumber: string } | null
}

interface CaseFactsRow {
  case_number: string
  service_item_code: string
  department_code: string
  status: string
  applicant_id_type: CaseFacts['applicant']['idType']
  applicant_id_number: string
  agent: { idType: CaseFacts['applicant']['idType']; idNumber: string } | null
}

const FACT_COLUMNS = [
  'c.case_number',
  'c.service_item_code',
  'c.department_code',
  'c.status',
  'c.applicant_id_type',
  'c.applicant_id_number',
]

function toFacts(row: CaseFactsRow): CaseFacts {
  return {
    caseNumber: row.case_number,
    serviceItemCode: row.service_item_code,
    department: row.department_code,
    status: row.status,
    applicant: { idType: row.applicant_id_type, idNumber: row.applicant_id_number.toUpperCase() },
    agent: row.agent ? { idType: row.agent.idType, idNumber: row.agent.idNumber.toUpperCase() } : null,
  }
}

export async function findCaseFacts(db: Knex, caseNumber: string): Promise<CaseFacts | undefined> {
  const row = (await db('cases as c')
    .where({ 'c.case_number': caseNumber })
    .first(...FACT_COLUMNS, db.raw(`c.basic->'agent' as agent`))) as CaseFactsRow | undefined
  return row && toFacts(row)
}

/**
 * A case's facts and one material of its service item, in one round trip (a clerk's fetch needs both
 * before anything else). `material` is undefined when the service item has no such material.
 */
export async function findCaseFactsAndMaterial(
  db: Knex,
  caseNumber: string,
  materialCode: string,
): Promise<{ facts: CaseFacts; material: ServiceItemMaterial | undefined } | undefined> {
  const row = (await db('cases as c')
    .leftJoin('service_item_materials as m', (join) =>
      join.on('m.service_item_code', 'c.service_item_code').andOnVal('m.material_code', materialCode),
    )
    .where({ 'c.case_number': caseNumber })
    .first(
      ...FACT_COLUMNS,
      db.raw(`c.basic->'agent' as agent`),
      'm.material_code',
      'm.name',
      'm.required',
      'm.certificate_types',
      'm.resource_codes',
    )) as (CaseFactsRow & Omit<MaterialRow, 'material_code'> & { material_code: string | null }) | undefined
  if (!row) return undefined
  return {
    facts: toFacts(row),
    material: row.material_code === null ? undefined : toMaterial(row as MaterialRow),
  }
}
