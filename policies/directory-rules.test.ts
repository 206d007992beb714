import { describe, expect, it } from 'vitest'
import type { Principal } from '../schemas/generated/types.ts'
import { buildAuthorization } from './ability.ts'
import {
  mayChangeResource,
  mayReadDrafts,
  mayReadResource,
  provinceOverride,
  resourceVisibility,
  serviceItemChange,
  serviceItemSync,
} from './directory-decisions.ts'
import type { ResourceFacts } from './directory-rules.ts'

/**
 * The directory's CASL rules (directory-rules.ts), asked through the ability every service gets:
 * a table of principal × thing × action → the expected answer.
 */

const who = (roles: Principal['roles'], department: string | null = 'lf-hrss'): Principal => ({
  subject: 's',
  department,
  roles,
  district: null,
})
const authz = (p: Principal) => buildAuthorization(p, [], new Date())

const draft: ResourceFacts = { provider: 'lf-hrss', status: 'draft' }
const published: ResourceFacts = { provider: 'lf-hrss', status: 'published' }
const withdrawn: ResourceFacts = { provider: 'lf-hrss', status: 'withdrawn' }

type ResourceAction = 'read' | 'read-drafts' | 'create' | 'edit' | 'review' | 'retire'
const ask = (p: Principal, action: ResourceAction, r: ResourceFacts): boolean => {
  const a = authz(p)
  if (action === 'read') return mayReadResource(a, r)
  if (action === 'read-drafts') return mayReadDrafts(a, r)
  return mayChangeResource(a, action, r)
}

const RESOURCE_TABLE: [string, Principal, ResourceAction, ResourceFacts, boolean][] = [
  // Every government principal reads published entries; citizens and leaders see no catalog.
  [
    'consumer of another department reads published',
    who(['consumer'], 'lf-approval'),
    'read',
    published,
    true,
  ],
  ['citizen reads published', who(['citizen'], null), 'read', published, false],
  ['leader reads published', who(['leader'], 'lf-bigdata'), 'read', published, false],
  ['steward without a department reads published', who(['steward'], null), 'read', published, false],
  // Drafts and withdrawn entries: the provider department and reviewers only.
  ['consumer of the provider reads a draft', who(['consumer'], 'lf-hrss'), 'read', draft, true],
  ['reviewer reads a draft', who(['reviewer'], 'lf-bigdata'), 'read', draft, true],
  ['steward of another department reads a draft', who(['steward'], 'lf-hfund'), 'read', draft, false],
  ['steward of another department reads withdrawn', who(['steward'], 'lf-hfund'), 'read', withdrawn, false],
  ['steward of the provider reads withdrawn', who(['steward']), 'read', withdrawn, true],
  [
    'admin elsewhere reads the drafts of published',
    who(['admin'], 'lf-bigdata'),
    'read-drafts',
    published,
    false,
  ],
  ['consumer of the provider reads its drafts', who(['consumer']), 'read-drafts', published, true],
  ['reviewer reads any drafts', who(['reviewer'], 'lf-bigdata'), 'read-drafts', published, true],
  // Only stewards of the provider register and edit; reviewers review; both retire.
  ['steward of the provider registers', who(['steward']), 'create', draft, true],
  ['steward of another department registers', who(['steward'], 'lf-hfund'), 'create', draft, false],
  ['steward of the provider edits', who(['steward']), 'edit', published, true],
  ['consumer of the provider edits', who(['consumer']), 'edit', published, false],
  ['steward of another department edits', who(['steward'], 'lf-hfund'), 'edit', published, false],
  ['steward reviews', who(['steward']), 'review', published, false],
  ['reviewer reviews', who(['reviewer'], 'lf-bigdata'), 'review', published, true],
  ['reviewer retires', who(['reviewer'], 'lf-bigdata'), 'retire', published, true],
  ['steward of the provider retires', who(['steward']), 'retire', published, true],
  ['steward of another department retires', who(['steward'], 'lf-hfund'), 'retire', published, false],
]

describe('directory rules: resources', () => {
  it.each(RESOURCE_TABLE)('%s → %s', (_name, principal, action, resource, expected) => {
    expect(ask(principal, action, resource)).toBe(expected)
  })

  it('gives lists the same visibility key exactly when the rules are the same', () => {
    const key = (p: Principal) => resourceVisibility(authz(p), {}).key
    expect(key(who(['consumer'], 'lf-hrss'))).toBe(key(who(['steward'], 'lf-hrss')))
    expect(key(who(['consumer'], 'lf-hrss'))).not.toBe(key(who(['consumer'], 'lf-hfund')))
    expect(key(who(['reviewer'], 'lf-hrss'))).not.toBe(key(who(['consumer'], 'lf-hrss')))
  })
})

const ITEM_TABLE: [string, Principal, 'change' | 'override' | 'sync', string | null, string][] = [
  ['admin changes any item', who(['admin'], null), 'change', 'lf-hrss', 'allow'],
  ['steward of the handling department changes', who(['steward']), 'change', 'lf-hrss', 'allow'],
  ['steward elsewhere changes', who(['steward'], 'lf-hfund'), 'change', 'lf-hrss', 'not-handling-department'],
  ['steward changes an item of no department', who(['steward']), 'change', null, 'not-handling-department'],
  // A steward of no department holds no department-scoped rule (ability.test.ts), so no steward's right.
  [
    'steward without a department changes',
    who(['steward'], null),
    'change',
    'lf-hrss',
    'service-item-role-required',
  ],
  [
    'steward without a department changes an item of none',
    who(['steward'], null),
    'change',
    null,
    'service-item-role-required',
  ],
  ['consumer changes', who(['consumer']), 'change', 'lf-hrss', 'service-item-role-required'],
  ['admin overrides the province', who(['admin']), 'override', 'lf-hrss', 'allow'],
  ['steward overrides the province', who(['steward']), 'override', 'lf-hrss', 'province-override-admin-only'],
  ['admin syncs', who(['admin']), 'sync', null, 'allow'],
  ['steward syncs', who(['steward']), 'sync', null, 'admin-role-required'],
]

describe('directory rules: service items', () => {
  it.each(ITEM_TABLE)('%s → %s', (_name, principal, action, department, expected) => {
    const a = authz(principal)
    const decision =
      action === 'change'
        ? serviceItemChange(a, department)
        : action === 'override'
          ? provinceOverride(a)
          : serviceItemSync(a)
    expect(decision.allowed ? 'allow' : decision.reason).toBe(expected)
  })
})
