import type { Knex } from 'knex'
import {
  DEFAULT_IMPLEMENTATION_CODE_PATTERN,
  DEFAULT_SERVICE_ITEM_CODE_PATTERN,
} from '../../platform/config/config.ts'
import { detachedContext } from '../../policies/request-context.ts'
import type { Principal, ServiceItemType } from '../../schemas/generated/types.ts'
import { compilePatterns, type MaterialInput } from './service-item-rules.ts'
import { ServiceItemService } from './service-item-service.ts'
import { existingServiceItemCodes } from './service-item-store.ts'

/**
 * Demo service items (事项) of the Linfen departments (seed data only), with materials mapped to the
 * demo certificate types (the issuing department's credit code + `001`) and the demo resources.
 * They go through the service, so they carry versions and events like real items. Idempotent: codes
 * that exist are left alone. Items of departments that are not there are skipped, and mappings to
 * certificate types or resources that are not there are left out — so seed the departments, the
 * resources and the certificate types first.
 */

export interface DemoMaterial {
  code: string
  name: string
  required?: boolean
  paperCopies?: number
  /** The department whose demo certificate type (credit code + 001) replaces the paper. */
  certificateOf?: string
  /** A demo resource that replaces the paper. */
  resource?: string
}

export interface DemoServiceItem {
  code: string
  name: string
  type: ServiceItemType
  department: string
  promisedWorkingDays: number
  oneVisit: boolean
  legalBasis: string
  materials: DemoMaterial[]
}

/** Stable codes: other seeds (demo cases) and the README refer to them. */
export const DEMO_SERVICE_ITEMS: readonly DemoServiceItem[] = [
  {
    code: '000107001000',
    name: '失业保险金申领',
    type: 'administrative-payment',
    department: 'lf-hrss',
    promisedWorkingDays: 5,
    oneVisit: true,
    legalBasis: '《失业保险条例》第十四条',
    materials: [{ code: 'M01', name: '社会保险参保证明', certificateOf: 'lf-hrss' }],
  },
  {
    code: '000107002000',
    name: '职工参保登记',
    type: 'public-service',
    department: 'lf-hrss',
    promisedWorkingDays: 1,
    oneVisit: true,
    legalBasis: '《中华人民共和国社会保险法》第五十八条',
    materials: [],
  },
  {
    code: '000122003000',
    name: '住房公积金提取',
    type: 'public-service',
    department: 'lf-hfund',
    promisedWorkingDays: 3,
    oneVisit: true,
    legalBasis: '《住房公积金管理条例》第二十四条',
    materials: [
      { code: 'M01', name: '住房公积金缴存证明', certificateOf: 'lf-hfund' },
      { code: 'M02', name: '购房合同备案证明', certificateOf: 'lf-housing' },
    ],
  },
  {
    code: '000122005000',
    name: '住房公积金贷款申请',
    type: 'public-service',
    department: 'lf-hfund',
    promisedWorkingDays: 10,
    oneVisit: true,
    legalBasis: '《住房公积金管理条例》第二十六条',
    materials: [
      { code: 'M01', name: '住房公积金缴存证明', certificateOf: 'lf-hfund', resource: '203002/00001' },
      { code: 'M02', name: '商品房买卖合同备案证明', certificateOf: 'lf-housing', resource: '209002/00001' },
      { code: 'M03', name: '婚姻状况证明', required: false },
    ],
  },
  {
    code: '000123004000',
    name: '不动产转移登记',
    type: 'administrative-confirmation',
    department: 'lf-realestate',
    promisedWorkingDays: 5,
    oneVisit: true,
    legalBasis: '《不动产登记暂行条例》第十四条',
    materials: [
      { code: 'M01', name: '不动产权证书', certificateOf: 'lf-realestate' },
      { code: 'M02', name: '身份证明' },
    ],
  },
  {
    code: '000123006000',
    name: '不动产抵押登记',
    type: 'administrative-confirmation',
    department: 'lf-realestate',
    promisedWorkingDays: 5,
    oneVisit: true,
    legalBasis: '《中华人民共和国民法典》第四百零二条；《不动产登记暂行条例》',
    materials: [
      { code: 'M01', name: '不动产权证书', certificateOf: 'lf-realestate', resource: '209001/00001' },
      { code: 'M02', name: '主债权合同及抵押合同', paperCopies: 2 },
      { code: 'M03', name: '身份证明' },
    ],
  },
  {
    code: '000124007000',
    name: '商品房预售合同备案',
    type: 'other-administrative-power',
    department: 'lf-housing',
    promisedWorkingDays: 3,
    oneVisit: true,
    legalBasis: '《城市商品房预售管理办法》第十条',
    materials: [
      { code: 'M01', name: '商品房预售合同', paperCopies: 2 },
      { code: 'M02', name: '买受人身份证明' },
    ],
  },
  {
    code: '000140005000',
    name: '企业设立登记',
    type: 'administrative-licensing',
    department: 'lf-approval',
    promisedWorkingDays: 1,
    oneVisit: true,
    legalBasis: '《中华人民共和国市场主体登记管理条例》',
    materials: [],
  },
  {
    code: 'SX-RS-0001',
    name: '社会保险个人权益记录查询打印',
    type: 'public-service',
    department: 'lf-hrss',
    promisedWorkingDays: 0,
    oneVisit: true,
    legalBasis: '《社会保险个人权益记录管理办法》第十五条',
    materials: [{ code: 'M01', name: '参保缴费记录', certificateOf: 'lf-hrss', resource: '203001/00001' }],
  },
]

const SEEDER: Principal = { subject: 'demo-seed', department: null, roles: ['admin'], district: null }

export async function seedDemoServiceItems(db: Knex): Promise<void> {
  const service = new ServiceItemService(
    db,
    compilePatterns({
      codePattern: DEFAULT_SERVICE_ITEM_CODE_PATTERN,
      implementationCodePattern: DEFAULT_IMPLEMENTATION_CODE_PATTERN,
      syncEveryMs: 0,
    }),
  )
  const taken = await existingServiceItemCodes(
    db,
    DEMO_SERVICE_ITEMS.map((i) => i.code),
  )
  const departments = new Map(
    (
      (await db('departments').select('code', 'credit_code')) as {
        code: string
        credit_code: string | null
      }[]
    ).map((d) => [d.code, d.credit_code]),
  )
  const types = new Set(
    ((await db('certificate_types').select('code')) as { code: string }[]).map((t) => t.code),
  )
  const resources = new Set(((await db('resources').select('code')) as { code: string }[]).map((r) => r.code))
  for (const item of DEMO_SERVICE_ITEMS) {
    if (taken.has(item.code) || !departments.has(item.department)) continue
    const materials = item.materials.map((m): MaterialInput => {
      const type = m.certificateOf && `${departments.get(m.certificateOf) ?? ''}001`
      return {
        materialCode: m.code,
        name: m.name,
        required: m.required ?? true,
        paperCopies: m.paperCopies ?? 1,
        certificateTypes: type && types.has(type) ? [type] : [],
        resourceCodes: m.resource && resources.has(m.resource) ? [m.resource] : [],
      }
    })
    await service.create(
      detachedContext(SEEDER),
      {
        code: item.code,
        name: item.name,
        type: item.type,
        department: item.department,
        legalBasis: item.legalBasis,
        promisedWorkingDays: item.promisedWorkingDays,
        oneVisit: item.oneVisit,
        materials,
      },
      undefined,
    )
  }
}
