import type { FastifyInstance } from 'fastify'
import { describe, expect, it } from 'vitest'
import { useTestApp } from '../support/test-app.ts'

// A security officer's day: an audited access, a nosy colleague refused (and recorded), a search by
// citizen, then someone edits the trail directly in PostgreSQL and the verify endpoint names the row.
const hub = useTestApp({
  extend: (app: FastifyInstance) => {
    // Stands in for an audited fetch route: the record is durable before the data is returned.
    app.get('/test/fetch/:subject', async (request) => {
      const { subject } = request.params as { subject: string }
      await request.ctx.audit.record({
        action: 'exchange.fetch',
        resourceType: 'resource',
        resourceId: 'HRSS-001',
        subjectId: subject,
        items: ['name', 'insured_months'],
        purpose: 'housing fund withdrawal',
        caseNumber: 'C-2026-0001',
        grantId: 'g-42',
        outcome: 'allowed',
      })
      return { name: '张*' }
    })
  },
})

const CITIZEN = '14100019900101001X'

async function as(roles: ('auditor' | 'clerk')[], url: string, subject?: string) {
  const token = await hub.token({ roles, subject })
  return hub.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } })
}

describe('the audit trail, end to end', () => {
  it("answers who saw a citizen's data, and proves the trail intact until someone edits it", async () => {
    const fetched = await as(['clerk'], `/test/fetch/${CITIZEN}`, 'clerk-wang')
    expect(fetched.statusCode).toBe(200)

    const nosy = await as(['clerk'], '/v1/audit/records', 'clerk-wang')
    expect(nosy.statusCode).toBe(403)

    const seen = await hub.app.inject({
      method: 'POST',
      url: '/v1/audit/records/search',
      payload: { subjectId: CITIZEN, resourceType: 'resource' },
      headers: { authorization: `Bearer ${await hub.token({ roles: ['auditor'] })}` },
    })
    expect(seen.json().items).toEqual([
      expect.objectContaining({
        principal: 'clerk-wang',
        action: 'exchange.fetch',
        caseNumber: 'C-2026-0001',
        grantId: 'g-42',
        subjectMasked: '141000********001X',
        items: ['name', 'insured_months'],
      }),
    ])
    const denied = await as(['auditor'], '/v1/audit/records?principal=clerk-wang&outcome=denied')
    expect(denied.json().items).toHaveLength(1)

    expect((await as(['auditor'], '/v1/audit/verify')).json()).toMatchObject({ ok: true })

    const [{ id }] = seen.json().items
    await hub.database.db.transaction(async (trx) => {
      await trx.raw('set local session_replication_role = replica')
      await trx.raw(`update audit_records set principal = 'someone-else' where id = ?`, [id])
    })
    expect((await as(['auditor'], '/v1/audit/verify')).json()).toMatchObject({
      ok: false,
      firstBroken: { id, problem: 'hash-mismatch' },
    })
  })
})
