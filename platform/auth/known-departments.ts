import type { Knex } from 'knex'

/** How long a department once seen stays known without asking the database again. */
const KNOWN_FOR_MS = 60_000

/**
 * Whether the hub knows a token's department. A token for a department the hub has never registered
 * (a typo in an issuer's mapping, or a department removed) is refused rather than given an empty
 * ability. Known codes are remembered for a minute; unknown ones are asked again each time, so a
 * department registered a moment ago is accepted at once.
 */
export class KnownDepartments {
  private readonly seen = new Map<string, number>()

  constructor(
    private readonly db: Knex,
    private readonly now: () => number = Date.now,
  ) {}

  async has(code: string): Promise<boolean> {
    const at = this.seen.get(code)
    if (at !== undefined && this.now() - at < KNOWN_FOR_MS) return true
    const row = await this.db('departments').where({ code }).first('code')
    if (!row) {
      this.seen.delete(code)
      return false
    }
    if (this.seen.size >= 10_000) this.seen.clear()
    this.seen.set(code, this.now())
    return true
  }
}
