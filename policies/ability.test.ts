import { describe, expect, it } from 'vitest'
import type { Principal } from '../schemas/generated/types.ts'
import {
  ACTIONS,
  asSubject,
  buildAuthorization,
  can,
  type GrantFacts,
  grantFor,
  SUBJECTS,
  type SubjectName,
} from './ability.ts'
import { DIRECTORY_SUBJECTS } from './directory-rules.ts'
import { EXCHANGE_SUBJECTS } from './exchange-rules.ts'
import { ROLES, type Role } from './roles.ts'

/**
 * Every role × action × subject, for a principal of department D with subject `me`, holding one grant.
 * Each case names a concrete subject; the expected table lists what each role may do, all else is denied.
 */

const NOW = new Date('2026-06-01T00:00:00Z')
const grant: GrantFacts = {
  id: 'g1',
  resourceId: '7',
  consumerDepartment: 'D',
  subjects: [],
  versionFrom: 1,
  versionTo: null,
  items: ['xm'],
  rowConditions: {},
  masking: {},
  purposeCode: 'p',
  validFrom: new Date('2026-01-01T00:00:00Z'),
  validUntil: new Date('2027-01-01T00:00:00Z'),
  status: 'active',
  rateLimitPerMinute: null,
  dailyVolumeCap: null,
}

const CASES: Record<string, [SubjectName, Record<string, unknown>]> = {
  'request-mine': ['AccessRequest', { consumerDepartment: 'D', providerDepartment: 'P', requestedBy: 'me' }],
  'request-colleague': [
    'AccessRequest',
    { consumerDepartment: 'D', providerDepartment: 'P', requestedBy: 'other' },
  ],
  'request-to-decide': [
    'AccessRequest',
    { consumerDepartment: 'C', providerDepartment: 'D', requestedBy: 'other' },
  ],
  'request-foreign': [
    'AccessRequest',
    { consumerDepartment: 'C', providerDepartment: 'P', requestedBy: 'other' },
  ],
  'grant-held': ['Grant', { consumerDepartment: 'D', providerDepartment: 'P' }],
  'grant-given': ['Grant', { consumerDepartment: 'C', providerDepartment: 'D' }],
  'grant-foreign': ['Grant', { consumerDepartment: 'C', providerDepartment: 'P' }],
  'record-granted': ['Record', { resourceId: '7', version: 2, purposeCode: 'p', holder: 'someone' }],
  'record-ungranted': ['Record', { resourceId: '8', version: 2, purposeCode: 'p', holder: 'someone' }],
  'record-own': ['Record', { resourceId: '8', version: 1, purposeCode: 'x', holder: 'me' }],
  'audit-own': ['AuditRecord', { holder: 'me' }],
  'audit-foreign': ['AuditRecord', { holder: 'someone' }],
  department: ['Department', {}],
  'webhook-own': ['Webhook', { department: 'D' }],
  'webhook-foreign': ['Webhook', { department: 'C' }],
}

const READS_ALL = [
  'read request-mine',
  'read request-colleague',
  'read request-to-decide',
  'read request-foreign',
  'read grant-held',
  'read grant-given',
  'read grant-foreign',
  'read department',
]
const FETCHES = ['fetch record-granted', 'read grant-held', 'read department']

const EXPECTED: Record<Role, string[]> = {
  consumer: [
    ...FETCHES,
    'create request-mine',
    'create request-colleague',
    'read request-mine',
    'read request-colleague',
    'withdraw request-mine',
    'administer webhook-own',
  ],
  clerk: FETCHES,
  service: FETCHES,
  steward: [
    'read request-to-decide',
    'decide request-to-decide',
    'read grant-given',
    'revoke grant-given',
    'renew grant-given',
    'administer webhook-own',
    'read department',
  ],
  reviewer: READS_ALL,
  auditor: [...READS_ALL, 'read audit-own', 'read audit-foreign'],
  admin: [...READS_ALL, 'administer department', 'administer webhook-own', 'administer webhook-foreign'],
  citizen: ['fetch record-own', 'read audit-own'],
  // A leader reads the dashboard's aggregates (dashboard-policy.ts), no request, grant or record.
  leader: ['read department'],
}

function allowed(role: Role): string[] {
  const principal: Principal = {
    subject: 'me',
    department: role === 'citizen' ? null : 'D',
    roles: [role],
    district: null,
  }
  const { ability } = buildAuthorization(principal, [grant], NOW)
  const out: string[] = []
  for (const action of ACTIONS) {
    for (const [name, [type, attributes]] of Object.entries(CASES)) {
      if (can(ability, action, asSubject(type, attributes))) out.push(`${action} ${name}`)
    }
  }
  return out.sort()
}

describe('role × action × subject', () => {
  it('covers every subject type (the directory and exchange ones have their own tables: directory-rules.test.ts, exchange-rules.test.ts)', () => {
    const ownTable: readonly string[] = [...DIRECTORY_SUBJECTS, ...EXCHANGE_SUBJECTS]
    expect(new Set(Object.values(CASES).map(([type]) => type))).toEqual(
      new Set(SUBJECTS.filter((s) => !ownTable.includes(s))),
    )
  })

  it.each(ROLES)('%s may do exactly what the table says', (role) => {
    expect(allowed(role)).toEqual([...EXPECTED[role]].sort())
  })

  it('a principal without a department gets no department-scoped rights, even as consumer', () => {
    const { ability } = buildAuthorization(
      { subject: 'me', department: null, roles: ['consumer', 'steward'], district: null },
      [grant],
      NOW,
    )
    expect(ACTIONS.flatMap((a) => SUBJECTS.map((s) => can(ability, a, s))).some(Boolean)).toBe(false)
  })

  it('grants outside their window, revoked, or naming other subjects give nothing', () => {
    const consumer: Principal = { subject: 'me', department: 'D', roles: ['consumer'], district: null }
    const record = () => asSubject('Record', { resourceId: '7', version: 1, purposeCode: 'p' })
    const variants: GrantFacts[] = [
      { ...grant, validFrom: new Date('2026-07-01T00:00:00Z') },
      { ...grant, validUntil: NOW },
      { ...grant, status: 'revoked' },
      { ...grant, status: 'expired' },
      { ...grant, subjects: ['svc-account'] },
      { ...grant, consumerDepartment: 'C' },
    ]
    for (const variant of variants)
      expect(can(buildAuthorization(consumer, [variant], NOW).ability, 'fetch', record())).toBe(false)
    const named = buildAuthorization(
      { ...consumer, subject: 'svc-account', roles: ['service'] },
      [variants[4]!],
      NOW,
    )
    expect(can(named.ability, 'fetch', record())).toBe(true)
    expect(grantFor(named, record(), 'xm')?.id).toBe('g1')
    expect(grantFor(named, record(), 'gmsfhm')).toBeNull()
  })
})
