import { request as httpRequest } from 'undici'
import { beforeAll, describe, expect, it } from 'vitest'
import { HRSS_DEMO_APP_KEY } from '../../adapters/hrss/hrss-simulator.ts'
import { demoWorld } from '../../adapters/simulator-kit/demo-population.ts'
import { seedDemoData } from '../../demo/demo-seed.ts'
import {
  publishResource,
  requestBody,
  tokensFor,
  type Who,
} from '../../directory/requests/access-test-support.ts'
import { sampleDraft } from '../../directory/resources/resource-test-support.ts'
import { openRecordReference } from '../../exchange/fetch/record-reference.ts'
import { useTestApp } from '../support/test-app.ts'

// A data objection closes the loop end to end, on real PostgreSQL/Redis/Kafka and the 人社 simulator:
// a consumer fetches contributions from the hub-held copy, objects to one record's 缴费基数 (naming the
// fetch, never the person), sees the record marked disputed; the 人社 department corrects its own
// system, its steward confirms with a refresh through the sync path; the next fetch shows the corrected
// value without the mark; the consumer accepts. Every step is on the timeline, the outbox and the trail.
const hub = useTestApp({ simulators: true })
let tokens: Record<Who, string>
const insured = demoWorld().people.find((p) => p.employer !== null)!
const KIND = 'social-insurance-contribution'

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

const call = (method: 'GET' | 'POST' | 'PUT', url: string, who: Who, payload?: object) =>
  hub.app.inject({ method, url, payload, headers: { authorization: `Bearer ${tokens[who]}` } })

let code: string
const fetchContributions = () =>
  call('POST', '/v1/exchange/fetch', 'consumer', {
    resourceCode: code,
    subjects: [{ type: 'resident-id', id: insured.residentId }],
    purpose: { code: 'administrative-basis', text: '核验参保缴费情况' },
  })

beforeAll(async () => {
  await seedDemoData(hub.database.db)
  tokens = await tokensFor(hub)
  code = await publishResource(
    hub,
    tokens,
    sampleDraft('40018', {
      items: [
        item('gmsfhm', '公民身份号码', 'C', 18, true),
        item('jfny', '缴费年月', 'C', 7, false),
        item('jfjs', '缴费基数', 'Y', 12, false),
      ],
      sourceAdapter: 'hrss',
    }),
  )
  const source = await call('PUT', `/v1/resources/${encodeURIComponent(code)}/source`, 'steward', {
    adapter: 'hrss',
    recordKind: KIND,
    hubHeld: true,
  })
  expect(source.statusCode).toBe(200)
  await hub.app.hubSync.pull('hrss', KIND)
  const filed = await call(
    'POST',
    '/v1/access-requests',
    'consumer',
    requestBody(code, { items: ['gmsfhm', 'jfny', 'jfjs'] }),
  )
  const decided = await call('POST', `/v1/access-requests/${filed.json().id}/decision`, 'steward', {
    outcome: 'approve',
    masking: { gmsfhm: 'resident-id' },
    reason: '同意',
  })
  expect(decided.json()).toMatchObject({ status: 'granted' })
}, 120_000)

