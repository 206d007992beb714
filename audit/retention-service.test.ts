import { randomBytes } from 'node:crypto'
import { readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { gunzipSync } from 'node:zlib'
import { afterAll, describe, expect, it } from 'vitest'
import { useTestApp } from '../test/support/test-app.ts'
import { type ChainedRecord, hashRecord } from './audit-chain.ts'
import { AuditWriter } from './audit-writer.ts'
import { retentionCutoff } from './retention-service.ts'

const ARCHIVE_DIR = path.join(tmpdir(), `hub-audit-archive-${randomBytes(4).toString('hex')}`)
const hub = useTestApp({ env: { AUDIT_RETENTION_MONTHS: '12', AUDIT_ARCHIVE_DIR: ARCHIVE_DIR } })
const KEY = Buffer.from('test-audit-subject-key-0123456789abcdef')
afterAll(() => rm(ARCHIVE_DIR, { recursive: true, force: true }))

/** The first of the month `monthsAgo` months before this one, plus a few days (UTC). */
function monthsAgo(n: number): number {
  const now = new Date()
  return Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - n, 10, 3, 0, 0)
}

/** Records as if written back then: a writer with its clock set to the past, extending the one chain. */
async function writeAt(time: number, n: number): Promise<void> {
  const writer = new AuditWriter({ db: hub.database.db, subjectKey: KEY, now: () => time })
  for (let i = 0; i < n; i++) {
    await writer.record({
      principal: 'clerk-old',
      department: 'lf-hall',
      roles: ['clerk'],
      action: 'exchange.fetch',
      resourceType: 'resource',
      subjectId: '14100019900101001X',
      caseNumber: `C-old-${i}`,
      outcome: 'allowed',
    })
  }
  await writer.close()
}

const partitionExists = async (time: number) => {
  const name = `audit_records_p${new Date(time).toISOString().slice(0, 7).replace('-', '')}`
  const { rows } = await hub.database.db.raw('select to_regclass(?) as t', [name])
  return rows[0].t !== null
}

describe('retention', () => {
  it('never cuts inside the last six months, whatever is configured', () => {
    expect(retentionCutoff(new Date('2026-11-26T12:00:00Z'), 12)).toBe('2025-11-01')
    expect(retentionCutoff(new Date('2026-11-26T12:00:00Z'), 2)).toBe('2026-05-01')
  })

  it('archives, anchors and drops months past the retention; the rest still verifies', async () => {
    const old = monthsAgo(14)
    const recent = monthsAgo(3)
    await writeAt(old, 5)
    await writeAt(recent, 3)
    await hub.app.audit.writer.record({
      principal: 'clerk-now',
      department: 'lf-hall',
      roles: ['clerk'],
      action: 'exchange.fetch',
      resourceType: 'resource',
      caseNumber: 'C-now',
      outcome: 'allowed',
    })

    const archived = await hub.app.services.audit.retention.run()
    expect(archived).toEqual([
      expect.objectContaining({ records: 5, firstId: 1, lastId: 5, checkpointId: expect.any(Number) }),
    ])
    expect(await partitionExists(old)).toBe(false)
    expect(await partitionExists(recent)).toBe(true)

    // The archive holds every hashed field, so each record can be re-verified offline.
    const lines = gunzipSync(await readFile(path.join(ARCHIVE_DIR, archived[0]!.file!)))
      .toString('utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l))
    expect(lines.map((l) => l.case_number)).toEqual(['C-old-0', 'C-old-1', 'C-old-2', 'C-old-3', 'C-old-4'])
    for (const l of lines) {
      const record: ChainedRecord = {
        id: l.id,
        occurredAtMicros: BigInt(l.occurred_at_micros),
        principal: l.principal,
        department: l.department,
        roles: l.roles,
        action: l.action,
        resourceType: l.resource_type,
        resourceId: l.resource_id,
        subjectHash: l.subject_hash,
        subjectMasked: l.subject_masked,
        items: l.items,
        purpose: l.purpose,
        caseNumber: l.case_number,
        grantId: l.grant_id,
        outcome: l.outcome,
        reason: l.reason,
        requestId: l.request_id,
        clientAddress: l.client_address,
        details: l.details,
        prevHash: l.prev_hash,
      }
      expect(hashRecord(record)).toBe(l.hash)
    }

    const token = await hub.token({ roles: ['auditor'] })
    const verify = await hub.app.inject({
      method: 'GET',
      url: '/v1/audit/verify',
      headers: { authorization: `Bearer ${token}` },
    })
    expect(verify.json()).toMatchObject({
      ok: true,
      anchor: { checkpointId: archived[0]!.checkpointId, lastId: 5 },
      checkpoints: { checked: 1 },
    })
    const note = await hub.database.db('audit_records').where({ action: 'audit.retention.drop' }).first()
    expect(JSON.parse(note.details)).toMatchObject({ records: 5, sha256: archived[0]!.sha256 })
  })

  it('the anchor is what lets verification check the first kept link', async () => {
    // An owner re-links the oldest kept record to something else: without the anchor this link
    // would be taken on trust.
    await hub.database.db.transaction(async (trx) => {
      await trx.raw('set local session_replication_role = replica')
      await trx.raw(`update audit_records set prev_hash = repeat('f', 64) where id = 6`)
    })
    const token = await hub.token({ roles: ['auditor'] })
    const verify = await hub.app.inject({
      method: 'GET',
      url: '/v1/audit/verify',
      headers: { authorization: `Bearer ${token}` },
    })
    expect(verify.json()).toMatchObject({ ok: false, firstBroken: { id: 6, problem: 'broken-link' } })
  })

  it('PostgreSQL itself refuses to drop a month within six months', async () => {
    await expect(
      hub.database.db.raw('select audit_drop_partition(?::date, 1)', [
        new Date(monthsAgo(3)).toISOString().slice(0, 10),
      ]),
    ).rejects.toThrow(/within the retention of 6 months/)
    expect(await partitionExists(monthsAgo(3))).toBe(true)
  })
})
