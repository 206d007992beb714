import { beforeAll, describe, expect, it } from 'vitest'
import { useTestApp } from '../test/support/test-app.ts'
import { type AuditEntry, AuditWriter } from './audit-writer.ts'

const hub = useTestApp()
const CITIZEN = '14100019900101001X'
const KEY = Buffer.from('test-audit-subject-key-0123456789abcdef')
const RANGE = 'from=2026-10-01T00:00:00Z&to=2026-10-31T00:00:00Z'

async function get(url: string, roles: ('auditor' | 'clerk' | 'citizen')[], subject?: string) {
  const token = await hub.token({ roles, subject, department: roles.includes('citizen') ? null : 'lf-audit' })
  return hub.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } })
}

const fetchBy = (principal: string, extra: Partial<AuditEntry> = {}): AuditEntry => ({
  principal,
  department: 'lf-hrss',
  roles: ['consumer'],
  action: 'exchange.fetch',
  resourceType: 'resource',
  resourceId: 'HRSS-001',
  caseNumber: 'C-1',
  outcome: 'allowed',
  ...extra,
})

beforeAll(async () => {
  // A month of history, written with the clock set back so every record lands in its hour.
  let clock = 0
  const writer = new AuditWriter({ db: hub.database.db, subjectKey: KEY, now: () => clock })
  const at = (iso: string, n: number, entry: AuditEntry) => {
    clock = Date.parse(iso)
    for (let i = 0; i < n; i++) void writer.record(entry)
  }
  // Monday 2026-10-12 (a working week: 10-05 to 10-07 are National Day holidays by the official calendar), 10:00–13:00 in Shanghai: two accesses an hour, then a burst of ten.
  at('2026-10-12T02:10:00Z', 2, fetchBy('spiky'))
  at('2026-10-12T03:10:00Z', 2, fetchBy('spiky'))
  at('2026-10-12T04:10:00Z', 2, fetchBy('spiky'))
  at('2026-10-12T05:10:00Z', 10, fetchBy('spiky'))
  // Tuesday 23:00 in Shanghai.
  at('2026-10-13T15:10:00Z', 6, fetchBy('night-owl'))
  at('2026-10-14T02:00:00Z', 2, fetchBy('no-case', { caseNumber: null }))
  at('2026-10-14T02:00:00Z', 1, fetchBy('late', { outcome: 'denied', reason: 'grant-expired' }))
  at('2026-10-14T02:00:00Z', 1, fetchBy('late', { outcome: 'denied', reason: 'grant-revoked' }))
  at('2026-10-15T02:00:00Z', 5, fetchBy('denier', { outcome: 'denied', reason: 'not-granted' }))
  // Accesses to the citizen's data: three allowed by one officer, one refused.
  at(
    '2026-10-16T02:00:00Z',
    3,
    fetchBy('clerk-9', {
      subjectId: CITIZEN,
      purpose: 'pension',
      caseNumber: 'C-9',
      details: { purposeText: '养老金资格认证' },
    }),
  )
  at('2026-10-16T03:00:00Z', 1, fetchBy('clerk-9', { subjectId: CITIZEN, outcome: 'denied', reason: 'x' }))
  await writer.close()
})

const principals = (res: { json(): { items: { principal: string }[] } }) =>
  res.json().items.map((i) => i.principal)

