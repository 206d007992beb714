import { describe, expect, it } from 'vitest'
import type { Principal } from '../schemas/generated/types.ts'
import { buildAuthorization } from './ability.ts'
import {
  canAnswer,
  canRaise,
  canRead,
  canRespond,
  canRule,
  canSeeSourceRecordKey,
  type Decision,
  OBJECTION_HIDDEN,
  qualityScope,
  readsEveryObjection,
} from './objection-policy.ts'
import type { Role } from './roles.ts'

// The objection rules as CASL answers them (exchange-rules.ts), asked through objection-policy.ts:
// an objection of consumer department C against provider P; every role, in C, P or elsewhere (X).
const facts = { objectorDepartment: 'C', providerDepartment: 'P' }
const principal = (role: Role, department: string | null): Principal => ({
  subject: `${role}-${department}`,
  department,
  roles: [role],
  district: null,
})
const who = (role: Role, department: string | null) =>
  buildAuthorization(principal(role, department), [], new Date())
// How the service answers a denial: a hidden objection as 404, anything else as 403.
const outcome = (d: Decision) => (d.allowed ? 'ok' : d.reason === OBJECTION_HIDDEN ? 404 : 403)

describe('objection rules (CASL) and their reasons', () => {
  it.each([
    // role, department, read, answer, respond, rule
    ['consumer', 'C', true, 403, 'ok', 403],
    ['clerk', 'C', true, 403, 'ok', 403],
    ['consumer', 'X', false, 404, 404, 404],
    ['steward', 'P', true, 'ok', 403, 403],
    ['steward', 'X', false, 404, 404, 404],
    ['consumer', 'P', false, 404, 404, 404],
    ['reviewer', 'B', true, 403, 403, 'ok'],
    ['admin', 'B', true, 403, 403, 403],
    ['auditor', 'B', true, 403, 403, 403],
    ['citizen', null, false, 404, 404, 404],
  ] as const)(
    '%s of %s: read %s, answer %s, respond %s, rule %s',
    (role, dept, read, answer, respond, rule) => {
      const p = who(role, dept)
      expect(canRead(p, facts)).toBe(read)
      expect(outcome(canAnswer(p, facts))).toBe(answer)
      expect(outcome(canRespond(p, facts))).toBe(respond)
      expect(outcome(canRule(p, facts))).toBe(rule)
    },
  )

  it.each([
    ['consumer', 'resource', 'ok'],
    ['consumer', 'record', 'ok'],
    ['consumer', 'certificate', 403],
    ['clerk', 'certificate', 'ok'],
    ['clerk', 'record', 'ok'],
    ['steward', 'record', 403],
    ['reviewer', 'resource', 403],
  ] as const)('%s may raise on a %s: %s', (role, target, expected) => {
    expect(outcome(canRaise(who(role, 'C'), 'C', target))).toBe(expected)
  })

  it.each([
    // role, department, sees the provider's own record key, reads every objection
    ['steward', 'P', true, false],
    ['steward', 'C', false, false],
    ['consumer', 'C', false, false],
    ['reviewer', 'B', false, true],
    ['auditor', 'B', false, true],
    ['clerk', 'C', false, false],
  ] as const)('%s of %s: source key %s, every objection %s', (role, dept, sourceKey, every) => {
    expect(canSeeSourceRecordKey(who(role, dept), facts)).toBe(sourceKey)
    expect(readsEveryObjection(who(role, dept))).toBe(every)
  })

  it('quality figures: oversight all, stewards their own department, others none', () => {
    expect(qualityScope(who('reviewer', 'B'))).toEqual({ allowed: true, department: null })
    expect(qualityScope(who('steward', 'P'))).toEqual({ allowed: true, department: 'P' })
    expect(qualityScope(who('consumer', 'C'))).toEqual({ allowed: false })
  })
})
