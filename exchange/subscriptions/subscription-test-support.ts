import { randomBytes } from 'node:crypto'
import type { Knex } from 'knex'
import { afterAll, beforeAll } from 'vitest'
import { publishResource, requestBody, type Who } from '../../directory/requests/access-test-support.ts'
import { sampleDraft } from '../../directory/resources/resource-test-support.ts'
import { createKnex } from '../../platform/db/knex-factory.ts'
import { computeResidentIdCheck } from '../../platform/identifiers/index.ts'
import type { ResourceDraft } from '../../schemas/generated/types.ts'
import type { TestApp } from '../../test/support/test-app.ts'
import { adminUrl, databaseUrl } from '../../test/support/test-services.ts'

/** Fixtures of the subscription tests: lf-hrss provides contributions, lf-approval subscribes. */

export const TEST_KEK = '4f1b2c3d4e5f60718293a4b5c6d7e8f90112233445566778899aabbccddeeff0'

const item = (code: string, name: string, personal: boolean) => ({
  code,
  name,
  dataType: 'C' as const,
  length: 50,
  personal,
  sensitivity: personal ? 3 : 1,
  shareType: 'conditional' as const,
  shareCondition: '依申请人授权',
  open: false,
})

/** Seven items of the contribution kind; shared by fetch and by subscription. */
export const SEVEN_ITEMS = ['gmsfhm', 'xm', 'jfny', 'xzlx', 'jfjs', 'jfzt', 'paidOn'] as const
/** The three a grant gives, two of them masked. */
export const GRANTED = ['gmsfhm', 'xm', 'jfjs'] as const
export const GRANTED_DISTRICTS = ['141002', '141021']
export const ALL_DISTRICTS = ['141002', '141021', '141022', '141023']

export function subscriptionDraft(seq: string, shareMethods: ResourceDraft['shareMethods']): ResourceDraft {
  return sampleDraft(seq, {
    items: [
      item('gmsfhm', '公民身份号码', true),
      item('xm', '姓名', true),
      item('jfny', '缴费年月', false),
      item('xzlx', '险种类型', false),
      item('jfjs', '缴费基数', false),
      item('jfzt', '缴费状态', false),
      item('paidOn', '缴费日期', false),
    ],
    shareMethods,
    sourceAdapter: 'hrss',
  })
}

/** Publishes a hub-held resource and grants 3 of its 7 items in two districts to lf-approval. */
export async function subscribableResource(
  hub: TestApp,
  tokens: Record<Who, string>,
  seq: string,
  shareMethods: ResourceDraft['shareMethods'] = ['api', 'subscription'],
): Promise<{ code: string; grantId: string }> {
  const code = await publishResource(hub, tokens, subscriptionDraft(seq, shareMethods))
  await hub.database.db('resource_sources').insert({
    resource_code: code,
    adapter: 'hrss',
    record_kind: 'social-insurance-contribution',
    hub_held: true,
  })
  const as = (who: Who) => ({ authorization: `Bearer ${tokens[who]}` })
  const filed = await hub.app.inject({
    method: 'POST',
    url: '/v1/access-requests',
    headers: as('consumer'),
    payload: requestBody(code, { items: [...GRANTED] }),
  })
  if (filed.statusCode !== 201) throw new Error(`request: ${filed.statusCode} ${filed.body}`)
  const decided = await hub.app.inject({
    method: 'POST',
    url: `/v1/access-requests/${filed.json().id}/decision`,
    headers: as('steward'),
    payload: {
      outcome: 'approve',
      reason: '同意',
      items: [...GRANTED],
      rowConditions: { districtIn: GRANTED_DISTRICTS },
      masking: { gmsfhm: 'resident-id', xm: 'name' },
    },
  })
  if (decided.statusCode !== 200) throw new Error(`decision: ${decided.statusCode} ${decided.body}`)
  return { code, grantId: decided.json().grantId as string }
}

/** The consumer subscribes its own new topic (`records.lf-approval.<tag><random>`) to a granted resource. */
export async function subscribeKafka(
  hub: TestApp,
  tokens: Record<Who, string>,
  resource: { code: string; grantId: string },
  tag: string,
): Promise<string> {
  const res = await hub.app.inject({
    method: 'POST',
    url: '/v1/subscriptions',
    headers: { authorization: `Bearer ${tokens.consumer}` },
    payload: {
      resourceCode: resource.code,
      grantId: resource.grantId,
      target: 'kafka',
      topic: `records.lf-approval.${tag}${randomBytes(3).toString('hex')}`,
    },
  })
  if (res.statusCode !== 201) throw new Error(`subscribe: ${res.statusCode} ${res.body}`)
  return res.json().id as string
}

/** A valid resident ID of person `n` in `district`. */
export function residentId(district: string, n: number): string {
  const first17 = `${district}1980${String(1 + (n % 12)).padStart(2, '0')}${String(1 + (n % 28)).padStart(2, '0')}${String(n % 1000).padStart(3, '0')}`
  return first17 + computeResidentIdCheck(first17)
}

/** `count` hub-held contribution records spread over ALL_DISTRICTS, inserted in chunks. */
export async function holdContributions(db: Knex, count: number, from = 0): Promise<void> {
  const rows = []
  for (let n = from; n < from + count; n++) {
    const subjectId = residentId(ALL_DISTRICTS[n % ALL_DISTRICTS.length]!, n)
    const recordId = `JF-${String(n).padStart(7, '0')}`
    rows.push({
      kind: 'social-insurance-contribution',
      record_id: recordId,
      adapter: 'hrss',
      subject_id: subjectId,
      data: {
        recordId,
        subjectId,
        subjectName: `张${n}`,
        insuranceType: 'pension',
        period: '2026-10',
        contributionBase: '5000.00',
        employerAmount: '800.00',
        personalAmount: '400.00',
        paid: true,
        paidOn: '2026-10-15',
      },
      data_hash: `h-${recordId}`,
    })
  }
  for (let i = 0; i < rows.length; i += 2000) await db('hub_records').insert(rows.slice(i, i + 2000))
}

/** Changes the contribution base of records [from, from + count) (one transaction, like one sync pull). */
export async function changeContributions(
  db: Knex,
  from: number,
  count: number,
  base: string,
): Promise<void> {
  const ids = Array.from({ length: count }, (_, i) => `JF-${String(from + i).padStart(7, '0')}`)
  await db('hub_records')
    .whereIn('record_id', ids)
    .update({
      data: db.raw(`jsonb_set(data, '{contributionBase}', to_jsonb(?::text))`, [base]),
      data_hash: db.raw('md5(data_hash || ?)', [base]),
      synced_at: db.fn.now(),
    })
}

/** A second, empty PostgreSQL database standing in for the consumer's front-end database (前置库). */
export function useFrontEndDatabase(): { readonly url: string; readonly db: Knex } {
  const name = `hub_fe_${process.pid}_${randomBytes(4).toString('hex')}`
  const state: { db?: Knex } = {}
  const admin = () => createKnex({ connectionString: adminUrl(), poolMax: 1 })
  beforeAll(async () => {
    const a = admin()
    try {
      await a.raw(`create database ${name}`)
    } finally {
      await a.destroy()
    }
    state.db = createKnex({ connectionString: databaseUrl(name), poolMax: 2 })
  })
  afterAll(async () => {
    await state.db?.destroy()
    const a = admin()
    try {
      await a.raw(`drop database if exists ${name} with (force)`)
    } finally {
      await a.destroy()
    }
  })
  return {
    url: databaseUrl(name),
    get db() {
      return state.db!
    },
  }
}
