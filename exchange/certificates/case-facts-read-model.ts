import type { Knex } from 'knex'
import { type MaterialRow, toMaterial } from '../../directory/service-items/service-item-material-store.ts'
import { caseMaterialSql } from '../../directory/service-items/service-item-read-model.ts'
import type { ServiceItemMaterial } from '../../schemas/generated/types.ts'

/** What a clerk's certificate fetch needs to know about a case (read from the cases feature's table). */
export interface CaseFacts {
  caseNumber: string
  serviceItemCode: string
  /** The item version the case was accepted under (null before items had versions). */
  serviceItemVersion: number | null
  department: string
  status: string
  applicant: { idType: 'resident-id' | 'credit-code'; idNumber: string }
  agent: { idType: 'resident-id' | 'credit-code'; idNumber: string } | null
}

interface CaseFactsRow {
  case_number: string
  service_item_code: string
  service_item_version: number | null
  department_code: string
  status: string
  applicant_id_type: CaseFacts['applicant']['idType']
  applicant_id_number: string
  agent: { idType: CaseFacts['applicant']['idType']; idNumber: string } | null
}

const FACT_COLUMNS = [
  'c.case_number',
  'c.service_item_code',
  'c.service_item_version',
  'c.department_code',
  'c.status',
  'c.applicant_id_type',
  'c.applicant_id_number',
]

function toFacts(row: CaseFactsRow): CaseFacts {
  return {
    caseNumber: row.case_number,
    serviceItemCode: row.service_item_code,
    serviceItemVersion: row.service_item_version,
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

/** The key of one (case, material) pair in `findCaseFactsAndMaterials`. */
export const caseMaterialKey = (caseNumber: string, materialCode: string): string =>
  `${caseNumber}\u0000${materialCode}`

/**
 * Cases' facts, each with one material of its service item — as the version the case was accepted
 * under has it — for many (case, material) pairs in one round trip (a clerk's fetch needs both before
 * anything else). Keyed by `caseMaterialKey`; a case that does not exist is absent, a material the
 * service item does not have is `undefined`.
 */
export async function findCaseFactsAndMaterials(
  db: Knex,
  pairs: readonly { caseNumber: string; materialCode: string }[],
): Promise<Map<string, { facts: CaseFacts; material: ServiceItemMaterial | undefined }>> {
  const { rows } = await db.raw<{
    rows: (CaseFactsRow &
      Omit<MaterialRow, 'material_code'> & { material_code: string | null; asked: string })[]
  }>(
    `select k.material_code as asked, ${FACT_COLUMNS.join(', ')}, c.basic->'agent' as agent,
            m.material_code, m.name, m.required, m.paper_copies, m.certificate_types, m.resource_codes
       from unnest(?::text[], ?::text[]) as k(case_number, material_code)
       join cases c on c.case_number = k.case_number
       left join lateral (${caseMaterialSql('c', 'k.material_code')}) m on true`,
    [pairs.map((p) => p.caseNumber), pairs.map((p) => p.materialCode)],
  )
  return new Map(
    rows.map((row) => [
      caseMaterialKey(row.case_number, row.asked),
      {
        facts: toFacts(row),
        material: row.material_code === null ? undefined : toMaterial(row as MaterialRow),
      },
    ]),
  )
}
