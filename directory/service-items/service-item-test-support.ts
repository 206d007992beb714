import type { Knex } from 'knex'
import { seedDemoData } from '../../demo/demo-seed.ts'
import { seedCertificateWorld } from '../../exchange/certificates/certificate-test-support.ts'
import type { TestApp } from '../../test/support/test-app.ts'
import { seedDemoResources } from '../resources/resource-demo-seed.ts'

/** Arranging 事项 catalog tests: demo departments, resources, certificate types and service items. */

export async function seedCatalogWorld(db: Knex): Promise<void> {
  await seedDemoData(db)
  await seedDemoResources(db)
  await seedCertificateWorld(db)
}

/** A department's credit code with a wrong check character. */
export async function brokenCreditCode(db: Knex, department: string): Promise<string> {
  const { credit_code: code } = (await db('departments')
    .where({ code: department })
    .first('credit_code')) as {
    credit_code: string
  }
  return code.slice(0, 17) + (code.endsWith('0') ? '1' : '0')
}

/** The rows a catalog change writes: unchanged counts prove a refused change wrote nothing. */
export async function catalogCounts(db: Knex) {
  const count = async (table: string) =>
    Number(((await db(table).count({ n: '*' }).first()) as { n: string }).n)
  return {
    service_items: await count('service_items'),
    service_item_materials: await count('service_item_materials'),
    service_item_versions: await count('service_item_versions'),
    outbox: await count('outbox'),
  }
}

/** Headers of a caller with these roles in this department. */
export async function callerHeaders(
  hub: TestApp,
  roles: string[],
  department: string | null = 'lf-bigdata',
  subject?: string,
): Promise<Record<string, string>> {
  const token = await hub.token({ roles: roles as never, department, ...(subject ? { subject } : {}) })
  return { authorization: `Bearer ${token}` }
}

/** The type code of a department's demo certificate type (credit code + 001). */
export async function demoTypeCode(db: Knex, department: string): Promise<string> {
  const row = (await db('departments').where({ code: department }).first('credit_code')) as {
    credit_code: string
  }
  return `${row.credit_code}001`
}

/** A valid new item of 临汾市不动产登记中心 with one material replaced by its certificate type. */
export function sampleItem(code: string, typeCode: string, overrides: Record<string, unknown> = {}) {
  return {
    code,
    name: '不动产预告登记',
    type: 'administrative-confirmation',
    department: 'lf-realestate',
    legalBasis: '《中华人民共和国民法典》第二百二十一条',
    promisedWorkingDays: 5,
    oneVisit: true,
    materials: [
      { materialCode: 'M01', name: '不动产权证书', required: true, certificateTypes: [typeCode] },
      { materialCode: 'M02', name: '预售合同', required: true, paperCopies: 2 },
    ],
    ...overrides,
  }
}

/** Audit records of the catalog for one item code, oldest first. */
export function catalogAudits(db: Knex, code: string) {
  return db('audit_records')
    .where({ resource_type: 'service-item', resource_id: code })
    .orderBy('id')
    .select('action', 'principal', 'outcome', 'reason')
}
