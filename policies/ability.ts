import {
  createMongoAbility,
  type ForcedSubject,
  type MongoAbility,
  type MongoQuery,
  type RawRuleOf,
  subject as tagSubject,
} from '@casl/ability'
import type { Principal } from '../schemas/generated/types.ts'
import { DIRECTORY_ACTIONS, DIRECTORY_SUBJECTS, directoryRules } from './directory-rules.ts'
import { EXCHANGE_ACTIONS, EXCHANGE_SUBJECTS, exchangeRules } from './exchange-rules.ts'
import type { MaskKind } from './grant-masking.ts'
import type { Role } from './roles.ts'

/**
 * The one place that turns "who is asking" into what they may do: role rules plus the active grants
 * of the principal's department, compiled into a CASL ability. Services ask it (`can`,
 * `permittedItems`) and list queries push its conditions into SQL (`toKnexWhere` in knex-where.ts).
 *
 * Subjects and their attributes (what conditions may test):
 * - `AccessRequest` { consumerDepartment, providerDepartment, requestedBy }
 * - `Grant` { consumerDepartment, providerDepartment }
 * - `Record` — one record of a resource, as the exchange is about to return it:
 *   { resourceId, version, purposeCode, district?, applicantOfOpenCase?, holder? }; fields = item codes
 * - `AuditRecord` { holder? }, `Department` {}, `Webhook` { department } (a department's access webhook)
 * - the exchange's subjects (cases, certificates, objections): see exchange-rules.ts
 * - the directory's `Resource`, `ResourceDraft`, `ServiceItem`, `ResourceSource`: directory-rules.ts
 */

export const ACTIONS = [
  'create',
  'read',
  'withdraw',
  'decide',
  'revoke',
  'renew',
  'fetch',
  'administer',
  ...EXCHANGE_ACTIONS,
  ...DIRECTORY_ACTIONS,
] as const
// Not CASL's 'manage': that one is a wildcard for every action, which no role here should hold.
export type Action = (typeof ACTIONS)[number]
export const SUBJECTS = [
  'AccessRequest',
  'Grant',
  'Record',
  'AuditRecord',
  'Department',
  'Webhook',
  ...EXCHANGE_SUBJECTS,
  ...DIRECTORY_SUBJECTS,
] as const
export type SubjectName = (typeof SUBJECTS)[number]
export type TaggedSubject = ForcedSubject<SubjectName> & Record<string, unknown>
export type HubAbility = MongoAbility<[Action, SubjectName | TaggedSubject], MongoQuery>
type HubRule = RawRuleOf<HubAbility>

export type { MaskKind }

/** What the ability needs to know about a grant (the grant store maps rows to this). */
export interface GrantFacts {
  id: string
  resourceId: string
  consumerDepartment: string
  /** Named service-account subjects; empty ⇒ any principal of the consumer department. */
  subjects: readonly string[]
  versionFrom: number
  versionTo: number | null
  items: readonly string[]
  rowConditions: { applicantOfOpenCase?: boolean; districtIn?: readonly string[] }
  masking: Readonly<Record<string, MaskKind>>
  purposeCode: string
  validFrom: Date
  validUntil: Date
  status: 'active' | 'revoked' | 'expired'
  rateLimitPerMinute: number | null
  dailyVolumeCap: number | null
}

/** Roles whose holders fetch data on behalf of their department, under its grants. */
export const GRANT_USING_ROLES: readonly Role[] = ['consumer', 'clerk', 'service']

/** Whether a grant may be used right now by this principal (status, validity window, named subjects). */
export function grantUsableBy(grant: GrantFacts, principal: Principal, now: Date): boolean {
  if (grant.status !== 'active') return false
  if (principal.department === null || grant.consumerDepartment !== principal.department) return false
  if (!(grant.validFrom.getTime() <= now.getTime() && now.getTime() < grant.validUntil.getTime()))
    return false
  if (grant.subjects.length > 0 && !grant.subjects.includes(principal.subject)) return false
  return principal.roles.some((role) => GRANT_USING_ROLES.includes(role as Role))
}

