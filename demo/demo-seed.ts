import type { Knex } from 'knex'
import { demoDepartments } from '../adapters/simulator-kit/demo-departments.ts'

/**
 * Demo data for the embedded default: Linfen's departments and their service items (reference city,
 * seed data only — nothing in the code depends on it). Idempotent: re-running changes nothing.
 */
export async function seedDemoData(db: Knex): Promise<void> {
  const departments = demoDepartments()
  // Parents first, so the self-reference holds.
  for (const level of ['province', 'city', 'county']) {
    const rows = departments.filter((d) => d.level === level)
    if (rows.length) await db('departments').insert(rows).onConflict('code').ignore()
  }
  // Short names came later: fill them into a database seeded before, never over one an admin set.
  for (const d of departments) {
    await db('departments')
      .where({ code: d.code })
      .whereNull('short_name')
      .update({ short_name: d.short_name })
  }
}
