import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Principal } from '../schemas/generated/types.ts'
import { asSubject, buildAuthorization, can, type GrantFacts, grantFor, permittedItems } from './ability.ts'
import { ROLES } from './roles.ts'

/**
 * The ability against a deliberately naive reference model of the sharing rules, on random principals,
 * grants and records: the CASL compilation must never allow what no grant (or a citizen's own-data rule)
 * allows, and never deny what one does.
 */

const NOW = new Date('2026-06-01T00:00:00Z').getTime()
const DAY = 86_400_000
const DEPARTMENTS = ['D1', 'D2', 'D3']
const SUBJECTS = ['s1', 's2', 'svc']
const ITEMS = ['gmsfhm', 'xm', 'sjhm', 'jfjs']
const DISTRICTS = ['141002', '141021', '141081']
const PURPOSES = ['p1', 'p2']

interface RecordFacts {
  resourceId: string
  version: number
  purposeCode: string
  district: string
  applicantOfOpenCase: boolean
  holder: string
}

const principalArb = fc.record({
  subject: fc.constantFrom(...SUBJECTS),
  department: fc.option(fc.constantFrom(...DEPARTMENTS), { nil: null }),
  roles: fc.subarray([...ROLES], { minLength: 1 }),
  district: fc.constant(null),
}) as fc.Arbitrary<Principal>

const grantArb: fc.Arbitrary<GrantFacts> = fc
  .record({
    id: fc.uuid(),
    resourceId: fc.constantFrom('1', '2', '3'),
    consumerDepartment: fc.constantFrom(...DEPARTMENTS),
    subjects: fc.subarray(SUBJECTS),
    versionFrom: fc.integer({ min: 1, max: 3 }),
    span: fc.option(fc.integer({ min: 0, max: 2 }), { nil: null }),
    items: fc.subarray(ITEMS, { minLength: 1 }),
    applicantOfOpenCase: fc.boolean(),
    districtIn: fc.option(fc.subarray(DISTRICTS, { minLength: 1 }), { nil: undefined }),
    purposeCode: fc.constantFrom(...PURPOSES),
    startDays: fc.integer({ min: -30, max: 5 }),
    lengthDays: fc.integer({ min: 1, max: 60 }),
    status: fc.constantFrom('active', 'active', 'revoked', 'expired'),
  })
  .map((g) => ({
    id: g.id,
    resourceId: g.resourceId,
    consumerDepartment: g.consumerDepartment,
    subjects: g.subjects,
    versionFrom: g.versionFrom,
    versionTo: g.span === null ? null : g.versionFrom + g.span,
    items: g.items,
    rowConditions: {
      ...(g.applicantOfOpenCase ? { applicantOfOpenCase: true } : {}),
      ...(g.districtIn ? { districtIn: g.districtIn } : {}),
    },
    masking: {},
    purposeCode: g.purposeCode,
    validFrom: new Date(NOW + g.startDays * DAY),
    validUntil: new Date(NOW + (g.startDays + g.lengthDays) * DAY),
    status: g.status as GrantFacts['status'],
    rateLimitPerMinute: null,
    dailyVolumeCap: null,
  }))

const recordArb: fc.Arbitrary<RecordFacts> = fc.record({
  resourceId: fc.constantFrom('1', '2', '3'),
  version: fc.integer({ min: 1, max: 6 }),
  purposeCode: fc.constantFrom(...PURPOSES),
  district: fc.constantFrom(...DISTRICTS),
  applicantOfOpenCase: fc.boolean(),
  holder: fc.constantFrom(...SUBJECTS, 'someone-else'),
})

/** The sharing rules written out by hand, one condition per line. */
function referenceAllows(p: Principal, grants: readonly GrantFacts[], r: RecordFacts, item: string): boolean {
  if (p.roles.includes('citizen') && r.holder === p.subject) return true
  const usesGrants = p.roles.some((role) => role === 'consumer' || role === 'clerk' || role === 'service')
  return grants.some(
    (g) =>
      usesGrants &&
      g.status === 'active' &&
      p.department !== null &&
      g.consumerDepartment === p.department &&
      (g.subjects.length === 0 || g.subjects.includes(p.subject)) &&
      g.validFrom.getTime() <= NOW &&
      NOW < g.validUntil.getTime() &&
      g.resourceId === r.resourceId &&
      r.version >= g.versionFrom &&
      (g.versionTo === null || r.version <= g.versionTo) &&
      g.purposeCode === r.purposeCode &&
      (!g.rowConditions.applicantOfOpenCase || r.applicantOfOpenCase) &&
      (!g.rowConditions.districtIn || g.rowConditions.districtIn.includes(r.district)) &&
      g.items.includes(item),
  )
}

describe('ability vs the reference model', () => {
  it('agrees on every item of every random record (no access outside a grant, ever)', () => {
    fc.assert(
      fc.property(
        principalArb,
        fc.array(grantArb, { maxLength: 8 }),
        fc.array(recordArb, { minLength: 1, maxLength: 5 }),
        (p, grants, records) => {
          const authz = buildAuthorization(p, grants, new Date(NOW))
          for (const r of records) {
            const subject = asSubject('Record', { ...r })
            const expected = ITEMS.filter((item) => referenceAllows(p, grants, r, item))
            // Both the per-resource fast path and the one ability with every rule.
            for (const item of ITEMS) {
              expect(can(authz, 'fetch', subject, item)).toBe(expected.includes(item))
              expect(can(authz.ability, 'fetch', subject, item)).toBe(expected.includes(item))
            }
            expect(permittedItems(authz, subject, ITEMS)).toEqual(expected)
            expect(permittedItems(authz.ability, subject, ITEMS)).toEqual(expected)
            expect(can(authz, 'fetch', subject)).toBe(expected.length > 0)
            // The grant named for the audit trail really covers the record and the item.
            for (const item of expected) {
              const grant = grantFor(authz, subject, item)
              if (grant) expect(referenceAllows(p, [grant], r, item)).toBe(true)
            }
          }
        },
      ),
      { numRuns: 1500 },
    )
  })
})
