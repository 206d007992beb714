import type { Knex } from 'knex'
import { describe, expect, it } from 'vitest'
import { useTestDatabase } from '../test/support/test-database.ts'
import { hashSubject } from './audit-chain.ts'
import { verifyChain } from './audit-verify.ts'
import { type AuditEntry, AuditWriter } from './audit-writer.ts'

const database = useTestDatabase()
const KEY = Buffer.from('test-audit-subject-key-0123456789')

function entry(n: number, overrides: Partial<AuditEntry> = {}): AuditEntry {
  return {
    principal: `clerk-${n % 7}`,
    department: 'lf-hall',
    roles: ['clerk'],
    action: 'exchange.fetch',
    resourceType: 'resource',
    resourceId: 'HRSS-001',
    subjectId: '14100019900101001X',
    items: ['name', 'insured_months'],
    purpose: 'housing fund withdrawal',
    caseNumber: `C-${n}`,
    grantId: 'g-1',
    outcome: n % 5 === 0 ? 'denied' : 'allowed',
    reason: n % 5 === 0 ? 'grant-expired' : null,
    requestId: `req-${n}`,
    clientAddress: '10.0.0.1',
    details: { n, nested: { b: 1, a: [1, 'x'] } },
    ...overrides,
  }
}

/** Tampering the way an attacker with superuser rights would: with the append-only trigger off. */
async function tamper(db: Knex, sql: string, bindings: readonly Knex.RawBinding[] = []): Promise<void> {
  await db.transaction(async (trx) => {
    await trx.raw('set local session_replication_role = replica')
    await trx.raw(sql, bindings)
  })
}

