import { randomBytes } from 'node:crypto'
import { beforeAll, describe, expect, it } from 'vitest'
import { maskResidentId } from '../../platform/identifiers/index.ts'
import { useTestApp } from '../../test/support/test-app.ts'
import { accepted, basicInfo, grantCaseData, residentId, seedCaseWorld, step } from './case-test-support.ts'

const hub = useTestApp()
const applicant = residentId(777)
const tokens: Record<string, string> = {}

const get = (url: string, token: string) =>
  hub.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } })
const search = (body: object, token: string) =>
  hub.app.inject({
    method: 'POST',
    url: '/v1/cases/applicant-search',
    headers: { authorization: `Bearer ${token}` },
    payload: body,
  })
const auditCount = async (caseNumber: string, outcome: string) =>
  Number(
    (
      (await hub.database
        .db('audit_records')
        .where({ action: 'cases.read', case_number: caseNumber, outcome })
        .count({ n: '*' })
        .first()) as { n: string }
    ).n,
  )

beforeAll(async () => {
  const db = hub.database.db
  await seedCaseWorld(db)
  tokens.hrss = await hub.token({
    roles: ['service'],
    department: 'lf-hrss',
    subject: `hrss-system-${randomBytes(3).toString('hex')}`,
  })
  tokens.hrssClerk = await hub.token({ roles: ['clerk'], department: 'lf-hrss', subject: 'hrss-clerk' })
  tokens.housing = await hub.token({
    roles: ['consumer'],
    department: 'lf-housing',
    subject: 'housing-officer',
  })
  tokens.approval = await hub.token({ roles: ['clerk'], department: 'lf-approval', subject: 'window-1' })
  tokens.admin = await hub.token({ roles: ['admin'], department: 'lf-bigdata', subject: 'ops' })
  await grantCaseData(db, 'lf-approval', { items: ['basic', 'process', 'result', 'applicant-id'] })
  const ingest = (body: object) =>
    hub.app.inject({
      method: 'POST',
      url: '/v1/cases/changes',
      headers: { authorization: `Bearer ${tokens.hrss}` },
      payload: body,
    })
  const person = {
    kind: 'person' as const,
    name: '赵六',
    idType: 'resident-id' as const,
    idNumber: applicant,
  }
  await ingest(accepted('LF-Q-000001', basicInfo({ applicant: person, promisedAt: '2026-11-21T00:00:00Z' })))
  await ingest(step('LF-Q-000001', 2, 'review'))
  await ingest(accepted('LF-Q-000002', basicInfo({ applicant: person, promisedAt: '2099-01-01T00:00:00Z' })))
  await ingest(step('LF-Q-000002', 2, 'complete'))
})

describe('a case by number', () => {
  it('shows the handling department the case in full with its timeline, and audits the read', async () => {
    const res = await get('/v1/cases/LF-Q-000001', tokens.hrssClerk!)
    expect(res.statusCode).toBe(200)
    const body = res.json()
    expect(body.applicant.idNumber).toBe(applicant)
    expect(body.basic.form).toEqual({ reason: '合同到期' })
    expect(body.timeline.map((t: { kind: string }) => t.kind)).toEqual(['basic', 'step'])
    expect(body.overdue).toBe(true)
    expect(await auditCount('LF-Q-000001', 'allowed')).toBeGreaterThanOrEqual(1)
  })

  it('hides a case from a department without a grant (404) and audits the denial', async () => {
    const res = await get('/v1/cases/LF-Q-000001', tokens.housing!)
    expect([res.statusCode, res.json().code]).toEqual([404, 'case-not-found'])
    expect(await auditCount('LF-Q-000001', 'denied')).toBe(1)
  })

  it('shows a granted department what its grant covers: no form data', async () => {
    const res = await get('/v1/cases/LF-Q-000002', tokens.approval!)
    expect(res.statusCode).toBe(200)
    expect(res.json().applicant.idNumber).toBe(applicant)
    expect(res.json().basic.form).toBeUndefined()
  })
})

describe('lists and statistics', () => {
  it("lists a department's overdue cases with masked identifiers", async () => {
    const res = await get('/v1/cases?overdue=true', tokens.hrssClerk!)
    expect(res.statusCode).toBe(200)
    expect(res.json().items.map((c: { caseNumber: string }) => c.caseNumber)).toEqual(['LF-Q-000001'])
    expect(res.json().items[0].applicantIdMasked).toBe(maskResidentId(applicant))
  })

  it("refuses another department's list (403)", async () => {
    const res = await get('/v1/cases?department=lf-hrss', tokens.housing!)
    expect(res.statusCode).toBe(403)
  })

  it('answers a bare statistics call for the last 30 days', async () => {
    const res = await get('/v1/cases/statistics', tokens.admin!)
    expect(res.statusCode).toBe(200)
    const { from, to } = res.json()
    expect(Math.abs(Date.parse(to) - Date.now())).toBeLessThan(60_000)
    expect(Date.parse(to) - Date.parse(from)).toBe(30 * 86_400_000)
  })

  it('counts per department', async () => {
    const res = await get(
      '/v1/cases/statistics?from=2026-01-01T00:00:00Z&to=2027-01-01T00:00:00Z',
      tokens.admin!,
    )
    expect(res.statusCode).toBe(200)
    expect(res.json().departments).toEqual([
      {
        department: 'lf-hrss',
        accepted: 2,
        completed: 1,
        completedOnTime: 1,
        overdueOpen: 1,
        completedInOneVisit: 1,
        materialsShared: 2,
        materialsPaper: 2,
      },
    ])
  })
})

describe('one number (一号申请)', () => {
  it("shows a granted window clerk the applicant's open cases across departments", async () => {
    const res = await search(
      { idType: 'resident-id', idNumber: applicant, caseNumber: 'LF-APPR-1' },
      tokens.approval!,
    )
    expect(res.statusCode).toBe(200)
    expect(res.json().items.map((c: { caseNumber: string }) => c.caseNumber)).toEqual(['LF-Q-000001'])
    expect(await auditCount('LF-APPR-1', 'allowed')).toBe(1)
  })

  it('shows nothing of other departments without a grant', async () => {
    const res = await search({ idType: 'resident-id', idNumber: applicant, openOnly: false }, tokens.housing!)
    expect(res.statusCode).toBe(200)
    expect(res.json().items).toEqual([])
  })

  it('refuses an identifier that fails its checksum (400)', async () => {
    const res = await search(
      { idType: 'resident-id', idNumber: `${applicant.slice(0, 17)}${applicant.endsWith('1') ? '2' : '1'}` },
      tokens.approval!,
    )
    expect([res.statusCode, res.json().code]).toEqual([400, 'invalid-applicant-id'])
  })
})
