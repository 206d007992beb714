import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { canonicalJson } from '../platform/crypto/canonical-json.ts'
import { useTestDatabase } from '../test/support/test-database.ts'
import { hashSubject, maskSubject } from './audit-chain.ts'
import { verifyChain } from './audit-verify.ts'
import { type AuditEntry, AuditWriter } from './audit-writer.ts'

const database = useTestDatabase()
const KEY = Buffer.from('test-audit-subject-key-0123456789')

// Any well-formed text PostgreSQL can store: every plane, control characters, quotes, backslashes.
const text = fc.string({ unit: 'binary', maxLength: 40 }).filter((s) => !s.includes('\u0000'))
const maybe = fc.option(text, { nil: null })
const storableJson = fc.jsonValue({ maxDepth: 3 }).filter((v) => !JSON.stringify(v).includes('\\u0000'))

const entry: fc.Arbitrary<AuditEntry> = fc.record({
  principal: text.filter((s) => s.length > 0),
  department: maybe,
  roles: fc.array(text, { maxLength: 3 }),
  action: text.filter((s) => s.length > 0),
  resourceType: text.filter((s) => s.length > 0),
  resourceId: maybe,
  subjectId: maybe,
  items: fc.array(text, { maxLength: 4 }),
  purpose: maybe,
  caseNumber: maybe,
  grantId: maybe,
  outcome: fc.constantFrom('allowed' as const, 'denied' as const),
  reason: maybe,
  requestId: maybe,
  clientAddress: maybe,
  details: fc.option(fc.dictionary(text, storableJson, { maxKeys: 4 }), { nil: null }),
})

describe('the hashed serialization', () => {
  it('is computed identically by the writer (JavaScript) and by PostgreSQL', async () => {
    const db = database.db
    const writer = new AuditWriter({ db, subjectKey: KEY })
    const entries = fc.sample(entry, { numRuns: 2_000, seed: 20261126 })
    await Promise.all(entries.map((e) => writer.record(e)))
    await writer.close()
    const { rows } = await db.raw(
      'select id from audit_records a where hash <> audit_record_hash(a) order by id limit 5',
    )
    expect(rows).toEqual([])
    expect(await verifyChain(db, { batchSize: 300 })).toEqual({ ok: true, checked: 2_000 })
  })

  it('sorts object keys at every level', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { f: 2, e: 1 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[1,{"e":1,"f":2}]},"b":1}',
    )
  })
})

describe('subject identifiers', () => {
  it('hash with the key, ignoring case and surrounding space', () => {
    expect(hashSubject(KEY, ' 14100019900101001x ')).toBe(hashSubject(KEY, '14100019900101001X'))
    expect(hashSubject(KEY, '14100019900101001X')).not.toBe(
      hashSubject(Buffer.from('another-key-0123456789abcdef'), '14100019900101001X'),
    )
  })

  it('mask resident IDs as the identifiers module does, and anything else by its middle', () => {
    expect(maskSubject('14100019900101001X')).toBe('141000********001X')
    expect(maskSubject('91141000MA0K1234X5')).toBe('9114**********34X5')
    expect(maskSubject('abc')).toBe('***')
  })
})
