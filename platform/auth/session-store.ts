import type { Knex } from 'knex'

/** What the console shows of the signed-in person: the API principal plus a name to greet them by. */
export interface SessionPrincipal {
  subject: string
  department: string | null
  roles: string[]
  district: string | null
  displayName?: string
  /**
   * A citizen's verified resident ID, handed on to the API principal (it finds their accesses by it).
   * Never sent to the browser: the session view's schema leaves it out.
   */
  idNumber?: string
}

export interface SessionRow {
  idHash: string
  principal: SessionPrincipal
  csrfToken: string
  method: 'dev' | 'oidc'
  idToken: string | null
  createdAt: Date
  lastSeenAt: Date
  expiresAt: Date
}

interface DbRow {
  id_hash: string
  principal: SessionPrincipal
  csrf_token: string
  method: 'dev' | 'oidc'
  id_token: string | null
  created_at: Date
  last_seen_at: Date
  expires_at: Date
}

const fromDb = (row: DbRow): SessionRow => ({
  idHash: row.id_hash,
  principal: row.principal,
  csrfToken: row.csrf_token,
  method: row.method,
  idToken: row.id_token,
  createdAt: row.created_at,
  lastSeenAt: row.last_seen_at,
  expiresAt: row.expires_at,
})

/** Console sessions in PostgreSQL (table `console_sessions`), keyed by the hash of the cookie's id. */
export class SessionStore {
  constructor(private readonly db: Knex) {}

  async insert(row: SessionRow): Promise<void> {
    await this.db('console_sessions').insert({
      id_hash: row.idHash,
      subject: row.principal.subject,
      principal: JSON.stringify(row.principal),
      csrf_token: row.csrfToken,
      method: row.method,
      id_token: row.idToken,
      created_at: row.createdAt,
      last_seen_at: row.lastSeenAt,
      expires_at: row.expiresAt,
    })
  }

  async find(idHash: string): Promise<SessionRow | null> {
    const row = (await this.db('console_sessions').where({ id_hash: idHash }).first()) as DbRow | undefined
    return row ? fromDb(row) : null
  }

  async touch(idHash: string, at: Date): Promise<void> {
    await this.db('console_sessions').where({ id_hash: idHash }).update({ last_seen_at: at })
  }

  /** Removes the session; answers what it was, so sign-out can audit and log out at the IdP. */
  async delete(idHash: string): Promise<SessionRow | null> {
    const [row] = (await this.db('console_sessions').where({ id_hash: idHash }).del('*')) as DbRow[]
    return row ? fromDb(row) : null
  }

  /** Forgets sessions that ended before `before` (kept a while so an expired one still answers "expired"). */
  async purgeEndedBefore(before: Date): Promise<number> {
    return this.db('console_sessions').where('expires_at', '<', before).del()
  }
}