function roleRules(principal: Principal): HubRule[] {
  const rules: HubRule[] = []
  const has = (role: Role) => principal.roles.includes(role)
  const dept = principal.department
  const add = (action: Action, subject: SubjectName, conditions?: MongoQuery) =>
    rules.push(conditions ? { action, subject, conditions } : { action, subject })

  if (dept !== null) {
    if (has('consumer')) {
      add('create', 'AccessRequest', { consumerDepartment: dept })
      add('read', 'AccessRequest', { consumerDepartment: dept })
      add('withdraw', 'AccessRequest', { consumerDepartment: dept, requestedBy: principal.subject })
    }
    if (has('consumer') || has('clerk') || has('service')) add('read', 'Grant', { consumerDepartment: dept })
    if (has('steward')) {
      add('read', 'AccessRequest', { providerDepartment: dept })
      add('decide', 'AccessRequest', { providerDepartment: dept })
      add('read', 'Grant', { providerDepartment: dept })
      add('revoke', 'Grant', { providerDepartment: dept })
      add('renew', 'Grant', { providerDepartment: dept })
    }
    // Reviewers watch every deadline; auditors and operators see every request and grant, decide none.
    if (has('reviewer') || has('auditor') || has('admin')) {
      add('read', 'AccessRequest')
      add('read', 'Grant')
    }
    if (has('auditor')) add('read', 'AuditRecord')
    if (has('consumer') || has('steward')) add('administer', 'Webhook', { department: dept })
    if (has('admin')) {
      add('administer', 'Department')
      add('administer', 'Webhook')
    }
    add('read', 'Department')
  }
  if (has('citizen')) {
    // A citizen sees their own records and who accessed them, nothing else.
    // Their identity is the resident ID the identity platform verified, else the token subject.
    const holder = principal.idNumber ?? principal.subject
    add('fetch', 'Record', { holder })
    add('read', 'AuditRecord', { holder })
  }
  rules.push(...exchangeRules(principal))
  rules.push(...directoryRules(principal))
  return rules
}

function grantRule(grant: GrantFacts): HubRule {
  const conditions: MongoQuery = {
    resourceId: grant.resourceId,
    version:
      grant.versionTo === null
        ? { $gte: grant.versionFrom }
        : { $gte: grant.versionFrom, $lte: grant.versionTo },
    purposeCode: grant.purposeCode,
  }
  if (grant.rowConditions.districtIn) conditions.district = { $in: [...grant.rowConditions.districtIn] }
  if (grant.rowConditions.applicantOfOpenCase) conditions.applicantOfOpenCase = true
  return { action: 'fetch', subject: 'Record', fields: [...grant.items], conditions }
}

/**
 * A principal's ability plus the grant behind each grant rule (for masking, limits and the audit's grant
 * id). Record checks are answered by a small per-resource ability holding only that resource's grant
 * rules: with 1,000 grants a check then tests one or two rules instead of a thousand. Both abilities are
 * built on first use, so an authorization that is never asked about records costs almost nothing.
 */
export class Authorization {
  private full: HubAbility | undefined
  private readonly perResource = new Map<string, HubAbility>()
  private byResource: Map<string, GrantFacts[]> | undefined
  private lookups = 0
  private readonly recordRoleRules: HubRule[]
  private readonly ruleGrants = new Map<HubRule, GrantFacts>()

  constructor(
    private readonly roleRuleList: HubRule[],
    private readonly grants: readonly GrantFacts[],
  ) {
    this.recordRoleRules = roleRuleList.filter((rule) => rule.subject === 'Record')
  }

  /**
   * The grants on one resource. The first few lookups scan (no allocation: a fresh authorization after a
   * grant change usually answers one check); an index is built once the authorization proves long-lived.
   */
  private grantsOn(resourceId: string): GrantFacts[] {
    if (!this.byResource && ++this.lookups > 4) {
      this.byResource = new Map()
      for (const grant of this.grants) {
        const list = this.byResource.get(grant.resourceId)
        if (list) list.push(grant)
        else this.byResource.set(grant.resourceId, [grant])
      }
    }
    if (this.byResource) return this.byResource.get(resourceId) ?? []
    return this.grants.filter((grant) => grant.resourceId === resourceId)
  }

