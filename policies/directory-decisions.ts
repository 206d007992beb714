import type { Knex } from 'knex'
import { type Action, Authorization, asSubject, can, type HubAbility } from './ability.ts'
import { allow, type Decision, deny } from './decision.ts'
import type { ResourceFacts } from './directory-rules.ts'
import { type ColumnMap, toKnexWhere } from './knex-where.ts'

/**
 * The directory's questions, asked of the caller's CASL ability (rules in directory-rules.ts), and
 * why an answer was no: a denial's reason comes from the same ability — the caller holds no rule
 * for the action at all (a role is missing) or holds one whose conditions this thing does not meet.
 */

type Authz = Authorization | HubAbility

export type { ResourceFacts }

const resource = (r: Pick<ResourceFacts, 'provider'> & Partial<ResourceFacts>) =>
  asSubject('Resource', { provider: r.provider, status: r.status })

/**
 * Answers to `read Resource` per ability, by provider and status: the rule reads nothing else, and a
 * cached ability is asked on every catalog read (a hot path), so each pair is asked of CASL once.
 */
const readAnswers = new WeakMap<Authz, Map<string, boolean>>()

/** May see the entry at all (its current version when published). */
export function mayReadResource(authz: Authz, r: ResourceFacts): boolean {
  let answers = readAnswers.get(authz)
  if (!answers) {
    answers = new Map()
    readAnswers.set(authz, answers)
  }
  const key = `${r.provider}\u0000${r.status}`
  let answer = answers.get(key)
  if (answer === undefined) {
    answer = can(authz, 'read', resource(r))
    answers.set(key, answer)
  }
  return answer
}

/** May see the entry's unpublished versions (drafts, submissions). */
export function mayReadDrafts(authz: Authz, r: Pick<ResourceFacts, 'provider'>): boolean {
  return can(authz, 'read', asSubject('ResourceDraft', { provider: r.provider }))
}

/**
 * May `action` the entry: `create` (register for the provider), `edit` (drafts, submit), `review`
 * (publish, return), `retire` (deprecate, withdraw).
 */
export function mayChangeResource(
  authz: Authz,
  action: Extract<Action, 'create' | 'edit' | 'review' | 'retire'>,
  r: Pick<ResourceFacts, 'provider'> & Partial<ResourceFacts>,
): boolean {
  return can(authz, action, resource(r))
}

/**
 * The entries a list may show, for a read model to push into SQL (`where`), and a key that is equal
 * for two abilities exactly when their lists are (for caches of list answers).
 */
export interface ResourceVisibility {
  key: string
  where: (qb: Knex.QueryBuilder) => void
}

export function resourceVisibility(authz: Authz, columns: ColumnMap): ResourceVisibility {
  const ability = authz instanceof Authorization ? authz.ability : authz
  const rules = ability.rulesFor('read', 'Resource')
  return {
    key: JSON.stringify(rules.map((rule) => [rule.inverted, rule.conditions ?? null])),
    where: toKnexWhere(ability, 'read', 'Resource', columns),
  }
}

/** Hub admins, and the steward of the item's handling department, maintain an item and its materials. */
export function serviceItemChange(authz: Authz, handlingDepartment: string | null): Decision {
  if (can(authz, 'edit', asSubject('ServiceItem', { handlingDepartment }))) return allow
  return can(authz, 'edit', 'ServiceItem')
    ? deny('not-handling-department')
    : deny('service-item-role-required')
}

/** Editing an item the provincial platform maintains detaches it from the sync: an admin's decision. */
export function provinceOverride(authz: Authz): Decision {
  return can(authz, 'override', 'ServiceItem') ? allow : deny('province-override-admin-only')
}

/** Running the provincial sync by hand. */
export function serviceItemSync(authz: Authz): Decision {
  return can(authz, 'sync', 'ServiceItem') ? allow : deny('admin-role-required')
}

/** The reason of a source denial the caller must read as "no such resource" (it may not even see it). */
export const SOURCE_HIDDEN = 'resource-not-found'

/** May read how the resource is served. */
export function sourceRead(authz: Authz, r: ResourceFacts): Decision {
  if (can(authz, 'read', asSubject('ResourceSource', { provider: r.provider }))) return allow
  if (!mayReadResource(authz, r)) return deny(SOURCE_HIDDEN)
  return can(authz, 'read', 'ResourceSource')
    ? deny('not-provider-steward')
    : deny('source-admin-role-required')
}

/** May set how the resource is served, reading it through an adapter of `adapterDepartment`. */
export function sourceChange(authz: Authz, r: ResourceFacts, adapterDepartment: string): Decision {
  const subject = asSubject('ResourceSource', { provider: r.provider, adapterDepartment })
  if (can(authz, 'edit', subject)) return allow
  const read = sourceRead(authz, r)
  return read.allowed ? deny('adapter-of-other-department') : read
}