describe('AuditWriter and verifyChain', () => {
  it('writes 10,000 concurrent records in few transactions, as one valid chain', async () => {
    const db = database.db
    const writer = new AuditWriter({ db, subjectKey: KEY })
    const receipts = await Promise.all(Array.from({ length: 10_000 }, (_, i) => writer.record(entry(i))))
    await writer.close()

    const ids = receipts.map((r) => r.id).sort((a, b) => a - b)
    expect(ids[0]).toBe(1)
    expect(ids[9_999]).toBe(10_000)
    expect(new Set(ids).size).toBe(10_000)
    const { rows } = await db.raw('select count(*)::int as n from audit_records')
    expect(rows[0].n).toBe(10_000)
    expect(writer.stats.records).toBe(10_000)
    expect(writer.stats.flushes).toBeLessThan(100)
    expect(await verifyChain(db, { batchSize: 3_000 })).toEqual({ ok: true, checked: 10_000 })
  })

  it('keeps one chain when two writers (two hub instances) append at the same time', async () => {
    const db = database.db
    const a = new AuditWriter({ db, subjectKey: KEY, maxBatch: 7 })
    const b = new AuditWriter({ db, subjectKey: KEY, maxBatch: 11 })
    const receipts = await Promise.all(
      Array.from({ length: 2_000 }, (_, i) => (i % 2 === 0 ? a : b).record(entry(i))),
    )
    await Promise.all([a.close(), b.close()])

    const ids = receipts.map((r) => r.id)
    expect(new Set(ids).size).toBe(2_000)
    expect(Math.max(...ids) - Math.min(...ids)).toBe(1_999)
    // Each writer has found the head moved by the other at least once, and recovered.
    expect(a.stats.headConflicts + b.stats.headConflicts).toBeGreaterThan(0)
    const { rows } = await db.raw('select count(*)::int as n from audit_records')
    expect(await verifyChain(db, { batchSize: 500 })).toEqual({ ok: true, checked: rows[0].n })
  })

  it('stores the subject only as a keyed hash and a masked form', async () => {
    const writer = new AuditWriter({ db: database.db, subjectKey: KEY })
    const { id } = await writer.record(entry(1, { subjectId: '14100019900101001x' }))
    const row = await database.db('audit_records').where({ id }).first()
    expect(row.subject_hash).toBe(hashSubject(KEY, '14100019900101001X'))
    expect(row.subject_masked).toBe('141000********001X')
    expect(JSON.stringify(row)).not.toContain('19900101')
  })

  it('refuses UPDATE, DELETE and TRUNCATE in PostgreSQL itself', async () => {
    const db = database.db
    await expect(db.raw(`update audit_records set purpose = 'x' where id = 1`)).rejects.toThrow(/append-only/)
    await expect(db.raw('delete from audit_records where id = 1')).rejects.toThrow(/append-only/)
    await expect(db.raw('truncate audit_records')).rejects.toThrow(/append-only/)
    const { rows } = await db.raw(`select tableoid::regclass::text as part from audit_records limit 1`)
    await expect(db.raw(`truncate ${rows[0].part}`)).rejects.toThrow(/append-only/)
  })

  it('rejects an entry PostgreSQL could not store, without failing the others', async () => {
    const writer = new AuditWriter({ db: database.db, subjectKey: KEY })
    const bad = writer.record(entry(2, { purpose: 'a\u0000b' }))
    const halfPair = writer.record(entry(2, { details: { note: 'x\uD83D' } }))
    const good = writer.record(entry(3, { details: { note: '\uD83D\uDE00' } }))
    await expect(bad).rejects.toThrow(/NUL/)
    await expect(halfPair).rejects.toThrow(/surrogate/)
    await expect(good).resolves.toMatchObject({ id: expect.any(Number) })
  })

  it('detects a changed row, naming it', async () => {
    const db = database.db
    await tamper(db, `update audit_records set purpose = 'curiosity' where id = 7`)
    expect(await verifyChain(db)).toEqual({
      ok: false,
      checked: 6,
      firstBroken: { id: 7, problem: 'hash-mismatch' },
    })
    // Verifying a range that starts after the damage passes; one that includes it fails.
    expect((await verifyChain(db, { fromId: 8, toId: 100 })).ok).toBe(true)
    expect((await verifyChain(db, { fromId: 3, toId: 100 })).firstBroken).toEqual({
      id: 7,
      problem: 'hash-mismatch',
    })
  })

  it('detects a forged hash at the next link', async () => {
    const db = database.db
    await tamper(db, `update audit_records set hash = repeat('a', 64) where id = 20`)
    expect((await verifyChain(db, { fromId: 19, toId: 30 })).firstBroken).toEqual({
      id: 20,
      problem: 'hash-mismatch',
    })
    // Starting after the forged row, the next record no longer links to what is stored before it.
    expect((await verifyChain(db, { fromId: 21, toId: 30 })).firstBroken).toEqual({
      id: 21,
      problem: 'broken-link',
    })
  })

  it('detects a deleted row as a gap', async () => {
    const db = database.db
    await tamper(db, 'delete from audit_records where id = 500')
    expect(await verifyChain(db, { fromId: 100 })).toMatchObject({
      ok: false,
      checked: 400,
      firstBroken: { id: 500, problem: 'gap' },
    })
  })

  it('detects two swapped rows', async () => {
    const db = database.db
    await tamper(db, 'update audit_records set id = -1 where id = 1000')
    await tamper(db, 'update audit_records set id = 1000 where id = 1001')
    await tamper(db, 'update audit_records set id = 1001 where id = -1')
    expect((await verifyChain(db, { fromId: 900 })).firstBroken).toEqual({ id: 1000, problem: 'broken-link' })
  })

  it('detects records cut off the end of the chain', async () => {
    const db = database.db
    const { rows } = await db.raw('select max(id)::int as last from audit_records')
    await tamper(db, 'delete from audit_records where id = ?', [rows[0].last])
    expect((await verifyChain(db, { fromId: 9_990 })).firstBroken).toEqual({
      id: rows[0].last,
      problem: 'gap',
    })
  })
})
