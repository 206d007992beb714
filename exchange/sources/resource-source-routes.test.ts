import { beforeAll, describe, expect, it } from 'vitest'
import { demoWorld } from '../../adapters/simulator-kit/demo-population.ts'
import { seedDemoData } from '../../demo/demo-seed.ts'
import { requestBody, tokensFor, type Who } from '../../directory/requests/access-test-support.ts'
import { seedDemoResources } from '../../directory/resources/resource-demo-seed.ts'
import { useTestApp } from '../../test/support/test-app.ts'
import { contributionRow } from '../fetch/fetch-test-support.ts'

// The adapters point at a port nothing listens on: a live read fails (502) while a hub-held read
// answers from hub_records, so each fetch shows which source it used. No retries and a patient
// breaker keep every live failure a plain 502.
const DEAD = 'http://127.0.0.1:1'
const hub = useTestApp({
  adapterEnv: () => ({
    ADAPTER_HRSS_URL: DEAD,
    ADAPTER_HRSS_TOKEN: 'x',
    ADAPTER_HRSS_RETRIES: '0',
    ADAPTER_HRSS_BREAKER_FAILURES: '1000',
    ADAPTER_HOUSING_FUND_URL: DEAD,
    ADAPTER_HOUSING_FUND_TOKEN: 'x',
  }),
})
let tokens: Record<Who | 'admin', string>
const insured = demoWorld().people.find((p) => p.employer !== null)!
const CONTRIBUTIONS = '203001/00001' // lf-hrss
const HOUSING_FUND = '203002/00001' // lf-hfund

beforeAll(async () => {
  await seedDemoData(hub.database.db)
  await seedDemoResources(hub.database.db)
  tokens = {
    ...(await tokensFor(hub)),
    admin: await hub.token({ roles: ['admin'], department: 'lf-bigdata', subject: 'operator' }),
  }
}, 60_000)

const path = (code: string) => `/v1/resources/${encodeURIComponent(code)}/source`
const getSource = (who: Who | 'admin', code: string) =>
  hub.app.inject({ method: 'GET', url: path(code), headers: { authorization: `Bearer ${tokens[who]}` } })
const putSource = (who: Who | 'admin', code: string, payload: object) =>
  hub.app.inject({
    method: 'PUT',
    url: path(code),
    headers: { authorization: `Bearer ${tokens[who]}` },
    payload,
  })
const sourceAudits = (code: string) =>
  hub.database
    .db('audit_records')
    .where({ action: 'exchange.source.set', resource_id: code })
    .orderBy('id')
    .select('outcome', 'reason', 'principal', 'details')
    // The trail stores details as canonical JSON text (it is hashed into the chain).
    .then((rows) =>
      rows.map((r) => ({ ...r, details: typeof r.details === 'string' ? JSON.parse(r.details) : r.details })),
    )

describe('GET /v1/resources/{code}/source', () => {
  it('shows the conventional source of a published resource to its steward', async () => {
    const res = await getSource('otherSteward', HOUSING_FUND)
    expect(res.statusCode).toBe(200)
    expect(res.json()).toEqual({
      resourceCode: HOUSING_FUND,
      adapter: 'housing-fund',
      department: 'lf-hfund',
      recordKind: 'housing-fund-account',
      hubHeld: false,
      itemFields: null,
      origin: 'convention',
      updatedAt: null,
    })
  })

  it("refuses other departments' stewards and non-stewards; unknown codes are 404", async () => {
    expect((await getSource('steward', HOUSING_FUND)).json()).toMatchObject({
      status: 403,
      code: 'not-provider-steward',
    })
    const consumer = (await getSource('consumer', HOUSING_FUND)).json()
    expect(consumer.code).toBe('source-admin-role-required')
    expect(consumer.detail).toBe(`Not allowed to read how resource ${HOUSING_FUND} is served.`)
    const unknown = await getSource('admin', '203999/00001')
    expect(unknown.statusCode).toBe(404)
    expect(unknown.json().code).toBe('resource-not-found')
  })
})

