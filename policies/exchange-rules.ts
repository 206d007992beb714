import type { MongoQuery } from '@casl/ability'
import type { Principal } from '../schemas/generated/types.ts'
import { DASHBOARD_ROLES } from './dashboard-policy.ts'
import { hasAnyRole, type Role } from './roles.ts'

/**
 * The exchange's role rules — cases (办件), electronic certificates (电子证照) and data objections
 * (数据异议) — compiled into every caller's CASL ability by `ability.ts`. Services ask the ability;
 * `case-policy.ts`, `certificate-policy.ts` and `objection-policy.ts` explain a denial (its reason
 * code) and derive list scopes from these same rules, so there is no second source of truth.
 *
 * Subjects and their attributes (what conditions test):
 * - `Case` { department (handling), grantedTo? (departments whose case-data grant covers it) }
 *   create = ingest a change; read = one case; list; search = one-number search (一号申请);
 *   backfill = copies of missed case events; count = case statistics; fetch = a clerk fetching
 *   certificates for the case
 * - `CertificateType` { issuer } create
 * - `Certificate` { issuer } read (outside a case); issue = issue and change status
 * - `IssuerKey` { department } rotate (a department's signing key)
 * - `MaterialsAvoided` { department } count (paper materials replaced by sharing)
 * - `Objection` { objectorDepartment, providerDepartment, targetType }
 *   create = raise; read; answer (provider); respond (objector); rule (reviewer);
 *   readSourceKey (the provider's own record key); count = quality figures (by providerDepartment)
 * - `CaseWebhook` {} administer
 */

export const EXCHANGE_ACTIONS = [
  'list',
  'search',
  'backfill',
  'count',
  'issue',
  'rotate',
  'answer',
  'respond',
  'rule',
  'readSourceKey',
] as const
export const EXCHANGE_SUBJECTS = [
  'Case',
  'CertificateType',
  'Certificate',
  'IssuerKey',
  'MaterialsAvoided',
  'Objection',
  'CaseWebhook',
] as const

type ExchangeAction = (typeof EXCHANGE_ACTIONS)[number] | 'create' | 'read' | 'fetch' | 'administer'
type ExchangeSubject = (typeof EXCHANGE_SUBJECTS)[number]
export interface ExchangeRule {
  action: ExchangeAction
  subject: ExchangeSubject
  conditions?: MongoQuery
}

/** Handling departments' systems and windows push their cases' changes. */
const CASE_INGEST_ROLES: readonly Role[] = ['service', 'clerk']
/** Roles that read their own department's cases (and others' under a grant on case data). */
const CASE_READ_ROLES: readonly Role[] = ['service', 'clerk', 'consumer', 'steward']
const CASE_OVERSIGHT: readonly Role[] = ['admin', 'reviewer']
const ISSUER_ROLES: readonly Role[] = ['steward', 'service']
const CERTIFICATE_OVERSIGHT: readonly Role[] = ['admin', 'reviewer']
const MATERIALS_STATS_ROLES: readonly Role[] = ['admin', 'reviewer', 'steward', 'clerk']
const OBJECTOR_ROLES: readonly Role[] = ['consumer', 'clerk']
const OBJECTION_OVERSIGHT: readonly Role[] = ['reviewer', 'admin']

export function exchangeRules(principal: Principal): ExchangeRule[] {
  const rules: ExchangeRule[] = []
  const has = (roles: readonly Role[]) => hasAnyRole(principal, roles)
  const add = (action: ExchangeAction, subject: ExchangeSubject, conditions?: MongoQuery) =>
    rules.push(conditions ? { action, subject, conditions } : { action, subject })
  // Department-scoped rules need a department: a caller without one holds only the unscoped ones.
  const dept = principal.department

  // The hub's oversight (and the dashboard's readers, for statistics) across departments.
  if (has(CASE_OVERSIGHT)) add('list', 'Case')
  if (has(DASHBOARD_ROLES)) {
    add('count', 'Case')
    add('count', 'MaterialsAvoided')
  }
  if (has(['admin'])) {
    add('administer', 'CaseWebhook')
    add('create', 'CertificateType')
    add('rotate', 'IssuerKey')
  }
  if (has(CERTIFICATE_OVERSIGHT)) add('read', 'Certificate')
  if (has([...OBJECTION_OVERSIGHT, 'auditor'])) add('read', 'Objection')
  if (has(['reviewer'])) add('rule', 'Objection')
  if (has(OBJECTION_OVERSIGHT)) add('count', 'Objection')
  if (dept === null) return rules

  // Cases: the handling department's own; others' only under a grant on case data.
  if (has(CASE_INGEST_ROLES)) add('create', 'Case', { department: dept })
  if (has(CASE_READ_ROLES)) {
    add('read', 'Case', { department: dept })
    add('read', 'Case', { grantedTo: dept })
    add('list', 'Case', { department: dept })
    add('count', 'Case', { department: dept })
  }
  if (has(['clerk', 'consumer', 'service'])) add('search', 'Case')
  if (has(['consumer', 'service'])) add('backfill', 'Case')
  if (has(['clerk'])) add('fetch', 'Case', { department: dept })

  // Certificates: the issuing department's steward and systems.
  if (has(['steward'])) {
    add('create', 'CertificateType', { issuer: dept })
    add('rotate', 'IssuerKey', { department: dept })
  }
  if (has(ISSUER_ROLES)) {
    add('issue', 'Certificate', { issuer: dept })
    add('read', 'Certificate', { issuer: dept })
  }
  if (has(MATERIALS_STATS_ROLES)) add('count', 'MaterialsAvoided', { department: dept })

  // Objections: the two departments concerned see one; consumers object to resources and records,
  // clerks also to certificates (fetched for a case).
  if (has(['clerk'])) add('create', 'Objection')
  if (has(['consumer'])) add('create', 'Objection', { targetType: { $in: ['resource', 'record'] } })
  if (has(OBJECTOR_ROLES)) {
    add('read', 'Objection', { objectorDepartment: dept })
    add('respond', 'Objection', { objectorDepartment: dept })
  }
  if (has(['steward'])) {
    add('read', 'Objection', { providerDepartment: dept })
    add('answer', 'Objection', { providerDepartment: dept })
    add('readSourceKey', 'Objection', { providerDepartment: dept })
    add('count', 'Objection', { providerDepartment: dept })
  }
  return rules
}
