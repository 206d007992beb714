import type { Principal } from '../../schemas/generated/types.ts'

export const ROLES = [
  'steward',
  'consumer',
  'clerk',
  'reviewer',
  'auditor',
  'admin',
  'service',
  'citizen',
] as const
export type Role = (typeof ROLES)[number]

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value)
}

/** Role-level gate for whole operations (e.g. admin-only). Finer rules come from grants (CASL). */
export function hasAnyRole(principal: Principal, roles: readonly Role[]): boolean {
  return roles.some((role) => principal.roles.includes(role))
}
