import type { Knex } from 'knex'

/** What a clerk's certificate fetch needs to know about a case (read from the cases feature's table). */
export interface CaseFacts {
  caseNumber: string
  serviceItemCode: string
  department: string
  status: string
  applicant: { idType: 'resident-id' | 'credit-code'; idNumber: string }
  agent: { idType: 'resident-id' | 'credit-code'; idNumber: string } | null
}

export async function findCaseFacts(db: Knex, caseNumber: string): Promise<CaseFacts | undefined> {
  const row = (await db('cases')
    .where({ case_number: caseNumber })
    .first(
      'case_number',
      'service_item_code',
      'department_code',
      'status',
      'applicant_id_type',
      'applicant_id_number',
      db.raw(`basic->'agent' as agent`),
    )) as
    | {
        case_number: string
        service_item_code: string
        department_code: string
        status: string
        applicant_id_type: CaseFacts['applicant']['idType']
        applicant_id_number: string
        agent: { idType: CaseFacts['applicant']['idType']; idNumber: string } | null
      }
    | undefined
  if (!row) return undefined
  return {
    caseNumber: row.case_number,
    serviceItemCode: row.service_item_code,
    department: row.department_code,
    status: row.status,
    applicant: { idType: row.applicant_id_type, idNumber: row.applicant_id_number.toUpperCase() },
    agent: row.agent ? { idType: row.agent.idType, idNumber: row.agent.idNumber.toUpperCase() } : null,
  }
}
