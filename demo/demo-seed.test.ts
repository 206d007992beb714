import { describe, expect, it } from 'vitest'
import { demoDepartments } from '../adapters/simulator-kit/demo-departments.ts'
import { validateCreditCode } from '../platform/identifiers/credit-code.ts'
import { isKnownDivision } from '../platform/identifiers/division-codes.ts'
import { useTestDatabase } from '../test/support/test-database.ts'
import { seedDemoData } from './demo-seed.ts'

const t = useTestDatabase()

describe('demo seed', () => {
  it('uses valid credit codes and known division codes', () => {
    for (const d of demoDepartments()) {
      expect(validateCreditCode(d.credit_code), d.code).toMatchObject({ ok: true })
      expect(isKnownDivision(d.division_code), d.code).toBe(true)
    }
  })

  it('seeds the Linfen departments once, however often it runs', async () => {
    await seedDemoData(t.db)
    await seedDemoData(t.db)
    const rows = await t.db('departments').select('code', 'parent_code').orderBy('code')
    expect(rows).toHaveLength(demoDepartments().length)
    expect(rows.find((r) => r.code === 'yd-approval')?.parent_code).toBe('lf-approval')
  })
})