  /** Every rule in one ability: for any question, and for pushing conditions into SQL. */
  get ability(): HubAbility {
    if (!this.full) {
      const all = [...this.roleRuleList]
      for (const resourceId of new Set(this.grants.map((g) => g.resourceId)))
        all.push(...this.grantRulesOf(resourceId))
      this.full = createMongoAbility<HubAbility>(all)
    }
    return this.full
  }

  /** The rules that can matter for records of one resource (the answers equal those of `ability`). */
  forResource(resourceId: string): HubAbility {
    let ability = this.perResource.get(resourceId)
    if (!ability) {
      ability = createMongoAbility<HubAbility>([...this.recordRoleRules, ...this.grantRulesOf(resourceId)])
      this.perResource.set(resourceId, ability)
    }
    return ability
  }

  /** The grant a rule of this authorization was compiled from. */
  grantOf(rule: HubRule): GrantFacts | undefined {
    return this.ruleGrants.get(rule)
  }

  // Compiled once per resource and shared by both abilities, so `grantOf` knows every rule object.
  private readonly compiled = new Map<string, HubRule[]>()
  private grantRulesOf(resourceId: string): HubRule[] {
    let rules = this.compiled.get(resourceId)
    if (!rules) {
      rules = this.grantsOn(resourceId).map((grant) => {
        const rule = grantRule(grant)
        this.ruleGrants.set(rule, grant)
        return rule
      })
      this.compiled.set(resourceId, rules)
    }
    return rules
  }
}

/** Builds the ability of `principal` from its roles and (the usable ones of) `grants`. */
export function buildAuthorization(
  principal: Principal,
  grants: readonly GrantFacts[],
  now: Date,
): Authorization {
  const usesGrants = principal.roles.some((role) => GRANT_USING_ROLES.includes(role as Role))
  return new Authorization(
    roleRules(principal),
    usesGrants ? grants.filter((grant) => grantUsableBy(grant, principal, now)) : [],
  )
}

/** Tags plain attributes with their subject type for `can`. */
export function asSubject(type: SubjectName, attributes: Record<string, unknown>): TaggedSubject {
  return tagSubject(type, { ...attributes }) as TaggedSubject
}

function abilityFor(authz: Authorization | HubAbility, subject: SubjectName | TaggedSubject): HubAbility {
  if (!(authz instanceof Authorization)) return authz
  if (
    typeof subject !== 'string' &&
    subject.__caslSubjectType__ === 'Record' &&
    typeof subject.resourceId === 'string'
  ) {
    return authz.forResource(subject.resourceId)
  }
  return authz.ability
}

export function can(
  authz: Authorization | HubAbility,
  action: Action,
  subject: SubjectName | TaggedSubject,
  field?: string,
): boolean {
  return abilityFor(authz, subject).can(action, subject, field)
}

/**
 * The item codes of `resourceItems` that may be returned for `record`: the union of the fields of every
 * grant rule that matches it (a rule without fields, such as a citizen's own data, allows all items).
 */
export function permittedItems(
  authz: Authorization | HubAbility,
  record: TaggedSubject,
  resourceItems: readonly string[],
): string[] {
  const allowed = new Set<string>()
  for (const rule of abilityFor(authz, record).rulesFor('fetch', 'Record')) {
    if (rule.inverted || !rule.matchesConditions(record)) continue
    if (!rule.fields) return [...resourceItems]
    for (const field of rule.fields) allowed.add(field)
  }
  return resourceItems.filter((item) => allowed.has(item))
}

/** The grant that lets `record` (and `item`, if given) be fetched, or null: its id goes into the audit record. */
export function grantFor(authz: Authorization, record: TaggedSubject, item?: string): GrantFacts | null {
  const rule = abilityFor(authz, record).relevantRuleFor('fetch', record, item)
  if (!rule || rule.inverted) return null
  return authz.grantOf(rule.origin) ?? null
}
