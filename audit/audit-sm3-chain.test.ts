import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { useTestDatabase } from '../test/support/test-database.ts'
import { verifyChain } from './audit-verify.ts'
import { type AuditEntry, AuditWriter } from './audit-writer.ts'

const database = useTestDatabase()
const KEY = Buffer.from('test-audit-subject-key-0123456789')

const entry = (i: number): AuditEntry => ({
  principal: `clerk-${i}`,
  department: 'lf-hall',
  roles: ['clerk'],
  action: 'exchange.fetch',
  resourceType: 'resource',
  resourceId: 'HRSS-001',
  subjectId: '11010519491231002X',
  items: ['name', '姓名'],
  purpose: 'case handling',
  caseNumber: `C-${i}`,
  outcome: 'allowed',
  details: { n: i, note: '受理 ✓' },
})

async function write(algorithm: 'sha256' | 'sm3', from: number, n: number): Promise<void> {
  const writer = new AuditWriter({ db: database.db, subjectKey: KEY, hashAlgorithm: algorithm })
  await Promise.all(Array.from({ length: n }, (_, i) => writer.record(entry(from + i))))
  await writer.close()
}

describe('an audit chain hashed with SM3 (AUDIT_HASH_ALGORITHM=sm3)', () => {
  it('switches at a visible record, hashes each record its way, and verifies in PostgreSQL', async () => {
    await write('sha256', 0, 50)
    await write('sm3', 50, 150)
    const rows = await database.db('audit_records').orderBy('id').select('id', 'hash_alg')
    expect(rows.slice(0, 50).every((r) => r.hash_alg === 'sha256')).toBe(true)
    expect(rows.slice(50).every((r) => r.hash_alg === 'sm3')).toBe(true)
    // pgcrypto's SM3 is the standard's (GB/T 32905 example "abc"), the same as Node's.
    const { rows: abc } = await database.db.raw(`select encode(digest('abc', 'sm3'), 'hex') as h`)
    expect(abc[0].h).toBe(createHash('sm3').update('abc').digest('hex'))
    expect(abc[0].h).toBe('66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0')
    expect(await verifyChain(database.db, { batchSize: 64 })).toEqual({ ok: true, checked: 200 })
  })

  it('finds a record whose algorithm was relabelled, as it finds an edited one', async () => {
    const id = 120
    await database.db.transaction(async (trx) => {
      await trx.raw('set local session_replication_role = replica')
      await trx.raw(`update audit_records set hash_alg = 'sha256' where id = ?`, [id])
    })
    expect(await verifyChain(database.db, { batchSize: 64 })).toMatchObject({
      ok: false,
      firstBroken: { id, problem: 'hash-mismatch' },
    })
  })
})
