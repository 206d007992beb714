import type { Knex } from 'knex'
import type { ResourceDraft } from '../../schemas/generated/types.ts'

/** A valid draft of lf-hrss (conditional, two items, one personal); `seq` keeps codes apart. */
export function sampleDraft(seq: string, overrides: Partial<ResourceDraft> = {}): ResourceDraft {
  return {
    code: { lei: '2', xiang: '03', mu: '901', ximu: '', seq },
    name: '参保缴费记录',
    summary: '城镇职工养老保险参保与缴费记录 pension contributions',
    provider: 'lf-hrss',
    format: { category: 'database', type: 'postgresql' },
    items: [
      {
        name: '公民身份号码',
        code: 'gmsfhm',
        dataType: 'C',
        length: 18,
        personal: true,
        sensitivity: 3,
        shareType: 'conditional',
        shareCondition: '依申请人授权',
        open: false,
      },
      {
        name: '缴费基数',
        code: 'jfjs',
        dataType: 'Y',
        length: 12,
        personal: false,
        sensitivity: 2,
        shareType: 'conditional',
        shareCondition: '依申请人授权',
        open: false,
      },
    ],
    shareType: 'conditional',
    shareCondition: '用于社保相关政务服务事项办理',
    shareMethods: ['api'],
    open: false,
    updateCycle: 'monthly',
    ...overrides,
  }
}

/** Row counts of everything a resource write may touch, to prove a rejected request wrote nothing. */
export interface ResourceWriteCounts {
  resources: number
  versions: number
  items: number
  outbox: number
}

export async function resourceWriteCounts(db: Knex): Promise<ResourceWriteCounts> {
  const count = async (table: string) => Number((await db(table).count({ n: '*' }).first())?.n ?? 0)
  return {
    resources: await count('resources'),
    versions: await count('resource_versions'),
    items: await count('resource_items'),
    outbox: await count('outbox'),
  }
}

/** The URL form of a rendered code. */
export const url = (code: string, suffix = '') => `/v1/resources/${encodeURIComponent(code)}${suffix}`