describe('anomaly reports', () => {
  it('finds a volume spike against the principal’s median hour, with drill-down to its records', async () => {
    const res = await get(`/v1/audit/anomalies?kind=volume-spike&${RANGE}`, ['auditor'])
    expect(res.statusCode).toBe(200)
    const [finding, ...rest] = res.json().items
    expect(rest).toEqual([])
    expect(finding).toMatchObject({
      principal: 'spiky',
      count: 10,
      baseline: 2,
      windowStart: '2026-10-12T05:00:00.000Z',
      windowEnd: '2026-10-12T06:00:00.000Z',
    })
    expect(finding.recordIds).toHaveLength(10)
    const drill = await get(finding.drillDown, ['auditor'])
    expect(
      drill
        .json()
        .items.map((r: { id: number }) => r.id)
        .sort((a: number, b: number) => a - b),
    ).toEqual(finding.recordIds)
  })

  it('finds bulk access outside working hours (Shanghai time), above the threshold', async () => {
    const res = await get(`/v1/audit/anomalies?kind=off-hours-bulk&threshold=5&${RANGE}`, ['auditor'])
    expect(res.json().items).toEqual([
      expect.objectContaining({ principal: 'night-owl', count: 6, windowStart: '2026-10-13T15:00:00.000Z' }),
    ])
    const higher = await get(`/v1/audit/anomalies?kind=off-hours-bulk&threshold=6&${RANGE}`, ['auditor'])
    expect(higher.json().items).toEqual([])
  })

  it('finds data access without a case, attempts after a grant ended, and repeated denials', async () => {
    const noCase = await get(`/v1/audit/anomalies?kind=access-without-case&${RANGE}`, ['auditor'])
    expect(principals(noCase)).toEqual(['no-case'])
    const late = await get(`/v1/audit/anomalies?kind=after-grant-end&${RANGE}`, ['auditor'])
    expect(late.json().items).toEqual([expect.objectContaining({ principal: 'late', count: 2 })])
    const denials = await get(`/v1/audit/anomalies?kind=repeated-denials&${RANGE}`, ['auditor'])
    expect(principals(denials)).toEqual(['denier'])
    const two = await get(`/v1/audit/anomalies?kind=repeated-denials&threshold=2&${RANGE}`, ['auditor'])
    expect(principals(two).sort()).toEqual(['denier', 'late'])
  })

  it('aggregates by principal, outcome and day', async () => {
    const byPrincipal = await get(`/v1/audit/aggregates?groupBy=principal&${RANGE}`, ['auditor'])
    expect(byPrincipal.json().items[0]).toEqual({ key: 'spiky', total: 16, allowed: 16, denied: 0 })
    const byOutcome = await get(`/v1/audit/aggregates?groupBy=outcome&${RANGE}`, ['auditor'])
    expect(byOutcome.json().items).toEqual([
      { key: 'allowed', total: 27, allowed: 27, denied: 0 },
      { key: 'denied', total: 8, allowed: 0, denied: 8 },
    ])
    const byDay = await get(`/v1/audit/aggregates?groupBy=day&${RANGE}`, ['auditor'])
    expect(byDay.json().items.map((i: { key: string }) => i.key)).toEqual([
      '2026-10-12',
      '2026-10-13',
      '2026-10-14',
      '2026-10-15',
      '2026-10-16',
    ])
  })

  it('aggregates for charts: denials by reason, a department per day, and weekday × hour in Shanghai', async () => {
    const byReason = await get(`/v1/audit/aggregates?groupBy=reason&accessesOnly=true&${RANGE}`, ['auditor'])
    expect(byReason.statusCode).toBe(200)
    const denied = Object.fromEntries(
      byReason
        .json()
        .items.filter((i: { denied: number }) => i.denied > 0)
        .map((i: { key: string; denied: number }) => [i.key, i.denied]),
    )
    expect(denied).toEqual({ 'not-granted': 5, 'grant-expired': 1, 'grant-revoked': 1, x: 1 })
    const perDay = await get(`/v1/audit/aggregates?groupBy=department-day&accessesOnly=true&${RANGE}`, [
      'auditor',
    ])
    expect(perDay.json().items.map((i: { key: string; subKey: string; total: number }) => i)).toEqual([
      { key: 'lf-hrss', subKey: '2026-10-12', total: 16, allowed: 16, denied: 0 },
      { key: 'lf-hrss', subKey: '2026-10-13', total: 6, allowed: 6, denied: 0 },
      { key: 'lf-hrss', subKey: '2026-10-14', total: 4, allowed: 2, denied: 2 },
      { key: 'lf-hrss', subKey: '2026-10-15', total: 5, allowed: 0, denied: 5 },
      { key: 'lf-hrss', subKey: '2026-10-16', total: 4, allowed: 3, denied: 1 },
    ])
    const heat = await get(`/v1/audit/aggregates?groupBy=weekday-hour&accessesOnly=true&${RANGE}`, [
      'auditor',
    ])
    const cells = heat
      .json()
      .items.map((i: { key: string; subKey: string; total: number }) => [`${i.key}@${i.subKey}`, i.total])
    // Monday 10–13 h, the Tuesday-night owl at 23 h, Wednesday to Friday mornings.
    expect(cells).toEqual([
      ['1@10', 2],
      ['1@11', 2],
      ['1@12', 2],
      ['1@13', 10],
      ['2@23', 6],
      ['3@10', 4],
      ['4@10', 5],
      ['5@10', 3],
      ['5@11', 1],
    ])
  })

  it('answers a bare call with defaults: the last 30 days, by department, every rule', async () => {
    const before = Date.now()
    const aggregates = await get('/v1/audit/aggregates', ['auditor'])
    expect(aggregates.statusCode).toBe(200)
    const { groupBy, from, to } = aggregates.json()
    expect(groupBy).toBe('department')
    expect(Date.parse(to)).toBeGreaterThanOrEqual(before)
    expect(Date.parse(to) - Date.parse(from)).toBe(30 * 86_400_000)

    const all = await get(`/v1/audit/anomalies?${RANGE}`, ['auditor'])
    expect(all.statusCode).toBe(200)
    expect(all.json()).toMatchObject({ kind: 'all' })
    expect(all.json().threshold).toBeUndefined()
    // Every rule ran at its default threshold (off-hours-bulk needs 50 in an hour: none here).
    expect(new Set(all.json().items.map((i: { kind: string }) => i.kind))).toEqual(
      new Set(['access-without-case', 'after-grant-end', 'volume-spike', 'repeated-denials']),
    )
    expect((await get('/v1/audit/anomalies', ['auditor'])).statusCode).toBe(200)
    const thresholdAlone = await get('/v1/audit/anomalies?threshold=2', ['auditor'])
    expect(thresholdAlone.json()).toMatchObject({ status: 400, code: 'threshold-needs-kind' })
  })

  it('refuses bad input with 400 and a non-auditor with 403, recording the refusal', async () => {
    const inverted = await get(
      '/v1/audit/anomalies?kind=volume-spike&from=2026-10-31T00:00:00Z&to=2026-10-01T00:00:00Z',
      ['auditor'],
    )
    expect(inverted.json()).toMatchObject({ status: 400, code: 'invalid-range' })
    expect((await get(`/v1/audit/anomalies?kind=sneaky&${RANGE}`, ['auditor'])).statusCode).toBe(400)
    expect((await get(`/v1/audit/aggregates?groupBy=colour&${RANGE}`, ['auditor'])).statusCode).toBe(400)
    const refused = await get(`/v1/audit/anomalies?kind=volume-spike&${RANGE}`, ['clerk'], 'nosy-clerk')
    expect(refused.json()).toMatchObject({ status: 403, code: 'role-required' })
    const record = await hub.database.db('audit_records').where({ principal: 'nosy-clerk' }).first()
    expect(record).toMatchObject({ action: 'audit.anomalies', outcome: 'denied', reason: 'role-required' })
  })
})

