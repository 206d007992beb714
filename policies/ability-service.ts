import type { Principal } from '../schemas/generated/types.ts'
import { type Authorization, buildAuthorization, GRANT_USING_ROLES, type GrantFacts } from './ability.ts'

/**
 * Abilities per principal, cached (LRU) and never stale. A cached entry remembers the grant epoch of
 * its department at build time; every lookup reads the current epoch (one primary-key row) and
 * rebuilds when it moved. Grant changes bump the epoch in the same transaction as the change, so a
 * revocation committed on any instance is seen by the very next request on every instance — no
 * event has to arrive first. An entry also expires by itself when a grant in it ends or a future
 * grant starts (`changesAt`), so validity windows hold without any job having run.
 *
 * Epoch reads of concurrent requests are coalesced: the first request of an event-loop turn queues a
 * read of its department's epoch, which is sent on the next `setImmediate`; requests of the same
 * department arriving before it is sent share it. A shared read is only ever joined while still
 * unsent, so it executes after every joiner arrived and sees every commit that preceded any of them:
 * a revocation committed before a request arrives is still seen by that very request. One read per
 * department per turn instead of one per request.
 */

export interface GrantSource {
  /** The department's grant epoch (0 before its first grant change). */
  epoch(department: string): Promise<number>
  /** Active grants of the department that have not ended at `now` (including not-yet-started ones). */
  activeGrants(department: string, now: Date): Promise<GrantFacts[]>
}

interface Entry {
  authz: Authorization
  epoch: number
  /** The first instant the set of usable grants changes by itself. */
  changesAt: number
}

export interface AbilityServiceOptions {
  grants: GrantSource
  maxEntries?: number
  now?: () => Date
}

export class AbilityService {
  private readonly grants: GrantSource
  private readonly maxEntries: number
  private readonly now: () => Date
  private readonly entries = new Map<string, Entry>()
  /** Epoch reads queued for the next turn and not yet sent, by department. */
  private readonly unsentEpochs = new Map<string, Promise<number>>()

  constructor(options: AbilityServiceOptions) {
    this.grants = options.grants
    this.maxEntries = options.maxEntries ?? 10_000
    this.now = options.now ?? (() => new Date())
  }

  /**
   * `rolesOnly`: the principal's role rules without any grant — for questions no grant can change
   * (the directory's), so a consumer's catalog read costs no grant-epoch read.
   */
  async forPrincipal(principal: Principal, options: { rolesOnly?: boolean } = {}): Promise<Authorization> {
    const now = this.now()
    const department = !options.rolesOnly && usesGrants(principal) ? principal.department : null
    // Principals that use no grants have an ability fixed by their token: no database read at all.
    const epoch = department === null ? 0 : await this.epochOf(department)
    const key = options.rolesOnly ? `roles:${cacheKey(principal)}` : cacheKey(principal)
    const cached = this.entries.get(key)
    if (cached && cached.epoch === epoch && now.getTime() < cached.changesAt) {
      // Re-insert to mark it most recently used.
      this.entries.delete(key)
      this.entries.set(key, cached)
      return cached.authz
    }
    const grants = department === null ? [] : await this.grants.activeGrants(department, now)
    const entry: Entry = {
      authz: buildAuthorization(principal, grants, now),
      epoch,
      changesAt: changesAt(grants, now),
    }
    this.entries.delete(key)
    this.entries.set(key, entry)
    if (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value
      if (oldest !== undefined) this.entries.delete(oldest)
    }
    return entry.authz
  }

  private epochOf(department: string): Promise<number> {
    const queued = this.unsentEpochs.get(department)
    if (queued) return queued
    const read = new Promise<number>((resolve, reject) => {
      setImmediate(() => {
        // From here on the read is in flight: later arrivals must queue a fresh one.
        this.unsentEpochs.delete(department)
        this.grants.epoch(department).then(resolve, reject)
      })
    })
    this.unsentEpochs.set(department, read)
    return read
  }

  /** Number of cached principals (for metrics and tests). */
  get size(): number {
    return this.entries.size
  }

  clear(): void {
    this.entries.clear()
  }
}

function usesGrants(principal: Principal): principal is Principal & { department: string } {
  return (
    principal.department !== null && principal.roles.some((role) => GRANT_USING_ROLES.includes(role as never))
  )
}

function cacheKey(principal: Principal): string {
  return JSON.stringify([
    principal.subject,
    principal.department,
    [...principal.roles].sort(),
    principal.idNumber ?? null,
  ])
}

function changesAt(grants: readonly GrantFacts[], now: Date): number {
  let next = Number.POSITIVE_INFINITY
  for (const grant of grants) {
    const start = grant.validFrom.getTime()
    const end = grant.validUntil.getTime()
    if (start > now.getTime()) next = Math.min(next, start)
    else if (end > now.getTime()) next = Math.min(next, end)
  }
  return next
}
