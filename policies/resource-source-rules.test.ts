import { describe, expect, it } from 'vitest'
import type { Principal } from '../schemas/generated/types.ts'
import { type Authorization, buildAuthorization } from './ability.ts'
import { SOURCE_HIDDEN, sourceChange, sourceRead } from './directory-decisions.ts'
import type { ResourceFacts } from './directory-rules.ts'
import { ROLES, type Role } from './roles.ts'

/**
 * Every role × action on resource sources, for a principal of department D, answered by the CASL
 * ability (the `ResourceSource` and `Resource` rules of directory-rules.ts). Each case names a
 * concrete resource and adapter; the table lists the answer per role (allow, 403 reason, 404).
 */

const canReadSource = (p: Principal, r: ResourceFacts) => sourceRead(authz(p), r)
const canSetSource = (p: Principal, r: ResourceFacts, adapterDepartment: string) =>
  sourceChange(authz(p), r, adapterDepartment)
const authz = (p: Principal): Authorization => buildAuthorization(p, [], new Date())

const own: ResourceFacts = { provider: 'D', status: 'published' }
const ownDraft: ResourceFacts = { provider: 'D', status: 'draft' }
const foreign: ResourceFacts = { provider: 'C', status: 'published' }
const foreignDraft: ResourceFacts = { provider: 'C', status: 'draft' }

const CASES = {
  'read own': (p: Principal) => canReadSource(p, own),
  'read own-draft': (p: Principal) => canReadSource(p, ownDraft),
  'read foreign': (p: Principal) => canReadSource(p, foreign),
  'read foreign-draft': (p: Principal) => canReadSource(p, foreignDraft),
  'set own via own adapter': (p: Principal) => canSetSource(p, own, 'D'),
  'set own-draft via own adapter': (p: Principal) => canSetSource(p, ownDraft, 'D'),
  'set own via other adapter': (p: Principal) => canSetSource(p, own, 'C'),
  'set foreign via its adapter': (p: Principal) => canSetSource(p, foreign, 'C'),
  'set foreign-draft via its adapter': (p: Principal) => canSetSource(p, foreignDraft, 'C'),
} as const
type Case = keyof typeof CASES

const ALL = Object.keys(CASES) as Case[]
// Not the provider's steward: visible resources are 403, invisible drafts look absent (404).
const OUTSIDER = (reason: string): Record<Case, string> => ({
  'read own': reason,
  'read own-draft': reason,
  'read foreign': reason,
  'read foreign-draft': '404',
  'set own via own adapter': reason,
  'set own-draft via own adapter': reason,
  'set own via other adapter': reason,
  'set foreign via its adapter': reason,
  'set foreign-draft via its adapter': '404',
})

const EXPECTED: Record<Role, Record<Case, string>> = {
  admin: Object.fromEntries(ALL.map((c) => [c, 'allow'])) as Record<Case, string>,
  steward: {
    'read own': 'allow',
    'read own-draft': 'allow',
    'read foreign': 'not-provider-steward',
    'read foreign-draft': '404',
    'set own via own adapter': 'allow',
    'set own-draft via own adapter': 'allow',
    'set own via other adapter': 'adapter-of-other-department',
    'set foreign via its adapter': 'not-provider-steward',
    'set foreign-draft via its adapter': '404',
  },
  consumer: OUTSIDER('source-admin-role-required'),
  clerk: OUTSIDER('source-admin-role-required'),
  service: OUTSIDER('source-admin-role-required'),
  auditor: OUTSIDER('source-admin-role-required'),
  // Reviewers see every draft, so nothing is hidden from them; they still may not change sources.
  reviewer: Object.fromEntries(ALL.map((c) => [c, 'source-admin-role-required'])) as Record<Case, string>,
  // Citizens see no catalog entry at all.
  citizen: Object.fromEntries(ALL.map((c) => [c, '404'])) as Record<Case, string>,
  // Leaders read the dashboard's aggregates only; the catalog is not theirs.
  leader: Object.fromEntries(ALL.map((c) => [c, '404'])) as Record<Case, string>,
}

function answers(role: Role): Record<Case, string> {
  const principal: Principal = {
    subject: 'me',
    department: role === 'citizen' ? null : 'D',
    roles: [role],
    district: null,
  }
  return Object.fromEntries(
    ALL.map((c) => {
      const d = CASES[c](principal)
      return [c, d.allowed ? 'allow' : d.reason === SOURCE_HIDDEN ? '404' : d.reason]
    }),
  ) as Record<Case, string>
}

describe('resource source rules: role × action', () => {
  it.each(ROLES)('%s gets exactly what the table says', (role) => {
    expect(answers(role)).toEqual(EXPECTED[role])
  })

  it('hides even an own resource from a steward without a department', () => {
    const p: Principal = { subject: 'me', department: null, roles: ['steward'], district: null }
    expect(canSetSource(p, own, 'D')).toMatchObject({ allowed: false, reason: SOURCE_HIDDEN })
  })
})