describe("a citizen's own accesses", () => {
  it('lists who accessed their data by department, never the officer, newest first, paged', async () => {
    const first = await get('/v1/audit/my-accesses?limit=2', ['citizen'], CITIZEN)
    expect(first.statusCode).toBe(200)
    expect(first.json().items).toHaveLength(2)
    expect(first.json().items[0]).toEqual({
      occurredAt: '2026-10-16T02:00:00.000Z',
      department: 'lf-hrss',
      action: 'exchange.fetch',
      resourceType: 'resource',
      resourceId: 'HRSS-001',
      items: [],
      purpose: 'pension',
      purposeText: '养老金资格认证',
      caseNumber: 'C-9',
    })
    expect(first.body).not.toContain('clerk-9')
    const second = await get(
      `/v1/audit/my-accesses?limit=2&cursor=${first.json().nextCursor}`,
      ['citizen'],
      CITIZEN,
    )
    // The refused attempt and the citizen's own looks are not accesses to their data.
    expect(second.json()).toMatchObject({ items: [{ caseNumber: 'C-9' }], nextCursor: null })
  })

  it('matches the resident ID the identity platform put in the token (idNumber), not the login name', async () => {
    const token = await hub.token({
      roles: ['citizen'],
      subject: 'sx-idp-user-5521',
      department: null,
      idNumber: CITIZEN,
    })
    const res = await hub.app.inject({
      method: 'GET',
      url: '/v1/audit/my-accesses?limit=10',
      headers: { authorization: `Bearer ${token}` },
    })
    expect(res.statusCode).toBe(200)
    // The three allowed reads of her data; neither the refusal nor her own look.
    expect(res.json().items.map((i: { caseNumber: string }) => i.caseNumber)).toEqual(['C-9', 'C-9', 'C-9'])
    const own = await hub.database.db('audit_records').where({ principal: 'sx-idp-user-5521' }).first()
    expect(own).toMatchObject({ action: 'audit.my-accesses', subject_masked: expect.stringContaining('*') })
  })

  it('is for citizens only: anyone else gets 403, recorded', async () => {
    const res = await get('/v1/audit/my-accesses', ['clerk'], 'clerk-77')
    expect(res.json()).toMatchObject({ status: 403, code: 'role-required' })
    const record = await hub.database.db('audit_records').where({ principal: 'clerk-77' }).first()
    expect(record).toMatchObject({ action: 'audit.my-accesses', outcome: 'denied' })
  })
})

describe('writer metrics', () => {
  it('counts records, batch sizes and commit times', async () => {
    const res = await hub.app.inject({ method: 'GET', url: '/metrics' })
    expect(res.body).toMatch(/^hub_audit_records_total\{outcome="allowed"\} [1-9]/m)
    expect(res.body).toMatch(/^hub_audit_records_total\{outcome="denied"\} [1-9]/m)
    expect(res.body).toMatch(/^hub_audit_batch_size_count [1-9]/m)
    expect(res.body).toMatch(/^hub_audit_commit_seconds_count [1-9]/m)
  })
})
