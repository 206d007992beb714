// Roles are an identity concept (a token carries them), so the list lives in platform/auth; the
// domains ask policies/ for it, like every other authorization question.
export { hasAnyRole, isRole, ROLES, type Role } from '../platform/auth/roles.ts'
