/** What each page needs; the menu offers only pages whose role the principal holds. */
export type Role =
  | 'steward'
  | 'consumer'
  | 'clerk'
  | 'reviewer'
  | 'auditor'
  | 'admin'
  | 'service'
  | 'citizen'
  | 'leader'

export const GOVERNMENT_ROLES: Role[] = ['steward', 'consumer', 'clerk', 'reviewer', 'auditor', 'admin']

export function hasAnyRole(roles: readonly string[], wanted: readonly Role[]): boolean {
  return wanted.some((r) => roles.includes(r))
}
