import type { Knex } from 'knex'
import { beforeAll, describe, expect, it } from 'vitest'
import { seedDemoData } from '../../demo/demo-seed.ts'
import { tokensFor, type Who } from '../../directory/requests/access-test-support.ts'
import { useTestApp } from '../../test/support/test-app.ts'
import { fetchAudits, fetchBody, grantedResource, holdRecords, insuredPeople } from './fetch-test-support.ts'

// No department system is configured here: these fetches read hub-held copies, or are refused
// before any source would be read.
const hub = useTestApp()
let tokens: Record<Who, string>
const [alice, bob] = insuredPeople()
const badId = `${alice!.residentId.slice(0, 17)}${alice!.residentId.endsWith('0') ? '1' : '0'}`

beforeAll(async () => {
  await seedDemoData(hub.database.db)
  tokens = await tokensFor(hub)
})

const fetchAs = (who: Who, payload: object) =>
  hub.app.inject({
    method: 'POST',
    url: '/v1/exchange/fetch',
    headers: { authorization: `Bearer ${tokens[who]}` },
    payload,
  })

const rows = async (table: string) => Number((await hub.database.db(table).count({ n: '*' }).first())?.n)

describe('POST /v1/exchange/fetch — bad input is refused, audited, and writes nothing else', () => {
  it('refuses more subjects than one batch allows', async () => {
    const before = await fetchAudits(hub.database.db)
    const grants = await rows('grants')
    const res = await fetchAs('consumer', fetchBody('203901/00001', Array(101).fill(alice!.residentId)))
    expect(res.statusCode).toBe(400)
    expect(res.json().code).toBe('too-many-subjects')
    expect(await rows('grants')).toBe(grants)
    expect((await fetchAs('consumer', fetchBody('203901/00001', []))).statusCode).toBe(400)
    const after = await fetchAudits(hub.database.db)
    expect(after.slice(before.length)).toMatchObject([{ outcome: 'denied', reason: 'too-many-subjects' }])
  })

  it('names every subject whose identifier fails its check digit', async () => {
    const res = await fetchAs('consumer', fetchBody('203901/00001', [alice!.residentId, badId, '12345']))
    expect(res.statusCode).toBe(400)
    expect(res.json()).toMatchObject({ code: 'invalid-subject-id' })
    expect(res.json().errors.map((e: { path: string }) => e.path)).toEqual([
      '/body/subjects/1/id',
      '/body/subjects/2/id',
    ])
    expect((await fetchAudits(hub.database.db)).at(-1)).toMatchObject({ reason: 'invalid-subject-id' })
  })

  it('answers 404 for a resource that is not published, audited as denied', async () => {
    const res = await fetchAs('consumer', fetchBody('999999/00001', [alice!.residentId]))
    expect(res.statusCode).toBe(404)
    expect(res.json().code).toBe('resource-not-found')
    expect((await fetchAudits(hub.database.db)).at(-1)).toMatchObject({ reason: 'resource-not-found' })
  })
})

describe('POST /v1/exchange/fetch — authorization', () => {
  it('refuses a department without a grant, and a purpose the grant was not given for', async () => {
    const { code, grantId } = await grantedResource(hub, tokens, '50001')
    const other = await fetchAs('otherConsumer', fetchBody(code, [alice!.residentId]))
    expect(other.statusCode).toBe(403)
    expect(other.json().code).toBe('no-grant')
    const purpose = await fetchAs(
      'consumer',
      fetchBody(code, [alice!.residentId], { purpose: { code: 'marketing', text: '推销' } }),
    )
    expect(purpose.statusCode).toBe(403)
    expect(purpose.json().code).toBe('purpose-not-granted')
    expect((await fetchAudits(hub.database.db)).slice(-2)).toEqual([
      { outcome: 'denied', reason: 'no-grant', grant_id: null },
      // The grant the purpose was checked against is named.
      { outcome: 'denied', reason: 'purpose-not-granted', grant_id: grantId },
    ])
  })

  it('keeps the purpose in the words the caller gave beside its code, allowed or denied', async () => {
    const { code } = await grantedResource(hub, tokens, '50007')
    await holdRecords(hub.database.db, code, [alice!])
    const text = '商品房抵押贷款审核'
    const granted = fetchBody(code, [alice!.residentId])
    const allowed = await fetchAs('consumer', { ...granted, purpose: { ...granted.purpose, text } })
    expect(allowed.statusCode, allowed.body).toBe(200)
    const denied = await fetchAs('consumer', { ...granted, purpose: { code: 'marketing', text: '推销楼盘' } })
    expect(denied.statusCode).toBe(403)
    const audits = await hub.database
      .db('audit_records')
      .where({ action: 'exchange.fetch', resource_id: code })
      .orderBy('id')
      .select('outcome', 'purpose', 'details')
    expect(audits.map((a) => [a.outcome, a.purpose, JSON.parse(a.details).purposeText])).toEqual([
      ['allowed', granted.purpose.code, text],
      ['denied', 'marketing', '推销楼盘'],
    ])
  })

  it('requires a case number when the grant is limited to applicants of open cases', async () => {
    const { code, grantId } = await grantedResource(hub, tokens, '50002', {
      rowConditions: { applicantOfOpenCase: true },
    })
    const res = await fetchAs('clerk', fetchBody(code, [alice!.residentId]))
    expect(res.statusCode).toBe(400)
    expect(res.json().code).toBe('case-number-required')
    const notApplicant = await fetchAs(
      'clerk',
      fetchBody(code, [alice!.residentId], { caseNumber: 'NO-SUCH-CASE' }),
    )
    expect(notApplicant.statusCode).toBe(403)
    expect(notApplicant.json().code).toBe('not-applicant-of-open-case')
    expect((await fetchAudits(hub.database.db)).at(-1)).toMatchObject({
      reason: 'not-applicant-of-open-case',
      grant_id: grantId,
    })
  })
})

