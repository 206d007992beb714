import type { Knex } from 'knex'
import { UnavailableError } from '../platform/errors/app-error.ts'
import { appendEvents } from '../platform/events/outbox-store.ts'
import type { RequestContext } from '../policies/request-context.ts'
import type { AuditCheckpoint, AuditCheckpointKeys, AuditCheckpointList } from '../schemas/generated/types.ts'
import { recordTrailAccess, requireTrailRole } from './audit-gate.ts'
import { readChainHead } from './audit-store.ts'
import { checkpointEvent, writeCheckpointFile } from './checkpoint-export.ts'
import type { CheckpointSigner } from './checkpoint-signer.ts'
import {
  type CheckpointReason,
  type CheckpointRow,
  insertCheckpoint,
  latestCheckpoint,
  listCheckpoints,
} from './checkpoint-store.ts'

export function toCheckpoint(row: CheckpointRow): AuditCheckpoint {
  return { ...row, signedAt: row.signedAt.toISOString() }
}

/**
 * Signs the chain head (or, for retention, a given position) and keeps the JWS in audit_checkpoints.
 * In the same transaction it appends an `audit.checkpoint` event to the outbox and, when given the
 * audit archive directory, writes the JWS there as a file: copies outside the database, which an
 * owner who rewrites the database cannot take back (ADR 0005). Without a signing key (services mode
 * with no AUDIT_SIGNING_KEY) nothing can be signed: the scheduled job does nothing and an auditor's
 * request gets 503, so the gap is visible, not silent.
 */
export class CheckpointService {
  constructor(
    private readonly deps: {
      db: Knex
      signer: CheckpointSigner | null
      /** config.audit.archiveDir: each checkpoint is also written to its `checkpoints/` folder. */
      archiveDir?: string
      now?: () => Date
    },
  ) {}

  /** The periodic job: a new checkpoint only when the chain grew since the last one. */
  async scheduled(): Promise<CheckpointRow | null> {
    if (!this.deps.signer) return null
    const head = await readChainHead(this.deps.db)
    const latest = await latestCheckpoint(this.deps.db)
    if (latest && latest.lastId === head.lastId && latest.lastHash === head.lastHash) return latest
    return this.sign(head.lastId, head.lastHash, 'scheduled')
  }

  /** Signs a position that is not the head: the anchor retention writes before dropping records. */
  async anchor(lastId: number, lastHash: string): Promise<CheckpointRow> {
    return this.sign(lastId, lastHash, 'retention')
  }

  async create(ctx: RequestContext): Promise<AuditCheckpoint> {
    await requireTrailRole(ctx, ['auditor'], { action: 'audit.checkpoint' })
    this.requireSigner()
    const head = await readChainHead(this.deps.db)
    const row = await this.sign(head.lastId, head.lastHash, 'on-demand')
    await recordTrailAccess(ctx, { action: 'audit.checkpoint', details: { checkpointId: row.id } })
    return toCheckpoint(row)
  }

  async list(ctx: RequestContext, page: { cursor?: string; limit: number }): Promise<AuditCheckpointList> {
    await requireTrailRole(ctx, ['auditor'], { action: 'audit.checkpoints' })
    await recordTrailAccess(ctx, { action: 'audit.checkpoints' })
    const beforeId = page.cursor === undefined ? undefined : Number(page.cursor)
    const rows = await listCheckpoints(this.deps.db, { beforeId, limit: page.limit + 1 })
    const items = rows.slice(0, page.limit).map(toCheckpoint)
    return { items, nextCursor: rows.length > page.limit ? String(items[items.length - 1]!.id) : null }
  }

  keys(): AuditCheckpointKeys {
    return (this.deps.signer?.jwks() ?? { keys: [] }) as AuditCheckpointKeys
  }

  private requireSigner(): CheckpointSigner {
    if (!this.deps.signer)
      throw new UnavailableError(
        'audit-signing-key-missing',
        'The hub has no audit signing key (AUDIT_SIGNING_KEY); checkpoints cannot be signed',
      )
    return this.deps.signer
  }

  private async sign(lastId: number, lastHash: string, reason: CheckpointReason): Promise<CheckpointRow> {
    const signer = this.requireSigner()
    // Whole milliseconds: what timestamptz round-trips exactly, so the row equals the signed claims.
    const signedAt = new Date((this.deps.now ?? (() => new Date()))().getTime())
    const claims = { lastId, lastHash, count: lastId, signedAt: signedAt.toISOString() }
    const jws = await signer.sign(claims)
    const { archiveDir } = this.deps
    // The file is written before the commit: if it cannot be written, no checkpoint or event exists
    // and the job retries. A crash between file and commit leaves a file without a row; it is still
    // a true signed statement about the chain, and its id is never reused.
    return this.deps.db.transaction(async (trx) => {
      const row = await insertCheckpoint(trx, { ...claims, signedAt, keyId: signer.keyId, reason, jws })
      await appendEvents(trx, [checkpointEvent(toCheckpoint(row))])
      if (archiveDir) await writeCheckpointFile(archiveDir, row)
      return row
    })
  }
}
