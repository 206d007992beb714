import type { Knex } from 'knex'
import { computeCreditCodeCheck, computeOrganizationCodeCheck } from '../../platform/identifiers/index.ts'

/** A credit code with both check characters right (registration dept 1, type 1: a government organ). */
export function organCreditCode(division: string, orgBody8: string): string {
  const first17 = `11${division}${orgBody8}${computeOrganizationCodeCheck(orgBody8)}`
  return first17 + computeCreditCodeCheck(first17)
}

/** Row counts of everything a department write may touch, to prove a rejected request wrote nothing. */
export async function writeCounts(db: Knex): Promise<{ departments: number; outbox: number; keys: number }> {
  const count = async (table: string) => Number((await db(table).count({ n: '*' }).first())?.n ?? 0)
  return {
    departments: await count('departments'),
    outbox: await count('outbox'),
    keys: await count('idempotency_keys'),
  }
}
