import { randomUUID } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { useTestApp } from '../support/test-app.ts'
import { loadOpenApi, type OperationCase, operations, urlOf } from './openapi-operations.ts'

/**
 * Every operation of the OpenAPI document, called without a token and by a principal with no
 * business there: every 401, 403 and 404 it answers has a denied record in the audit trail, written
 * before the answer (the record is looked up by the response's request id right after it).
 */

// One-second intervals, so the summary of a flood is written within the test.
const hub = useTestApp({ env: { AUTH_FAILURE_AUDIT_INTERVAL_S: '1' } })

async function call(op: OperationCase, headers: Record<string, string>) {
  const withBody = op.method === 'POST' || op.method === 'PUT' || op.method === 'PATCH'
  return hub.app.inject({
    method: op.method,
    url: urlOf(op),
    headers: { ...headers, ...(withBody ? { 'content-type': 'application/json' } : {}) },
    ...(withBody ? { payload: '{}' } : {}),
  })
}

async function deniedRecords(requestId: string): Promise<{ reason: string; action: string }[]> {
  return hub.database
    .db('audit_records')
    .where({ request_id: requestId, outcome: 'denied' })
    .select('reason', 'action')
}

describe('every refusal on every operation is audited', () => {
  it('without a token: 401 on every non-public operation, each with a denied record', async () => {
    const ops = operations(await loadOpenApi(hub.app))
    expect(ops.length).toBeGreaterThan(50)
    const missing: string[] = []
    // A fresh source per call (failures are recorded once per source and reason per interval): a
    // counter, so no two calls of a run share one; the run's own second octet keeps runs apart.
    const run = 10 + Math.floor(Math.random() * 240)
    let call = 0
    for (const op of ops) {
      if (op.isPublic) continue
      call += 1
      const res = await hub.app.inject({
        method: op.method,
        url: urlOf(op),
        remoteAddress: `10.${run}.${Math.floor(call / 250)}.${call % 250}`,
      })
      expect(res.statusCode, op.operationId).toBe(401)
      expect(res.headers['content-type'], op.operationId).toMatch(/^application\/problem\+json/)
      const records = await deniedRecords(res.headers['x-request-id'] as string)
      if (records.length === 0) missing.push(op.operationId)
    }
    expect(missing).toEqual([])
  })

  it('a citizen with no department: every 403 and 404 has a denied record', async () => {
    const ops = operations(await loadOpenApi(hub.app))
    const token = await hub.token({ roles: ['citizen'], department: null, subject: `c-${randomUUID()}` })
    const missing: string[] = []
    let refused = 0
    for (const op of ops) {
      if (op.isPublic) continue
      const res = await call(op, { authorization: `Bearer ${token}` })
      expect(res.statusCode, op.operationId).toBeLessThan(500)
      if (![401, 403, 404].includes(res.statusCode)) continue
      refused += 1
      const records = await deniedRecords(res.headers['x-request-id'] as string)
      if (records.length === 0) missing.push(`${op.operationId} ${res.statusCode} ${res.json().code}`)
    }
    expect(refused).toBeGreaterThan(30)
    expect(missing).toEqual([])
  })

  it('a flood of forged tokens from one source leaves one record and one summary, not thousands', async () => {
    const source = '10.77.0.1'
    for (let i = 0; i < 50; i++) {
      const res = await hub.app.inject({
        method: 'GET',
        url: '/v1/whoami',
        remoteAddress: source,
        headers: { authorization: 'Bearer aaa.bbb.ccc' },
      })
      expect(res.statusCode).toBe(401)
    }
    const first = await hub.database
      .db('audit_records')
      .where({ client_address: source, action: 'auth.failed' })
    expect(first).toHaveLength(1)
    expect(first[0].reason).toBe('token-invalid')

    // The next failure after the interval closes it: the 49 others are one summary record.
    await new Promise((resolve) => setTimeout(resolve, 1100))
    await hub.app.inject({
      method: 'GET',
      url: '/v1/whoami',
      remoteAddress: source,
      headers: { authorization: 'Bearer a.b.c' },
    })
    const summaries = await hub.database
      .db('audit_records')
      .where({ client_address: source, action: 'auth.failed.summary' })
    expect(
      summaries.map((r) => (typeof r.details === 'string' ? JSON.parse(r.details) : r.details).count),
    ).toEqual([49])

    const auditor = await hub.token({ roles: ['auditor'], subject: `a-${randomUUID()}` })
    const from = new Date(Date.now() - 3_600_000).toISOString()
    const to = new Date(Date.now() + 60_000).toISOString()
    const report = await hub.app.inject({
      method: 'GET',
      url: `/v1/audit/anomalies?kind=failed-authentications&from=${from}&to=${to}`,
      headers: { authorization: `Bearer ${auditor}` },
    })
    expect(report.statusCode).toBe(200)
    const finding = report
      .json()
      .items.find((f: { principal: string }) => f.principal === `unauthenticated:${source}`)
    expect(finding.count).toBeGreaterThanOrEqual(51)
  })
})
