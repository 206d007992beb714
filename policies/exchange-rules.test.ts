import knex from 'knex'
import { describe, expect, it } from 'vitest'
import type { Principal } from '../schemas/generated/types.ts'
import { ACTIONS, asSubject, buildAuthorization, can, type SubjectName } from './ability.ts'
import { EXCHANGE_SUBJECTS } from './exchange-rules.ts'
import { toKnexWhere } from './knex-where.ts'
import { ROLES, type Role } from './roles.ts'

/**
 * The exchange's CASL rules, every role × action × subject, for a principal of department D: each case
 * names a concrete subject (P provides, C is another department); the table lists what each role may
 * do, all else is denied. The policies' reason codes are tested beside their services' tests
 * (objection-policy.test.ts, exchange/cases/case-authorization.test.ts).
 */

const CASES: Record<string, [SubjectName, Record<string, unknown>]> = {
  'case-own': ['Case', { department: 'D' }],
  'case-foreign': ['Case', { department: 'C' }],
  'case-granted': ['Case', { department: 'C', grantedTo: ['D'] }],
  'type-own': ['CertificateType', { issuer: 'D' }],
  'type-foreign': ['CertificateType', { issuer: 'C' }],
  'cert-own': ['Certificate', { issuer: 'D' }],
  'cert-foreign': ['Certificate', { issuer: 'C' }],
  'key-own': ['IssuerKey', { department: 'D' }],
  'key-foreign': ['IssuerKey', { department: 'C' }],
  'materials-own': ['MaterialsAvoided', { department: 'D' }],
  'materials-foreign': ['MaterialsAvoided', { department: 'C' }],
  'objection-raised': [
    'Objection',
    { objectorDepartment: 'D', providerDepartment: 'P', targetType: 'record' },
  ],
  'objection-on-certificate': [
    'Objection',
    { objectorDepartment: 'D', providerDepartment: 'P', targetType: 'certificate' },
  ],
  'objection-received': [
    'Objection',
    { objectorDepartment: 'C', providerDepartment: 'D', targetType: 'resource' },
  ],
  'objection-foreign': [
    'Objection',
    { objectorDepartment: 'C', providerDepartment: 'P', targetType: 'record' },
  ],
  'case-webhook': ['CaseWebhook', {}],
}

const CASE_READS = ['read case-own', 'read case-granted', 'list case-own', 'count case-own']
const ALL_CASES = ['case-own', 'case-foreign', 'case-granted']
const ALL_OBJECTIONS = [
  'objection-raised',
  'objection-on-certificate',
  'objection-received',
  'objection-foreign',
]
const every = (action: string, names: readonly string[]) => names.map((name) => `${action} ${name}`)
const OBJECTOR = [
  'read objection-raised',
  'read objection-on-certificate',
  'respond objection-raised',
  'respond objection-on-certificate',
]
const STATISTICS_ALL = [...every('count', ALL_CASES), 'count materials-own', 'count materials-foreign']

const EXPECTED: Record<Role, string[]> = {
  consumer: [
    ...CASE_READS,
    ...every('search', ALL_CASES),
    ...every('backfill', ALL_CASES),
    'create objection-raised',
    'create objection-received',
    'create objection-foreign',
    ...OBJECTOR,
  ],
  clerk: [
    ...CASE_READS,
    'create case-own',
    'fetch case-own',
    ...every('search', ALL_CASES),
    'count materials-own',
    ...every('create', ALL_OBJECTIONS),
    ...OBJECTOR,
  ],
  service: [
    ...CASE_READS,
    'create case-own',
    ...every('search', ALL_CASES),
    ...every('backfill', ALL_CASES),
    'issue cert-own',
    'read cert-own',
  ],
  steward: [
    ...CASE_READS,
    'create type-own',
    'issue cert-own',
    'read cert-own',
    'rotate key-own',
    'count materials-own',
    'read objection-received',
    'answer objection-received',
    'readSourceKey objection-received',
    'count objection-received',
  ],
  reviewer: [
    ...STATISTICS_ALL,
    ...every('list', ALL_CASES),
    'read cert-own',
    'read cert-foreign',
    ...every('read', ALL_OBJECTIONS),
    ...every('rule', ALL_OBJECTIONS),
    ...every('count', ALL_OBJECTIONS),
  ],
  auditor: every('read', ALL_OBJECTIONS),
  admin: [
    ...STATISTICS_ALL,
    ...every('list', ALL_CASES),
    'administer case-webhook',
    'create type-own',
    'create type-foreign',
    'rotate key-own',
    'rotate key-foreign',
    'read cert-own',
    'read cert-foreign',
    ...every('read', ALL_OBJECTIONS),
    ...every('count', ALL_OBJECTIONS),
  ],
  citizen: [],
  // The dashboard's figures (dashboard-policy.ts): case and materials statistics of every department.
  leader: STATISTICS_ALL,
}

function allowed(role: Role, department: string | null = 'D'): string[] {
  const principal: Principal = { subject: 'me', department, roles: [role], district: null }
  const { ability } = buildAuthorization(principal, [], new Date())
  const out: string[] = []
  for (const action of ACTIONS) {
    for (const [name, [type, attributes]] of Object.entries(CASES)) {
      if (can(ability, action, asSubject(type, attributes))) out.push(`${action} ${name}`)
    }
  }
  return out.sort()
}

describe('exchange rules: role × action × subject', () => {
  it('covers every exchange subject type', () => {
    expect(new Set(Object.values(CASES).map(([type]) => type))).toEqual(new Set(EXCHANGE_SUBJECTS))
  })

  it.each(ROLES)('%s may do exactly what the table says', (role) => {
    expect(allowed(role)).toEqual([...EXPECTED[role]].sort())
  })

  it('a principal without a department keeps only the rules that name no department', () => {
    for (const role of ['consumer', 'clerk', 'service', 'steward'] as const)
      expect(allowed(role, null)).toEqual([])
    expect(allowed('reviewer', null)).toEqual(allowed('reviewer'))
  })
})

describe('exchange lists scoped in SQL by the same rules', () => {
  const sql = knex({ client: 'pg' })
  const who = (roles: Role[], department: string | null = 'D') =>
    buildAuthorization({ subject: 'me', department, roles, district: null }, [], new Date()).ability
  const cases = (roles: Role[]) =>
    sql('cases')
      .where(toKnexWhere(who(roles), 'list', 'Case', { department: 'department_code' }))
      .toString()
  const objections = (roles: Role[], department: string | null = 'D') =>
    sql('objections')
      .where(
        toKnexWhere(who(roles, department), 'read', 'Objection', {
          objectorDepartment: 'objector_department',
          providerDepartment: 'provider_department',
        }),
      )
      .toString()

  it('lists a department its own cases, oversight every one, others none', () => {
    expect(cases(['clerk'])).toBe(`select * from "cases" where ((("department_code" = 'D')))`)
    expect(cases(['reviewer'])).toBe('select * from "cases"')
    expect(cases(['auditor'])).toBe('select * from "cases" where (false)')
  })

  it('lists the objections of the two departments concerned; oversight all; a citizen none', () => {
    expect(objections(['consumer', 'steward'])).toBe(
      `select * from "objections" where ((("provider_department" = 'D') or ("objector_department" = 'D')))`,
    )
    expect(objections(['auditor'])).toBe('select * from "objections"')
    expect(objections(['citizen'], null)).toBe('select * from "objections" where (false)')
  })
})
