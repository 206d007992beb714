import type { MongoQuery } from '@casl/ability'
import type { Principal } from '../schemas/generated/types.ts'
import { hasAnyRole } from './roles.ts'

/**
 * The directory's role rules, compiled into every CASL ability beside the exchange's (ability.ts calls
 * `directoryRules`). Subjects and their attributes (what conditions may test):
 * - `Resource` { provider, status } — a catalog entry; `read` (see it at all), `create` (register one for
 *   the provider), `edit` (its drafts, and submit them), `review` (publish or return a submission),
 *   `retire` (deprecate or withdraw)
 * - `ResourceDraft` { provider } — the unpublished versions (drafts, submissions) of an entry; `read`
 * - `ServiceItem` { handlingDepartment } — a 事项; `edit` (create, change, retire, its materials, import),
 *   `override` (take an item over from the province), `sync` (run the provincial sync by hand)
 * - `ResourceSource` { provider, adapterDepartment? } — how the exchange serves a resource; `read`, `edit`
 *
 * Reading the 事项 catalog is open to every signed-in caller, so it has no rule.
 * Why a question was refused is explained in `directory-decisions.ts`, from the same ability.
 */

export const DIRECTORY_ACTIONS = ['edit', 'review', 'retire', 'sync', 'override'] as const
export const DIRECTORY_SUBJECTS = ['Resource', 'ResourceDraft', 'ServiceItem', 'ResourceSource'] as const
type DirectoryAction = (typeof DIRECTORY_ACTIONS)[number] | 'read' | 'create'
type DirectorySubject = (typeof DIRECTORY_SUBJECTS)[number]

export interface DirectoryRule {
  action: DirectoryAction
  subject: DirectorySubject
  conditions?: MongoQuery
}

/** What the rules of a catalog entry test. */
export interface ResourceFacts {
  provider: string
  status: 'draft' | 'submitted' | 'published' | 'deprecated' | 'withdrawn'
}

/** The statuses in the public part of the catalog, which every government principal reads. */
export const LISTED_STATUSES: readonly ResourceFacts['status'][] = ['published', 'deprecated']

/** Roles that make a principal a government user of the directory (citizens and leaders are not). */
export const GOVERNMENT_ROLES = [
  'steward',
  'consumer',
  'clerk',
  'reviewer',
  'auditor',
  'admin',
  'service',
] as const

export function directoryRules(principal: Principal): DirectoryRule[] {
  const rules: DirectoryRule[] = []
  const add = (action: DirectoryAction, subject: DirectorySubject, conditions?: MongoQuery) =>
    rules.push(conditions ? { action, subject, conditions } : { action, subject })
  const has = (role: (typeof GOVERNMENT_ROLES)[number]) => hasAnyRole(principal, [role])
  const dept = principal.department

  // The catalog: every government principal of a department reads what is listed for all; the
  // provider department reads its own entries in every status and their drafts; reviewers read all.
  if (dept !== null && hasAnyRole(principal, GOVERNMENT_ROLES)) {
    add('read', 'Resource', { status: { $in: [...LISTED_STATUSES] } })
    add('read', 'Resource', { provider: dept })
    add('read', 'ResourceDraft', { provider: dept })
    if (has('reviewer')) {
      add('read', 'Resource')
      add('read', 'ResourceDraft')
    }
  }
  // Stewards register and change only their own department's entries; reviewers publish or return
  // submissions and, like the provider's stewards, take entries down.
  if (has('steward') && dept !== null) {
    add('create', 'Resource', { provider: dept })
    add('edit', 'Resource', { provider: dept })
    add('retire', 'Resource', { provider: dept })
  }
  if (has('reviewer')) {
    add('review', 'Resource')
    add('retire', 'Resource')
  }

  // The 事项 catalog: hub admins and the steward of the handling department maintain an item; taking
  // one over from the province and running the sync by hand are an admin's.
  if (has('steward') && dept !== null) add('edit', 'ServiceItem', { handlingDepartment: dept })
  if (has('admin')) {
    add('edit', 'ServiceItem')
    add('override', 'ServiceItem')
    add('sync', 'ServiceItem')
  }

  // How a resource is served: the provider's stewards, through their own department's systems only
  // (else grants given by one department would hand out another's records); an admin for any
  // resource and any system (e.g. one the provincial platform serves on a city's behalf).
  if (has('steward') && dept !== null) {
    add('read', 'ResourceSource', { provider: dept })
    add('edit', 'ResourceSource', { provider: dept, adapterDepartment: dept })
  }
  if (has('admin')) {
    add('read', 'ResourceSource')
    add('edit', 'ResourceSource')
  }
  return rules
}
