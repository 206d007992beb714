import type { Knex } from 'knex'
import { demoDepartments } from '../../adapters/simulator-kit/demo-departments.ts'
import { demoWorld } from '../../adapters/simulator-kit/demo-population.ts'
import { seedDemoServiceItems } from '../../directory/service-items/service-item-demo-seed.ts'
import { type DEMO_CERTIFICATE_TYPES, seedDemoCertificates } from './demo-certificates.ts'

/** A fixed test-only key-encryption key (32 bytes, hex). */
export const TEST_KEK = '0f1e2d3c4b5a69788796a5b4c3d2e1f00112233445566778899aabbccddeeff0'

/** Demo departments, service items, certificate types, certificates of the first 5 demo people, materials. */
export async function seedCertificateWorld(db: Knex): Promise<void> {
  const departments = demoDepartments()
  for (const level of ['province', 'city', 'county']) {
    const rows = departments.filter((d) => d.level === level)
    if (rows.length) await db('departments').insert(rows).onConflict('code').ignore()
  }
  await seedDemoCertificates(db)
  await seedDemoServiceItems(db)
}

export const demoPeople = () => demoWorld().people

export async function typeCodeOf(
  db: Knex,
  department: (typeof DEMO_CERTIFICATE_TYPES)[number]['department'],
) {
  const row = (await db('certificate_types').where({ issuer_department: department }).first('code')) as {
    code: string
  }
  return row.code
}

export interface TestCase {
  caseNumber: string
  serviceItemCode: string
  department: string
  applicantIdNumber: string
  agentIdNumber?: string
  status?: 'accepted' | 'in-review' | 'decided' | 'completed'
  acceptedAt?: string
}

/** Arranges a case directly in the cases table (the cases feature owns its API). */
export async function insertCase(db: Knex, c: TestCase): Promise<void> {
  const applicant = { kind: 'person', name: '申请人', idType: 'resident-id', idNumber: c.applicantIdNumber }
  const agent = c.agentIdNumber
    ? { kind: 'person', name: '代理人', idType: 'resident-id', idNumber: c.agentIdNumber }
    : undefined
  const acceptedAt = c.acceptedAt ?? new Date().toISOString()
  const item = (await db('service_items').where({ code: c.serviceItemCode }).first('name')) as {
    name: string
  }
  await db('cases').insert({
    case_number: c.caseNumber,
    service_item_code: c.serviceItemCode,
    service_item_name: item.name,
    department_code: c.department,
    division_code: '141000',
    applicant_kind: 'person',
    applicant_name: applicant.name,
    applicant_id_type: 'resident-id',
    applicant_id_number: c.applicantIdNumber,
    channel: 'window',
    basic: JSON.stringify({
      serviceItemCode: c.serviceItemCode,
      applicant,
      ...(agent ? { agent } : {}),
      channel: 'window',
      acceptingDepartment: c.department,
      acceptedAt,
    }),
    status: c.status ?? 'accepted',
    accepted_at: acceptedAt,
    last_sequence: 1,
  })
}

export async function countRows(
  db: Knex,
  table: string,
  where: Record<string, unknown> = {},
): Promise<number> {
  return Number((await db(table).where(where).count({ n: '*' }).first())?.n ?? 0)
}

/** 不动产转移登记: M01 不动产权证书 (certificate), M02 身份证明 (paper only). */
export const TRANSFER = '000123004000'
/** 失业保险金申领: M01 社会保险参保证明. */
export const UNEMPLOYMENT = '000107001000'

/**
 * The clerk-flow cases at lf-approval (one at yd-approval). Demo people 0–4 hold one certificate of
 * each demo type; person 20 holds none.
 */
export async function insertClerkCases(db: Knex): Promise<void> {
  const people = demoPeople()
  const at = (
    department: string,
    caseNumber: string,
    serviceItemCode: string,
    person: number,
    extra: Partial<TestCase> = {},
  ) =>
    insertCase(db, {
      caseNumber,
      serviceItemCode,
      department,
      applicantIdNumber: people[person]!.residentId,
      ...extra,
    })
  await at('lf-approval', 'C-FOUND', TRANSFER, 0)
  await at('lf-approval', 'C-NONE', TRANSFER, 20)
  await at('lf-approval', 'C-TWO', TRANSFER, 1)
  await at('lf-approval', 'C-REVOKED', TRANSFER, 2)
  await at('lf-approval', 'C-EXPIRED', UNEMPLOYMENT, 3)
  await at('lf-approval', 'C-AGENT', TRANSFER, 20, { agentIdNumber: people[4]!.residentId })
  await at('yd-approval', 'C-OTHER-DEPT', TRANSFER, 0)
  await at('lf-approval', 'C-CLOSED', TRANSFER, 0, { status: 'completed' })
}
