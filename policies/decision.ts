/**
 * The one shape of an authorization answer: allowed, or denied with a stable reason code (it becomes
 * the problem's `code` and the audit record's reason). A decision carries no HTTP status: the service
 * that asked maps a denial to the error family — a denied read of a thing that exists is "not found",
 * a denied write is "not allowed" (STYLE.md 6).
 */
export type Denial<Reason extends string = string> = { allowed: false; reason: Reason }
export type Decision<Reason extends string = string> = { allowed: true } | Denial<Reason>

export const allow: { allowed: true } = { allowed: true }

export function deny<Reason extends string>(reason: Reason): Denial<Reason> {
  return { allowed: false, reason }
}
