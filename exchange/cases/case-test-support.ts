import type { Knex } from 'knex'
import { seedDemoData } from '../../demo/demo-seed.ts'
import { seedDemoServiceItems } from '../../directory/service-items/service-item-demo-seed.ts'
import { computeResidentIdCheck } from '../../platform/identifiers/index.ts'
import type { CaseBasic, CaseChange } from '../../schemas/generated/types.ts'
import { DEFAULT_CASE_DATA_RESOURCE_CODE } from './case-grant-lookup.ts'

/** Arranging case tests: demo departments and service items, valid identifiers, grants on case data. */

export const UNEMPLOYMENT = '000107001000'

export async function seedCaseWorld(db: Knex): Promise<void> {
  await seedDemoData(db)
  await seedDemoServiceItems(db)
}

/** A resident ID of someone born 1990-01-01 in 尧都区 with a correct check character. */
export function residentId(serial: number): string {
  const first17 = `14100219900101${String(serial % 1000).padStart(3, '0')}`
  return first17 + computeResidentIdCheck(first17)
}

export function basicInfo(overrides: Partial<CaseBasic> = {}, serial = 123): CaseBasic {
  return {
    serviceItemCode: UNEMPLOYMENT,
    applicant: { kind: 'person', name: '张三', idType: 'resident-id', idNumber: residentId(serial) },
    channel: 'window',
    acceptingDepartment: 'lf-hrss',
    acceptedBy: '李四',
    acceptedAt: '2026-11-20T01:00:00.000Z',
    promisedAt: '2026-11-27T09:00:00.000Z',
    form: { reason: '合同到期' },
    materials: [
      { name: '身份证', source: 'certificate', reference: '1.2.156.3005.2.11100000000013338W.001' },
      { name: '离职证明', source: 'paper' },
    ],
    ...overrides,
  }
}

export const accepted = (caseNumber: string, basic: CaseBasic = basicInfo()): CaseChange => ({
  caseNumber,
  sequence: 1,
  basic,
})

export const step = (
  caseNumber: string,
  sequence: number,
  action: 'review' | 'decide' | 'complete',
): CaseChange => ({
  caseNumber,
  sequence,
  step: { action, handler: '王五', opinion: '同意', startedAt: '2026-11-21T02:00:00.000Z' },
})

/** A grant of `department` on the case-data resource (created on first use). */
export async function grantCaseData(
  db: Knex,
  department: string,
  options: { items?: string[]; districts?: string[] } = {},
): Promise<string> {
  const [lei, xiang, mu] = ['2', '04', '001']
  let resource = (await db('resources').where({ lei, xiang, mu, seq: '00001' }).first()) as
    | { id: string }
    | undefined
  if (!resource) {
    ;[resource] = (await db('resources')
      .insert({
        lei,
        xiang,
        mu,
        ximu: '',
        seq: '00001',
        provider_code: 'lf-bigdata',
        status: 'published',
        current_version: 1,
        latest_version: 1,
        name: '办件信息',
        summary: '全市办件的基本、过程和结果信息',
        class: 'theme',
        share_type: 'conditional',
        format_category: 'database',
        update_cycle: 'real-time',
        search_text: '办件信息',
      })
      .returning('id')) as { id: string }[]
  }
  const [grant] = (await db('grants')
    .insert({
      resource_id: resource!.id,
      resource_code: DEFAULT_CASE_DATA_RESOURCE_CODE,
      provider_department: 'lf-bigdata',
      consumer_department: department,
      subjects: JSON.stringify([]),
      version_from: 1,
      items: JSON.stringify(options.items ?? ['basic', 'process', 'result']),
      row_conditions: JSON.stringify(options.districts ? { districtIn: options.districts } : {}),
      masking: JSON.stringify({}),
      purpose_code: 'one-number',
      valid_from: new Date(Date.now() - 3_600_000),
      valid_until: new Date(Date.now() + 86_400_000),
      status: 'active',
    })
    .returning('id')) as { id: string }[]
  return String(grant!.id)
}

export async function caseCounts(db: Knex): Promise<{ cases: number; changes: number; outbox: number }> {
  const count = async (table: string) =>
    Number(((await db(table).count({ n: '*' }).first()) as { n: string }).n)
  return { cases: await count('cases'), changes: await count('case_changes'), outbox: await count('outbox') }
}
