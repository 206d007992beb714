import type { Knex } from 'knex'
import { detachedContext } from '../../policies/request-context.ts'
import type { Principal, ResourceDraft, ResourceItem } from '../../schemas/generated/types.ts'
import { renderCode } from './resource-code.ts'
import { ResourceService } from './resource-service.ts'
import { findResource } from './resource-store.ts'

/**
 * Demo catalog entries of the Linfen departments (seed data only). They go through the service —
 * register, submit, publish — so they carry versions, search text and events like real entries.
 * Idempotent: codes that exist are left alone. Needs the demo departments.
 */

type ItemSpec = [
  code: string,
  name: string,
  dataType: ResourceItem['dataType'],
  length: number,
  personal?: boolean,
]

const item = (
  [code, name, dataType, length, personal = false]: ItemSpec,
  share: ResourceItem['shareType'],
): ResourceItem => ({
  code,
  name,
  dataType,
  length,
  personal,
  sensitivity: personal ? 3 : 1,
  shareType: personal && share === 'unconditional' ? 'conditional' : share,
  shareCondition: personal || share === 'conditional' ? '限办件受理部门依申请人授权查询' : null,
  open: false,
  openCondition: null,
})

const PERSON: ItemSpec[] = [
  ['xm', '姓名', 'C', 50, true],
  ['gmsfhm', '公民身份号码', 'C', 18, true],
]

function draft(
  code: string,
  provider: string,
  name: string,
  summary: string,
  items: ItemSpec[],
  extra: Partial<ResourceDraft> = {},
): ResourceDraft {
  const [front, seq] = code.split('/') as [string, string]
  const shareType = extra.shareType ?? 'conditional'
  return {
    code: { lei: front[0]!, xiang: front.slice(1, 3), mu: front.slice(3, 6), ximu: front.slice(6), seq },
    name,
    summary,
    provider,
    format: { category: 'database', type: 'postgresql' },
    items: items.map((spec) => item(spec, shareType)) as ResourceDraft['items'],
    shareType,
    shareCondition: shareType === 'unconditional' ? null : '用于政务服务事项办理，须经提供部门审核',
    shareMethods: shareType === 'not-shared' ? [] : ['api'],
    open: false,
    updateCycle: 'realtime',
    ...extra,
  }
}

export function demoResourceDrafts(): ResourceDraft[] {
  return [
    draft(
      '203001/00001',
      'lf-hrss',
      '参保缴费记录',
      '城镇职工基本养老、医疗、失业、工伤保险的参保登记与逐月缴费记录。',
      [
        ...PERSON,
        ['dwmc', '参保单位名称', 'C', 200],
        ['xzlx', '险种类型', 'C', 20],
        ['jfny', '缴费年月', 'C', 7],
        ['jfjs', '缴费基数', 'Y', 12],
        ['jfzt', '缴费状态', 'L', 1],
      ],
      { serviceItems: ['SX-RS-0001'], sourceAdapter: 'lf-hrss' },
    ),
    draft(
      '203002/00001',
      'lf-hfund',
      '住房公积金缴存信息',
      '职工住房公积金账户的开户、缴存基数、月缴存额与账户余额。',
      [
        ...PERSON,
        ['grzh', '个人公积金账号', 'C', 20, true],
        ['jcjs', '缴存基数', 'Y', 12],
        ['yjce', '月缴存额', 'Y', 12],
        ['zhye', '账户余额', 'Y', 14, true],
        ['zhzt', '账户状态', 'C', 10],
      ],
      { sourceAdapter: 'lf-hfund', updateCycle: 'daily' },
    ),
    draft(
      '209001/00001',
      'lf-realestate',
      '不动产登记信息',
      '不动产权利人、坐落、不动产单元号、权利类型及抵押查封状态。',
      [
        ['qlrmc', '权利人名称', 'C', 200, true],
        ['qlrzjh', '权利人证件号码', 'C', 18, true],
        ['bdcdyh', '不动产单元号', 'C', 28],
        ['zl', '坐落', 'C', 300],
        ['bdcqzh', '不动产权证号', 'C', 50],
        ['djsj', '登记日期', 'D', 10],
      ],
      { sourceAdapter: 'lf-realestate' },
    ),
    draft(
      '209002/00001',
      'lf-housing',
      '商品房网签备案信息',
      '商品房买卖合同网签备案编号、买受人、房屋坐落、成交价格与备案日期。',
      [
        ['htbh', '合同备案编号', 'C', 30],
        ['msrxm', '买受人姓名', 'C', 50, true],
        ['msrzjh', '买受人证件号码', 'C', 18, true],
        ['fwzl', '房屋坐落', 'C', 300],
        ['cjjg', '成交价格', 'Y', 14],
        ['barq', '备案日期', 'D', 10],
      ],
      { updateCycle: 'daily' },
    ),
    draft(
      '306001/00001',
      'lf-approval',
      '行政许可事项目录',
      'Licensing catalog: 行政许可事项名称、实施机关、办理时限与收费标准。',
      [
        ['sxbm', '事项编码', 'C', 40],
        ['sxmc', '事项名称', 'C', 200],
        ['ssjg', '实施机关', 'C', 200],
        ['blsx', '法定办结时限', 'I', 4],
      ],
      {
        shareType: 'unconditional',
        shareCondition: null,
        shareMethods: ['api', 'file'],
        format: { category: 'spreadsheet', type: 'xlsx' },
        open: true,
        updateCycle: 'monthly',
      },
    ),
    draft(
      '301002/00001',
      'lf-hrss',
      '劳动保障监察案件线索',
      '举报投诉的劳动保障监察案件线索，涉及举报人信息，依法不予共享。',
      [
        ['ajbh', '案件编号', 'C', 30],
        ['jbrxm', '举报人姓名', 'C', 50, true],
        ['xsnr', '线索内容', 'M', 4000],
      ],
      {
        shareType: 'not-shared',
        shareCondition: '《劳动保障监察条例》第二十二条：为举报人保密',
        updateCycle: 'other',
      },
    ),
  ]
}

const SEEDER: Principal = {
  subject: 'demo-seed',
  department: null,
  roles: ['steward', 'reviewer'],
  district: null,
}

export async function seedDemoResources(db: Knex): Promise<void> {
  const service = new ResourceService({ db })
  for (const d of demoResourceDrafts()) {
    const code = renderCode(d.code)
    if (await findResource(db, code)) continue
    const as = detachedContext({ ...SEEDER, department: d.provider })
    await service.create(as, d)
    await service.submit(as, code)
    await service.publish(as, code)
  }
}