describe('fetch → object → the provider corrects through its system → the next fetch is right', () => {
  it('closes the loop, marked disputed only while the objection is unresolved', async () => {
    const first = await fetchContributions()
    expect(first.statusCode).toBe(200)
    const fetchRequestId = first.headers['x-request-id'] as string
    const record = first.json().results[0].records[0] as {
      recordId: string
      items: Record<string, unknown>
      disputed?: boolean
    }
    expect(record.disputed).toBeUndefined()
    expect(first.json().source).toMatchObject({ hubHeld: true })

    const raised = await hub.app.inject({
      method: 'POST',
      url: '/v1/objections',
      headers: { authorization: `Bearer ${tokens.consumer}`, 'idempotency-key': 'obj-e2e-1' },
      payload: {
        target: { type: 'record', resourceCode: code, recordId: record.recordId, fetchRequestId },
        items: ['jfjs'],
        description: '申请人出示的缴费凭证显示该月缴费基数为 8888 元，与共享数据不一致',
        observedValues: { jfjs: String(record.items.jfjs) },
        attachments: [
          {
            fileName: '缴费凭证.txt',
            mediaType: 'text/plain',
            content: Buffer.from('缴费基数 8888').toString('base64'),
          },
        ],
      },
    })
    expect(raised.statusCode).toBe(201)
    const objection = raised.json()
    expect(objection).toMatchObject({
      status: 'open',
      disputed: true,
      providerDepartment: 'lf-hrss',
      objectorDepartment: 'lf-approval',
      target: { type: 'record', recordId: record.recordId, recordKind: KIND, fetchRequestId },
    })
    expect(objection.target.subjectMasked).not.toContain(insured.residentId)
    expect(objection.attachments).toHaveLength(1)

    const disputed = await fetchContributions()
    const marked = disputed
      .json()
      .results[0].records.find((r: { recordId: string }) => r.recordId === record.recordId)
    expect(marked).toMatchObject({ disputed: true, objectionId: objection.id })
    const others = disputed
      .json()
      .results[0].records.filter((r: { recordId: string }) => r.recordId !== record.recordId)
    for (const other of others) expect(other.disputed).toBeUndefined()

    // The 人社 department corrects the line in its own system, under its own key (which never left the
    // hub: the consumer saw an opaque reference, the hub opens it for the provider's side).
    const sourceKey = openRecordReference(Buffer.from(hub.app.config.audit.subjectKey ?? ''))(
      code,
      record.recordId,
    )
    expect(sourceKey).toMatch(/^JF/)
    const corrected = await httpRequest(`${hub.simulators.urls.hrss}/hrss/api/v1/jfmx/gz`, {
      method: 'POST',
      headers: { 'x-app-key': HRSS_DEMO_APP_KEY, 'content-type': 'application/json' },
      body: JSON.stringify({ 流水号: sourceKey, 缴费基数: 8888 }),
    })
    expect(((await corrected.body.json()) as { code: string }).code).toBe('0000')

    const answered = await call('POST', `/v1/objections/${objection.id}/answer`, 'steward', {
      outcome: 'confirm',
      correction: {
        method: 'refresh',
        note: '经核实为录入错误，已在业务系统更正',
        correctedValues: { jfjs: '8888' },
      },
    })
    expect(answered.statusCode).toBe(200)
    expect(answered.json()).toMatchObject({
      status: 'corrected',
      disputed: false,
      answer: {
        outcome: 'confirm',
        by: 'hrss-steward',
        correction: { method: 'refresh', refreshed: { adapter: 'hrss', kind: KIND, hubHeld: true } },
      },
    })
    expect(answered.json().answer.correction.refreshed.changed).toBeGreaterThanOrEqual(1)

    const after = await fetchContributions()
    const fixed = after
      .json()
      .results[0].records.find((r: { recordId: string }) => r.recordId === record.recordId)
    expect(Number(fixed.items.jfjs)).toBe(8888)
    expect(fixed.disputed).toBeUndefined()
    expect(fixed.objectionId).toBeUndefined()

    const accepted = await call('POST', `/v1/objections/${objection.id}/response`, 'consumer', {
      outcome: 'accept',
    })
    expect(accepted.json()).toMatchObject({ status: 'closed' })

    const timeline = await call('GET', `/v1/objections/${objection.id}/timeline`, 'steward')
    expect(timeline.json().entries.map((e: { type: string }) => e.type)).toEqual([
      'objection.raised',
      'objection.confirmed',
      'objection.accepted',
    ])
    const events = await hub.database
      .db('outbox')
      .where({ topic: 'quality-events' })
      .orderBy('id')
      .pluck('type')
    expect(events).toEqual(['objection.raised', 'objection.confirmed', 'objection.accepted'])
    const trail = await hub.database
      .db('audit_records')
      .where({ resource_type: 'objection', resource_id: objection.id })
      .orderBy('id')
      .select('action', 'outcome')
    expect(trail).toEqual([
      { action: 'objection.raise', outcome: 'allowed' },
      { action: 'objection.answer', outcome: 'allowed' },
      { action: 'objection.respond', outcome: 'allowed' },
    ])

    const quality = await call('GET', '/v1/objections/quality', 'reviewer')
    expect(quality.json().providers).toEqual([
      expect.objectContaining({
        department: 'lf-hrss',
        raised: 1,
        confirmed: 1,
        rejected: 0,
        open: 0,
        overdue: 0,
      }),
    ])
  })
})