describe('PUT /v1/resources/{code}/source', () => {
  it('refuses, with stable codes and an audit record, whoever may not set it', async () => {
    const body = { adapter: 'housing-fund', recordKind: 'housing-fund-account', hubHeld: false }
    const foreign = await putSource('steward', HOUSING_FUND, body)
    expect(foreign.statusCode).toBe(403)
    expect(foreign.headers['content-type']).toContain('application/problem+json')
    expect(foreign.json().code).toBe('not-provider-steward')
    expect(foreign.json().detail).toBe(`Not allowed to change how resource ${HOUSING_FUND} is served.`)
    expect((await putSource('consumer', HOUSING_FUND, body)).json().code).toBe('source-admin-role-required')
    // A steward cannot route its resource to another department's system.
    const crossing = await putSource('otherSteward', HOUSING_FUND, {
      adapter: 'hrss',
      recordKind: 'social-insurance-contribution',
      hubHeld: true,
    })
    expect(crossing.statusCode).toBe(403)
    expect(crossing.json().code).toBe('adapter-of-other-department')
    expect((await sourceAudits(HOUSING_FUND)).map((r) => [r.outcome, r.reason])).toEqual([
      ['denied', 'not-provider-steward'],
      ['denied', 'source-admin-role-required'],
      ['denied', 'adapter-of-other-department'],
    ])
    expect(await hub.database.db('resource_sources').where({ resource_code: HOUSING_FUND })).toEqual([])
  })

  it('rejects adapters, kinds and capabilities that cannot serve it, naming the field', async () => {
    const cases: [object, string, string][] = [
      [{ adapter: 'nowhere', recordKind: 'x', hubHeld: false }, 'unknown-adapter', '/body/adapter'],
      [
        { adapter: 'housing-fund', recordKind: 'property-right', hubHeld: false },
        'record-kind-not-served',
        '/body/recordKind',
      ],
      [
        { adapter: 'housing-fund', recordKind: 'housing-fund-account', hubHeld: true },
        'adapter-cannot-sync',
        '/body/hubHeld',
      ],
      [
        {
          adapter: 'housing-fund',
          recordKind: 'housing-fund-account',
          hubHeld: false,
          itemFields: { grzh: 'accountNumber', ye: 'saldo' },
        },
        'unknown-canonical-field',
        '/body/itemFields/ye',
      ],
    ]
    for (const [body, code, field] of cases) {
      const res = await putSource('otherSteward', HOUSING_FUND, body)
      expect(res.statusCode, code).toBe(400)
      expect(res.json()).toMatchObject({ code, errors: [{ path: field }] })
    }
    const schemaRefusal = await putSource('otherSteward', HOUSING_FUND, { adapter: 'housing-fund' })
    expect(schemaRefusal.statusCode).toBe(400)
    expect(await hub.database.db('resource_sources').where({ resource_code: HOUSING_FUND })).toEqual([])
  })

  it('takes effect on the very next fetch, both ways, and is audited as a change', async () => {
    const as = (who: Who) => ({ authorization: `Bearer ${tokens[who]}` })
    const filed = await hub.app.inject({
      method: 'POST',
      url: '/v1/access-requests',
      headers: as('consumer'),
      payload: requestBody(CONTRIBUTIONS, { items: ['xm', 'jfny'] }),
    })
    await hub.app.inject({
      method: 'POST',
      url: `/v1/access-requests/${filed.json().id}/decision`,
      headers: as('steward'),
      payload: { outcome: 'approve', reason: '同意' },
    })
    await hub.database.db('hub_records').insert(contributionRow(insured, `JF-${insured.residentId}`))
    const fetch = () =>
      hub.app.inject({
        method: 'POST',
        url: '/v1/exchange/fetch',
        headers: as('consumer'),
        payload: {
          resourceCode: CONTRIBUTIONS,
          subjects: [{ type: 'resident-id', id: insured.residentId }],
          purpose: { code: 'administrative-basis', text: '核验参保缴费情况' },
        },
      })

    // By convention the resource is read live (and the dead system answers 502); this also fills
    // the fetch's resource cache with the old source.
    expect((await fetch()).json().code).toBe('upstream-failed')

    const held = { adapter: 'hrss', recordKind: 'social-insurance-contribution', hubHeld: true }
    const put = await putSource('steward', CONTRIBUTIONS, held)
    expect(put.statusCode).toBe(200)
    expect(put.json()).toMatchObject({ ...held, department: 'lf-hrss', origin: 'explicit', itemFields: null })
    const fromHub = await fetch()
    expect(fromHub.statusCode).toBe(200)
    expect(fromHub.json().source).toMatchObject({ adapter: 'hrss', hubHeld: true })
    expect(fromHub.json().results[0].records[0].items).toEqual({ xm: insured.name, jfny: '2026-10' })
    expect((await getSource('steward', CONTRIBUTIONS)).json()).toMatchObject({ ...held, origin: 'explicit' })

    const live = await putSource('admin', CONTRIBUTIONS, { ...held, hubHeld: false })
    expect(live.statusCode).toBe(200)
    expect((await fetch()).json().code).toBe('upstream-failed')

    const audits = await sourceAudits(CONTRIBUTIONS)
    expect(audits.map((r) => [r.outcome, r.principal])).toEqual([
      ['allowed', 'hrss-steward'],
      ['allowed', 'operator'],
    ])
    expect(audits[0]!.details).toMatchObject({ hubHeld: true, previous: null })
    expect(audits[1]!.details).toMatchObject({
      hubHeld: false,
      previous: { adapter: 'hrss', recordKind: 'social-insurance-contribution', hubHeld: true },
    })
  })
})
