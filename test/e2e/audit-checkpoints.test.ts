import type { FastifyInstance } from 'fastify'
import { compactVerify, createLocalJWKSet } from 'jose'
import { describe, expect, it, vi } from 'vitest'
import { CHECKPOINT_JOB } from '../../audit/audit-feature.ts'
import { useTestApp } from '../support/test-app.ts'

// An access is recorded; the background job signs the chain head; an outside party checks the
// signature with the published key; the citizen sees who looked at their data; then an owner rewrites
// the trail and recomputes every hash, and only the signed checkpoint gives it away.
const hub = useTestApp({
  extend: (app: FastifyInstance) => {
    app.get('/test/fetch/:subject', async (request) => {
      const { subject } = request.params as { subject: string }
      await request.ctx.audit.record({
        action: 'exchange.fetch',
        resourceType: 'resource',
        resourceId: 'HRSS-001',
        subjectId: subject,
        items: ['name'],
        purpose: 'unemployment benefit',
        caseNumber: 'C-2026-0042',
        outcome: 'allowed',
      })
      return { name: '张*' }
    })
  },
})

const CITIZEN = '14100019900101001X'

async function as(roles: ('auditor' | 'clerk' | 'citizen')[], url: string, subject?: string) {
  const token = await hub.token({ roles, subject, department: roles.includes('citizen') ? null : 'lf-hrss' })
  return hub.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } })
}

describe('signed audit checkpoints, end to end', () => {
  it('anchors the trail outside the database so that even a recomputed chain is caught', async () => {
    expect((await as(['clerk'], `/test/fetch/${CITIZEN}`, 'clerk-5')).statusCode).toBe(200)
    expect((await as(['clerk'], `/test/fetch/${CITIZEN}`, 'clerk-5')).statusCode).toBe(200)

    // The scheduled job, run through the real queue.
    await hub.app.jobs.startWorkers()
    await hub.app.jobs.enqueue(CHECKPOINT_JOB, {})
    const checkpoint = await vi.waitFor(
      async () => {
        const row = await hub.database.db('audit_checkpoints').orderBy('id', 'desc').first()
        if (!row) throw new Error('no checkpoint yet')
        return row
      },
      { timeout: 20_000, interval: 100 },
    )
    expect(checkpoint.reason).toBe('scheduled')

    const jwks = (await hub.app.inject({ method: 'GET', url: '/v1/audit/checkpoint-keys' })).json()
    const { payload } = await compactVerify(checkpoint.jws, createLocalJWKSet(jwks))
    expect(JSON.parse(new TextDecoder().decode(payload))).toMatchObject({ lastId: 2 })

    const mine = await as(['citizen'], '/v1/audit/my-accesses', CITIZEN)
    expect(mine.json().items).toEqual([
      expect.objectContaining({
        department: 'lf-hrss',
        purpose: 'unemployment benefit',
        caseNumber: 'C-2026-0042',
      }),
      expect.objectContaining({ department: 'lf-hrss', caseNumber: 'C-2026-0042' }),
    ])
    expect(mine.body).not.toContain('clerk-5')
    expect((await as(['auditor'], '/v1/audit/verify')).json()).toMatchObject({ ok: true })

    // The owner erases the purpose of record 1 and re-links everything after it.
    await hub.database.db.transaction(async (trx) => {
      await trx.raw('set local session_replication_role = replica')
      await trx.raw(`
        do $$
        declare r record; prev text := repeat('0', 64);
        begin
          update audit_records set purpose = null where id = 1;
          for r in select id from audit_records order by id loop
            update audit_records set prev_hash = prev where id = r.id;
            update audit_records a set hash = audit_record_hash(a) where id = r.id returning hash into prev;
          end loop;
          update audit_chain_head set last_hash = prev;
        end $$`)
    })
    const verdict = (await as(['auditor'], '/v1/audit/verify')).json()
    expect(verdict).toMatchObject({
      ok: false,
      checked: expect.any(Number),
      checkpoints: {
        firstBroken: { checkpointId: Number(checkpoint.id), lastId: 2, problem: 'hash-differs' },
      },
    })
    expect(verdict.firstBroken).toBeUndefined()
  })
})