/** An open case of lf-approval whose applicant is `applicant` (arranged directly: the cases feature owns its API). */
async function openCase(db: Knex, caseNumber: string, applicant: string) {
  await db('service_items').insert({ code: 'SX-FETCH-001', name: '社保关系转移' }).onConflict('code').ignore()
  await db('cases').insert({
    case_number: caseNumber,
    service_item_code: 'SX-FETCH-001',
    service_item_name: '社保关系转移',
    department_code: 'lf-approval',
    division_code: '141000',
    applicant_kind: 'person',
    applicant_name: '申请人',
    applicant_id_type: 'resident-id',
    applicant_id_number: applicant,
    channel: 'window',
    basic: JSON.stringify({}),
    status: 'accepted',
    accepted_at: new Date().toISOString(),
    last_sequence: 1,
  })
}

describe('POST /v1/exchange/fetch — hub-held resources and grant limits', () => {
  it("returns the case applicant's records and denies (and audits) the other subject of the batch", async () => {
    const { code, grantId } = await grantedResource(hub, tokens, '50006', {
      rowConditions: { applicantOfOpenCase: true },
    })
    await holdRecords(hub.database.db, code, [alice!, bob!])
    await openCase(hub.database.db, 'FETCH-CASE-1', alice!.residentId)
    const res = await fetchAs(
      'clerk',
      fetchBody(code, [alice!.residentId, bob!.residentId], { caseNumber: 'FETCH-CASE-1' }),
    )
    expect(res.statusCode).toBe(200)
    const [mine, theirs] = res.json().results
    expect(mine).toMatchObject({ outcome: 'allowed' })
    expect(mine.records).toHaveLength(1)
    expect(theirs).toEqual({
      subject: { type: 'resident-id', id: bob!.residentId },
      outcome: 'denied',
      reason: 'not-applicant-of-open-case',
      records: [],
    })
    const audits = (await fetchAudits(hub.database.db)).slice(-2)
    expect(audits).toEqual(
      expect.arrayContaining([
        { outcome: 'allowed', reason: null, grant_id: grantId },
        // Denied by the grant's row condition: the record names that grant.
        { outcome: 'denied', reason: 'not-applicant-of-open-case', grant_id: grantId },
      ]),
    )
  })

  it('reads the hub-held copy: granted items only, masked, one audit record per subject', async () => {
    const { code, grantId } = await grantedResource(hub, tokens, '50003', {
      items: ['gmsfhm', 'xzlx'],
      masking: { gmsfhm: 'resident-id' },
    })
    await holdRecords(hub.database.db, code, [alice!, bob!])
    const res = await fetchAs('consumer', fetchBody(code, [alice!.residentId, bob!.residentId]))
    expect(res.statusCode).toBe(200)
    const body = res.json()
    expect(body.source).toMatchObject({
      adapter: 'hrss',
      hubHeld: true,
      recordKind: 'social-insurance-contribution',
    })
    expect(body.results.map((r: { records: { items: object }[] }) => r.records.map((x) => x.items))).toEqual([
      [{ gmsfhm: `${alice!.residentId.slice(0, 6)}********${alice!.residentId.slice(-4)}`, xzlx: 'pension' }],
      [{ gmsfhm: `${bob!.residentId.slice(0, 6)}********${bob!.residentId.slice(-4)}`, xzlx: 'pension' }],
    ])
    const audits = (await fetchAudits(hub.database.db)).slice(-2)
    expect(audits).toEqual([
      { outcome: 'allowed', reason: null, grant_id: grantId },
      { outcome: 'allowed', reason: null, grant_id: grantId },
    ])
  })

  it("enforces the grant's fetches per minute and records per day", async () => {
    const limited = await grantedResource(hub, tokens, '50004', { rateLimitPerMinute: 1 })
    await holdRecords(hub.database.db, limited.code, [alice!])
    expect((await fetchAs('consumer', fetchBody(limited.code, [alice!.residentId]))).statusCode).toBe(200)
    const second = await fetchAs('consumer', fetchBody(limited.code, [alice!.residentId]))
    expect(second.statusCode).toBe(429)
    expect(second.json().code).toBe('grant-rate-limited')
    expect(Number(second.headers['retry-after'])).toBeGreaterThan(0)

    const capped = await grantedResource(hub, tokens, '50005', { dailyVolumeCap: 1 })
    await holdRecords(hub.database.db, capped.code, [alice!, bob!])
    const both = await fetchAs('consumer', fetchBody(capped.code, [alice!.residentId, bob!.residentId]))
    expect(both.statusCode).toBe(429)
    expect(both.json().code).toBe('grant-volume-exceeded')
    // The refused call used none of the cap: one record still fits today.
    const one = await fetchAs('consumer', fetchBody(capped.code, [bob!.residentId]))
    expect(one.statusCode, one.body).toBe(200)
    expect((await fetchAs('consumer', fetchBody(capped.code, [alice!.residentId]))).statusCode).toBe(429)
    const reasons = (await fetchAudits(hub.database.db)).map((a) => a.reason)
    expect(reasons).toContain('grant-rate-limited')
    expect(reasons).toContain('grant-volume-exceeded')
  })
})
