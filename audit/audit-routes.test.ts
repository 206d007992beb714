import { describe, expect, it } from 'vitest'
import { useTestApp } from '../test/support/test-app.ts'

const hub = useTestApp()
const SUBJECT = '14100019900101001X'

async function get(url: string, roles: ('auditor' | 'clerk' | 'admin')[], subject?: string) {
  const token = await hub.token({ roles, subject })
  return hub.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } })
}

async function post(url: string, body: object, roles: ('auditor' | 'clerk' | 'admin')[], subject?: string) {
  const token = await hub.token({ roles, subject })
  return hub.app.inject({ method: 'POST', url, payload: body, headers: { authorization: `Bearer ${token}` } })
}

describe('audit routes', () => {
  it("finds a subject's accesses by identifier, newest first, paged by cursor", async () => {
    for (const caseNumber of ['C-1', 'C-2', 'C-3']) {
      await hub.app.audit.writer.record({
        principal: 'clerk-1',
        department: 'lf-hall',
        roles: ['clerk'],
        action: 'exchange.fetch',
        resourceType: 'resource',
        resourceId: 'HRSS-001',
        subjectId: SUBJECT,
        items: ['name'],
        caseNumber,
        outcome: 'allowed',
      })
    }
    const search = { subjectId: SUBJECT, resourceType: 'resource', limit: 2 }
    const first = await post('/v1/audit/records/search', search, ['auditor'])
    expect(first.statusCode).toBe(200)
    const page = first.json()
    expect(page.items.map((r: { caseNumber: string }) => r.caseNumber)).toEqual(['C-3', 'C-2'])
    expect(page.items[0]).toMatchObject({ subjectMasked: '141000********001X', outcome: 'allowed' })
    expect(first.body).not.toContain('19900101')
    const second = await post('/v1/audit/records/search', { ...search, cursor: page.nextCursor }, ['auditor'])
    expect(second.json()).toMatchObject({ items: [{ caseNumber: 'C-1' }], nextCursor: null })
  })

  it('refuses a subject in a URL with 400 subject-in-query, naming the POST form', async () => {
    for (const [url, form] of [
      [`/v1/audit/records?subjectId=${SUBJECT}`, '/v1/audit/records/search'],
      [
        `/v1/audit/records/export?from=2026-01-01T00:00:00Z&to=2026-02-01T00:00:00Z&subjectId=${SUBJECT}`,
        'POST /v1/audit/records/export',
      ],
      [`/v1/audit/subscription-recipients?subjectId=${SUBJECT}`, '/v1/audit/subscription-recipients/search'],
    ] as const) {
      const res = await get(url, ['auditor'])
      expect(res.statusCode, url).toBe(400)
      expect(res.json()).toMatchObject({ code: 'subject-in-query' })
      expect(res.json().detail).toContain(form)
      expect(res.body).not.toContain('19900101')
    }
    const recipients = await post('/v1/audit/subscription-recipients/search', { subjectId: SUBJECT }, [
      'auditor',
    ])
    expect(recipients.statusCode).toBe(200)
    expect(recipients.json()).toEqual({ items: [] })
  })

  it("records the auditor's own search, with the subject hashed", async () => {
    const res = await get(`/v1/audit/records?action=x`, ['auditor'])
    expect(res.statusCode).toBe(400)
    const searches = await get(`/v1/audit/records?resourceType=audit-trail&outcome=allowed`, ['auditor'])
    const actions = searches.json().items.map((r: { action: string }) => r.action)
    expect(actions).toContain('audit.search')
    const bySubject = searches.json().items.find((r: { subjectMasked: string | null }) => r.subjectMasked)
    expect(bySubject.subjectMasked).toBe('141000********001X')
  })

  it('refuses a non-auditor with 403 and records the refusal', async () => {
    const res = await post('/v1/audit/records/search', { subjectId: SUBJECT }, ['clerk'], 'nosy-clerk')
    expect(res.statusCode).toBe(403)
    expect(res.json().code).toBe('role-required')
    const denied = await get('/v1/audit/records?principal=nosy-clerk&outcome=denied', ['auditor'])
    expect(denied.json().items).toEqual([
      expect.objectContaining({ action: 'audit.search', reason: 'role-required', roles: ['clerk'] }),
    ])
    expect((await get('/v1/audit/verify', ['admin'])).statusCode).toBe(403)
    expect(
      (await get('/v1/audit/records/export?from=2026-01-01T00:00:00Z&to=2026-02-01T00:00:00Z', ['admin']))
        .statusCode,
    ).toBe(403)
  })

  it('answers 400 for an inverted or unbounded range', async () => {
    const inverted = await get('/v1/audit/records?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z', [
      'auditor',
    ])
    expect(inverted.statusCode).toBe(400)
    expect(inverted.json().code).toBe('invalid-range')
    const tooMany = await get('/v1/audit/records?limit=501', ['auditor'])
    expect(tooMany.statusCode).toBe(400)
    const unbounded = await get('/v1/audit/records/export', ['auditor'])
    expect(unbounded.json().code).toBe('range-required')
    const wide = await get('/v1/audit/records/export?from=2020-01-01T00:00:00Z&to=2026-01-01T00:00:00Z', [
      'auditor',
    ])
    expect(wide.json().code).toBe('range-too-wide')
    expect((await get('/v1/audit/verify?fromId=5&toId=2', ['auditor'])).statusCode).toBe(400)
    expect(inverted.json().errors).toEqual([{ path: '/querystring/from', message: 'must not be after `to`' }])
    expect(unbounded.json().errors).toEqual([{ path: '/querystring/from', message: expect.any(String) }])
  })

  it('names the body field, not a querystring one, when the filters came in a POST body', async () => {
    const inverted = { from: '2026-02-01T00:00:00Z', to: '2026-01-01T00:00:00Z' }
    const paths = async (url: string, body: object) => {
      const res = await post(url, body, ['auditor'])
      expect(res.statusCode, url).toBe(400)
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/)
      return (res.json().errors as { path: string }[]).map((e) => e.path)
    }
    expect(await paths('/v1/audit/records/search', { subjectId: SUBJECT, ...inverted })).toEqual([
      '/body/from',
    ])
    expect(await paths('/v1/audit/records/search', { from: 'yesterday' })).toEqual(['/body/from'])
    expect(await paths('/v1/audit/records/export', { subjectId: SUBJECT, ...inverted })).toEqual([
      '/body/from',
    ])
    expect(await paths('/v1/audit/records/export', { subjectId: SUBJECT, to: inverted.to })).toEqual([
      '/body/from',
    ])
    expect(
      await paths('/v1/audit/records/export', { from: '2020-01-01T00:00:00Z', to: '2026-01-01T00:00:00Z' }),
    ).toEqual(['/body/to'])
    expect(await paths('/v1/audit/subscription-recipients/search', { subjectId: 'short' })).toEqual([
      '/body/subjectId',
    ])
  })

  it('verifies the chain', async () => {
    const res = await get('/v1/audit/verify', ['auditor'])
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({ ok: true, checked: expect.any(Number) })
    expect(res.json().checked).toBeGreaterThan(3)
  })

  it('streams an export as NDJSON and as CSV', async () => {
    const from = new Date(Date.now() - 3_600_000).toISOString()
    const to = new Date(Date.now() + 3_600_000).toISOString()
    const nd = await post('/v1/audit/records/export', { from, to, subjectId: SUBJECT }, ['auditor'])
    expect(nd.statusCode).toBe(200)
    expect(nd.headers['content-type']).toMatch(/^application\/x-ndjson/)
    const lines = nd.body
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l))
    expect(lines.filter((r) => r.action === 'exchange.fetch').map((r) => r.caseNumber)).toEqual([
      'C-1',
      'C-2',
      'C-3',
    ])
    const csv = await get(`/v1/audit/records/export?from=${from}&to=${to}&format=csv&caseNumber=C-2`, [
      'auditor',
    ])
    expect(csv.headers['content-type']).toMatch(/^text\/csv/)
    const [header, row, ...rest] = csv.body.trim().split('\n')
    expect(header).toMatch(/^id,occurredAt,principal,/)
    expect(row).toContain(',clerk-1,lf-hall,clerk,exchange.fetch,')
    expect(rest).toEqual([])
  })
})
