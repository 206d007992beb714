import type { SessionPrincipal } from '../platform/auth/session-store.ts'
import type { OidcConfig } from '../platform/config/config.ts'
import { validateResidentId } from '../platform/identifiers/resident-id.ts'
import { isRole, type Role } from '../policies/roles.ts'

/** A claim by name, or by a dotted path into nested claims (Keycloak's `realm_access.roles`). */
export function claimAt(claims: Record<string, unknown>, name: string): unknown {
  if (name in claims) return claims[name]
  let value: unknown = claims
  for (const part of name.split('.')) {
    if (!value || typeof value !== 'object') return undefined
    value = (value as Record<string, unknown>)[part]
  }
  return value
}

function text(value: unknown): string | null {
  if (Array.isArray(value)) return text(value[0])
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null
}

/**
 * The principal an identity provider's claims describe, as the claim names configured for that
 * IdP say (OIDC_CLAIM_DEPARTMENT, _ROLES, _DISTRICT). Roles the hub does not know — an IdP hands out
 * many (`offline_access`, `default-roles-…`) — are dropped; `service` is for department systems with
 * bearer tokens, never for a person in the console.
 */
export function principalFromClaims(
  claims: Record<string, unknown>,
  names: OidcConfig['claims'],
): SessionPrincipal {
  const subject = text(claims.sub)
  if (!subject) throw new Error('the ID token has no subject')
  const rawRoles = claimAt(claims, names.roles)
  const listed = Array.isArray(rawRoles)
    ? rawRoles
    : typeof rawRoles === 'string'
      ? rawRoles.split(/[\s,]+/)
      : []
  const roles = [...new Set(listed.filter((r): r is Role => isRole(r) && r !== 'service'))]
  const displayName = text(claims.name) ?? text(claims.preferred_username)
  // A citizen's real-name-verified resident ID, under the claim bearer tokens use (`idNumber`): the
  // citizen's page finds their accesses by it. An invalid one is dropped, not trusted.
  const idNumber = text(claims.idNumber)
  const verifiedId =
    idNumber && roles.includes('citizen') && validateResidentId(idNumber).ok ? idNumber.toUpperCase() : null
  return {
    subject,
    department: text(claimAt(claims, names.department)),
    roles,
    district: text(claimAt(claims, names.district)),
    ...(displayName ? { displayName } : {}),
    ...(verifiedId ? { idNumber: verifiedId } : {}),
  }
}

/** Whether the claims carry everything the mapping reads (else the userinfo endpoint is asked too). */
export function hasMappedClaims(claims: Record<string, unknown>, names: OidcConfig['claims']): boolean {
  return [names.department, names.roles, names.district].every((n) => claimAt(claims, n) !== undefined)
}
