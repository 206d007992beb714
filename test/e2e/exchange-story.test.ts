import { beforeAll, describe, expect, it } from 'vitest'
import { demoWorld } from '../../adapters/simulator-kit/demo-population.ts'
import { seedDemoData } from '../../demo/demo-seed.ts'
import {
  PRINCIPALS,
  publishResource,
  requestBody,
  tokensFor,
  type Who,
} from '../../directory/requests/access-test-support.ts'
import { seedDemoResources } from '../../directory/resources/resource-demo-seed.ts'
import { sampleDraft } from '../../directory/resources/resource-test-support.ts'
import type { ResourceDraft } from '../../schemas/generated/types.ts'
import { useTestApp } from '../support/test-app.ts'

// The reason the hub exists, end to end on real PostgreSQL/Redis/Kafka and the department simulators:
// a steward registers a resource, the reviewer publishes it, a consumer requests it, the steward
// approves it narrowed and masked, the consumer fetches exactly that (live from the 人社 simulator),
// the access is on the audit trail; after a revocation the very next fetch is refused and audited.
const hub = useTestApp({ simulators: true })
let tokens: Record<Who, string>

// A person of the demo world with an employer has monthly contributions in the 人社 simulator.
const insured = demoWorld().people.find((p) => p.employer !== null)!

beforeAll(async () => {
  await seedDemoData(hub.database.db)
  tokens = await tokensFor(hub)
}, 60_000)

const item = (code: string, name: string, dataType: 'C' | 'Y', length: number, personal: boolean) => ({
  code,
  name,
  dataType,
  length,
  personal,
  sensitivity: personal ? 3 : 1,
  shareType: 'conditional' as const,
  shareCondition: '依申请人授权',
  open: false,
})

const contributionDraft = (): ResourceDraft =>
  sampleDraft('40001', {
    items: [
      item('gmsfhm', '公民身份号码', 'C', 18, true),
      item('xm', '姓名', 'C', 50, true),
      item('jfny', '缴费年月', 'C', 7, false),
      item('jfjs', '缴费基数', 'Y', 12, false),
    ],
    sourceAdapter: 'hrss',
  })

const fetchAs = (who: Who, resourceCode: string, extra: object = {}) =>
  hub.app.inject({
    method: 'POST',
    url: '/v1/exchange/fetch',
    headers: { authorization: `Bearer ${tokens[who]}` },
    payload: {
      resourceCode,
      subjects: [{ type: 'resident-id', id: insured.residentId }],
      purpose: { code: 'administrative-basis', text: '核验参保缴费情况' },
      ...extra,
    },
  })

const call = (method: 'POST', url: string, who: Who, payload?: object) =>
  hub.app.inject({ method, url, payload, headers: { authorization: `Bearer ${tokens[who]}` } })

describe('register → publish → request → approve → fetch → revoke', () => {
  it('returns only granted, masked items with provenance, audited; refuses after revocation', async () => {
    const code = await publishResource(hub, tokens, contributionDraft())
    const filed = await call(
      'POST',
      '/v1/access-requests',
      'consumer',
      requestBody(code, { items: ['gmsfhm', 'xm', 'jfny', 'jfjs'] }),
    )
    expect(filed.statusCode).toBe(201)
    const decided = await call('POST', `/v1/access-requests/${filed.json().id}/decision`, 'steward', {
      outcome: 'approve',
      items: ['gmsfhm', 'xm', 'jfny'],
      masking: { gmsfhm: 'resident-id', xm: 'name' },
      reason: '缴费基数不属于核验所需',
    })
    expect(decided.json()).toMatchObject({ status: 'granted' })
    const grantId = decided.json().grantId as string

    const fetched = await fetchAs('consumer', code)
    expect(fetched.statusCode).toBe(200)
    const body = fetched.json()
    expect(body).toMatchObject({
      resourceCode: code,
      resourceVersion: 1,
      grantId,
      source: {
        adapter: 'hrss',
        department: 'lf-hrss',
        recordKind: 'social-insurance-contribution',
        hubHeld: false,
      },
    })
    const [result] = body.results
    expect(result.outcome).toBe('allowed')
    expect(result.records.length).toBeGreaterThan(0)
    for (const record of result.records) {
      // jfjs was requested but not granted: it never leaves the hub.
      expect(Object.keys(record.items).sort()).toEqual(['gmsfhm', 'jfny', 'xm'])
      expect(record.items.gmsfhm).toBe(
        `${insured.residentId.slice(0, 6)}********${insured.residentId.slice(-4)}`,
      )
      expect(record.items.xm).toBe(`${insured.name[0]}*`)
      expect(record.items.jfny).toMatch(/^[0-9]{4}-[0-9]{2}$/)
    }
    // The subject is echoed as the caller sent it; the records themselves carry only the masked form.
    expect(JSON.stringify(result.records)).not.toContain(insured.residentId)

    const audited = await hub.database.db('audit_records').where({ action: 'exchange.fetch' }).orderBy('id')
    expect(audited).toHaveLength(1)
    expect(audited[0]).toMatchObject({
      outcome: 'allowed',
      grant_id: grantId,
      principal: PRINCIPALS.consumer.subject,
      resource_id: code,
    })

    const revoked = await call('POST', `/v1/grants/${grantId}/revoke`, 'steward', { reason: '核验已完成' })
    expect(revoked.statusCode).toBe(200)
    const refused = await fetchAs('consumer', code)
    expect(refused.statusCode).toBe(403)
    expect(refused.headers['content-type']).toContain('application/problem+json')
    expect(refused.json().code).toBe('grant-revoked')
    const denials = await hub.database
      .db('audit_records')
      .where({ action: 'exchange.fetch', outcome: 'denied' })
      .orderBy('id')
    expect(denials.map((r) => r.reason)).toEqual(['grant-revoked'])
  })

  it('serves the demo catalog through the simulators without any mapping row', async () => {
    await seedDemoResources(hub.database.db)
    const filed = await call(
      'POST',
      '/v1/access-requests',
      'consumer',
      requestBody('203001/00001', { items: ['xm', 'xzlx', 'jfny', 'jfzt'] }),
    )
    expect(filed.statusCode).toBe(201)
    await call('POST', `/v1/access-requests/${filed.json().id}/decision`, 'steward', {
      outcome: 'approve',
      reason: '同意',
    })
    const fetched = await fetchAs('consumer', '203001/00001')
    expect(fetched.statusCode).toBe(200)
    const records = fetched.json().results[0].records as { items: Record<string, unknown> }[]
    expect(records.length).toBeGreaterThan(0)
    expect(records[0]!.items).toMatchObject({ xm: insured.name, jfzt: expect.any(Boolean) })
    expect(Object.keys(records[0]!.items).sort()).toEqual(['jfny', 'jfzt', 'xm', 'xzlx'])
  })
})
