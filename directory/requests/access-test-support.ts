import type { Knex } from 'knex'
import type { ResourceDraft } from '../../schemas/generated/types.ts'
import type { TestApp } from '../../test/support/test-app.ts'
import { sampleDraft } from '../resources/resource-test-support.ts'

/** Test principals of the access flow: lf-hrss provides, lf-approval consumes. */
export const PRINCIPALS = {
  steward: { roles: ['steward'], department: 'lf-hrss', subject: 'hrss-steward' },
  otherSteward: { roles: ['steward'], department: 'lf-hfund', subject: 'hfund-steward' },
  reviewer: { roles: ['reviewer'], department: 'lf-bigdata', subject: 'bigdata-reviewer' },
  consumer: { roles: ['consumer'], department: 'lf-approval', subject: 'approval-officer' },
  colleague: { roles: ['consumer'], department: 'lf-approval', subject: 'approval-colleague' },
  otherConsumer: { roles: ['consumer'], department: 'lf-housing', subject: 'housing-officer' },
  clerk: { roles: ['clerk'], department: 'lf-approval', subject: 'approval-clerk' },
  auditor: { roles: ['auditor'], department: 'lf-bigdata', subject: 'auditor-1' },
} as const

export type Who = keyof typeof PRINCIPALS

export async function tokensFor(hub: TestApp): Promise<Record<Who, string>> {
  const out = {} as Record<Who, string>
  for (const [name, p] of Object.entries(PRINCIPALS)) {
    out[name as Who] = await hub.token({ roles: [...p.roles], department: p.department, subject: p.subject })
  }
  return out
}

type ShareType = ResourceDraft['shareType']

/** A draft of lf-hrss of the given share type with items gmsfhm (resident id), xm (name), sjhm (phone). */
export function accessDraft(seq: string, shareType: ShareType): ResourceDraft {
  const base = sampleDraft(seq)
  const item = (code: string, name: string, length: number) => ({
    name,
    code,
    dataType: 'C' as const,
    length,
    personal: true,
    sensitivity: 3,
    shareType,
    ...(shareType === 'conditional' ? { shareCondition: '依申请人授权' } : {}),
    open: false,
  })
  return {
    ...base,
    shareType,
    shareCondition: shareType === 'unconditional' ? undefined : '《社会保险法》第八十一条',
    shareMethods: shareType === 'not-shared' ? [] : ['api'],
    items: [item('gmsfhm', '公民身份号码', 18), item('xm', '姓名', 50), item('sjhm', '手机号码', 11)],
  }
}

/** Registers, submits and publishes a resource through the catalog API; returns its code. */
export async function publishResource(
  hub: TestApp,
  tokens: Record<Who, string>,
  draft: ResourceDraft,
): Promise<string> {
  const as = (who: Who) => ({ authorization: `Bearer ${tokens[who]}` })
  const created = await hub.app.inject({
    method: 'POST',
    url: '/v1/resources',
    headers: as('steward'),
    payload: draft,
  })
  if (created.statusCode !== 201) throw new Error(`create resource: ${created.statusCode} ${created.body}`)
  const code = created.json().code as string
  const path = `/v1/resources/${encodeURIComponent(code)}`
  const submitted = await hub.app.inject({ method: 'POST', url: `${path}/submit`, headers: as('steward') })
  if (submitted.statusCode !== 200) throw new Error(`submit: ${submitted.statusCode} ${submitted.body}`)
  const published = await hub.app.inject({ method: 'POST', url: `${path}/publish`, headers: as('reviewer') })
  if (published.statusCode !== 200) throw new Error(`publish: ${published.statusCode} ${published.body}`)
  return code
}

/** A valid request body for `resourceCode`, starting today (Shanghai) and running 90 days. */
export function requestBody(resourceCode: string, overrides: Record<string, unknown> = {}) {
  const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10)
  const later = new Date(Date.now() + 8 * 3_600_000 + 90 * 86_400_000).toISOString().slice(0, 10)
  return {
    resourceCode,
    items: ['gmsfhm', 'xm'],
    purpose: { code: 'administrative-basis', text: '办理社保关系转移核验参保身份' },
    legalBasis: '《社会保险法》第八十一条',
    serviceItems: ['SX-141000-SB-001'],
    period: { from: today, to: later },
    expectedVolume: 500,
    ...overrides,
  }
}

/** Row counts of everything an access write may touch, to prove a rejected request wrote nothing. */
export async function accessWriteCounts(db: Knex): Promise<Record<string, number>> {
  const count = async (table: string) => Number((await db(table).count({ n: '*' }).first())?.n ?? 0)
  return {
    requests: await count('access_requests'),
    timeline: await count('access_request_events'),
    grants: await count('grants'),
    epochs: await count('grant_epochs'),
    outbox: await count('outbox'),
    keys: await count('idempotency_keys'),
  }
}
