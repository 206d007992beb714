import knex from 'knex'
import { describe, expect, it } from 'vitest'
import type { Principal } from '../schemas/generated/types.ts'
import { buildAuthorization } from './ability.ts'
import { toKnexWhere } from './knex-where.ts'

// A pg-dialect builder without a connection: only SQL text is produced.
const sql = knex({ client: 'pg' })
const COLUMNS = {
  consumerDepartment: 'r.consumer_department',
  providerDepartment: 'r.provider_department',
  requestedBy: 'r.requested_by',
}
const NOW = new Date('2026-06-01T00:00:00Z')
const whereFor = (principal: Principal) =>
  sql('r')
    .select('id')
    .where(toKnexWhere(buildAuthorization(principal, [], NOW).ability, 'read', 'AccessRequest', COLUMNS))
    .toString()

describe('toKnexWhere', () => {
  it('ORs the conditions of every rule a principal holds', () => {
    expect(whereFor({ subject: 'me', department: 'D', roles: ['consumer', 'steward'], district: null })).toBe(
      `select "id" from "r" where ((("r"."provider_department" = 'D') or ("r"."consumer_department" = 'D')))`,
    )
  })

  it('adds no condition for a role that reads everything', () => {
    expect(
      whereFor({ subject: 'me', department: 'D', roles: ['reviewer', 'consumer'], district: null }),
    ).toBe('select "id" from "r"')
  })

  it('matches nothing without a rule', () => {
    expect(whereFor({ subject: 'me', department: 'D', roles: ['clerk'], district: null })).toBe(
      'select "id" from "r" where (false)',
    )
  })

  it('refuses a field it cannot map instead of widening the list', () => {
    const { ability } = buildAuthorization(
      { subject: 'me', department: 'D', roles: ['consumer'], district: null },
      [],
      NOW,
    )
    expect(() =>
      sql('r')
        .where(toKnexWhere(ability, 'read', 'AccessRequest', {}))
        .toString(),
    ).toThrow(/no column/)
  })
})
