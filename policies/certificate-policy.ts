import { type Authorization, asSubject, can } from './ability.ts'
import { type DepartmentScope, decide, departmentScope } from './ability-decision.ts'
import { type Decision, deny } from './decision.ts'

/**
 * Who may do what with electronic certificates (电子证照): the rules are CASL's (`exchange-rules.ts`,
 * subjects `CertificateType`, `Certificate`, `IssuerKey`, `MaterialsAvoided`, and `Case` for a
 * clerk's fetch); these functions ask the caller's ability and explain a denial with its reason code.
 * Issuing departments manage their own types and certificates; window clerks fetch certificates only
 * for open cases of their own department, and only the applicant's (or agent's).
 */

export type { Decision }

type Ability = Authorization

/** Types are registered by admins or by the issuing department's steward. */
export function canRegisterType(ability: Ability, issuerDepartment: string): Decision {
  return decide(
    ability,
    'create',
    'CertificateType',
    { issuer: issuerDepartment },
    { role: 'certificate-issuer-role-required', condition: 'not-issuing-department' },
  )
}

/** Certificates are issued, suspended and revoked only by the issuing department's steward or system. */
export function canIssue(ability: Ability, issuerDepartment: string): Decision {
  return decide(
    ability,
    'issue',
    'Certificate',
    { issuer: issuerDepartment },
    { role: 'certificate-issuer-role-required', condition: 'not-issuing-department' },
  )
}

/** Reading a certificate outside a case is for its issuer and the hub's oversight. */
export function canReadCertificate(ability: Ability, issuerDepartment: string): boolean {
  return can(ability, 'read', asSubject('Certificate', { issuer: issuerDepartment }))
}

/** Signing keys are rotated by admins or the department's own steward. */
export function canRotateKeys(ability: Ability, department: string): Decision {
  return decide(
    ability,
    'rotate',
    'IssuerKey',
    { department },
    { role: 'key-admin-role-required', condition: 'not-key-department' },
  )
}

/** The facts of a case a clerk's fetch needs. */
export interface FetchCaseFacts {
  department: string
}

/**
 * A clerk fetches for cases of their own department (whether the case is still open is the service's
 * rule: a completed case is a conflict, not a refusal). A case that does not exist is denied like one
 * of another department, so the service can answer both alike.
 */
export function canFetchForCase(ability: Ability, facts: FetchCaseFacts | undefined): Decision {
  if (!can(ability, 'fetch', 'Case')) return deny('clerk-role-required')
  if (!facts) return deny('case-not-found')
  return decide(
    ability,
    'fetch',
    'Case',
    { department: facts.department },
    { role: 'clerk-role-required', condition: 'not-case-department' },
  )
}

/** Materials-avoided statistics: oversight and leaders see every department (`null`), others their own only. */
export function statsScope(ability: Ability): DepartmentScope {
  return departmentScope(ability, 'count', 'MaterialsAvoided', 'department')
}
