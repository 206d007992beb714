import { createHash } from 'node:crypto'
import { createWriteStream } from 'node:fs'
import { mkdir, rename, rm } from 'node:fs/promises'
import path from 'node:path'
import { Readable, Transform } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { createGzip } from 'node:zlib'
import type { Knex } from 'knex'
import { dropPartition, listPartitions, streamPartition } from './audit-store.ts'
import type { AuditWriter } from './audit-writer.ts'
import type { CheckpointService } from './checkpoint-service.ts'

export interface ArchivedPartition {
  partition: string
  records: number
  firstId: number | null
  lastId: number | null
  /** Archive file name inside the archive directory (null for an empty month). */
  file: string | null
  /** SHA-256 (hex) of the gzip file, recorded in the trail so the archive can be checked later. */
  sha256: string | null
  checkpointId: number | null
}

/** The first day (UTC) of the oldest month that must be kept. */
export function retentionCutoff(now: Date, months: number): string {
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - Math.max(months, 6), 1))
  return d.toISOString().slice(0, 10)
}

/** One archive line: every hashed field (subject hash and exact microseconds included), so it can be re-verified offline. */
function archiveLine(row: Record<string, unknown>): string {
  const { occurred_at: occurredAt, occurred_at_micros: micros, ...rest } = row
  return `${JSON.stringify({
    ...rest,
    id: Number(rest.id),
    occurred_at: (occurredAt as Date).toISOString(),
    occurred_at_micros: micros,
  })}\n`
}

/**
 * Retention of whole months (docs/adr/0005-audit-checkpoints.md). For each month past the retention,
 * oldest first: export it as gzip NDJSON (written to a temporary name, then renamed, so a file with
 * the final name is complete), sign a checkpoint at its last record — the anchor from which the
 * remaining chain is verified — record the archiving in the trail, and only then drop it.
 * Idempotent: a run that died half-way exports and anchors again.
 */
export class RetentionService {
  constructor(
    private readonly deps: {
      db: Knex
      writer: AuditWriter
      checkpoints: CheckpointService
      archiveDir: string
      retentionMonths: number
    },
  ) {}

  async run(now = new Date()): Promise<ArchivedPartition[]> {
    const cutoff = retentionCutoff(now, this.deps.retentionMonths)
    const expired = (await listPartitions(this.deps.db)).filter((p) => p.month < cutoff)
    const done: ArchivedPartition[] = []
    for (const { name, month } of expired) {
      const archived = await this.archive(name)
      await this.deps.writer.record({
        principal: 'hub',
        department: null,
        roles: ['service'],
        action: 'audit.retention.drop',
        resourceType: 'audit-partition',
        resourceId: name,
        outcome: 'allowed',
        details: { ...archived, retentionMonths: this.deps.retentionMonths },
      })
      await dropPartition(this.deps.db, month, this.deps.retentionMonths)
      done.push(archived)
    }
    return done
  }

  private async archive(partition: string): Promise<ArchivedPartition> {
    let records = 0
    let firstId: number | null = null
    let last: { id: number; hash: string } | null = null
    const db = this.deps.db
    async function* lines(): AsyncGenerator<string> {
      for await (const rows of streamPartition(db, partition)) {
        for (const row of rows) {
          records += 1
          firstId ??= Number(row.id)
          last = { id: Number(row.id), hash: String(row.hash) }
          yield archiveLine(row)
        }
      }
    }
    await mkdir(this.deps.archiveDir, { recursive: true })
    const file = `${partition}.ndjson.gz`
    const target = path.join(this.deps.archiveDir, file)
    const sha = createHash('sha256')
    const digest = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        sha.update(chunk)
        callback(null, chunk)
      },
    })
    await pipeline(Readable.from(lines()), createGzip(), digest, createWriteStream(`${target}.partial`))
    const end = last as { id: number; hash: string } | null
    if (records === 0 || !end) {
      await rm(`${target}.partial`, { force: true })
      return {
        partition,
        records: 0,
        firstId: null,
        lastId: null,
        file: null,
        sha256: null,
        checkpointId: null,
      }
    }
    await rename(`${target}.partial`, target)
    const checkpoint = await this.deps.checkpoints.anchor(end.id, end.hash)
    return {
      partition,
      records,
      firstId,
      lastId: end.id,
      file,
      sha256: sha.digest('hex'),
      checkpointId: checkpoint.id,
    }
  }
}
