import type { Knex } from 'knex'
import { canonicalJson } from '../platform/crypto/canonical-json.ts'
import {
  type AuditHashAlgorithm,
  type ChainedRecord,
  hashRecord,
  hashSubject,
  maskSubject,
} from './audit-chain.ts'
import { appendIfHead, appendLocked, type ChainHead, ensurePartition } from './audit-store.ts'

/** What a feature says about one access or change. The writer adds time, chain position and hashes. */
export interface AuditEntry {
  /** The caller's subject (person or service account). */
  principal: string
  department: string | null
  roles: readonly string[]
  /** Dotted verb, e.g. `exchange.fetch`, `directory.resource.publish`, `audit.search`. */
  action: string
  resourceType: string
  resourceId?: string | null
  /** The data subject's identifier in plain text; only its keyed hash and masked form are stored. */
  subjectId?: string | null
  /** Information items returned (codes), empty for a denial. */
  items?: readonly string[]
  purpose?: string | null
  caseNumber?: string | null
  grantId?: string | null
  outcome: 'allowed' | 'denied'
  /** Why it was denied (a stable error code), or a note for an allowed action. */
  reason?: string | null
  requestId?: string | null
  clientAddress?: string | null
  /** Small structured extras (no personal identifiers in plain text). */
  details?: Record<string, unknown> | null
}

export interface AuditReceipt {
  id: number
  hash: string
}

export interface AuditWriterOptions {
  db: Knex
  /** HMAC key for subject identifiers (config: AUDIT_SUBJECT_KEY). */
  subjectKey: Buffer
  /** Hash of new records (config: AUDIT_HASH_ALGORITHM); default SHA-256. */
  hashAlgorithm?: AuditHashAlgorithm
  /** Most records in one append statement (bounds the statement size and a flush's latency). */
  maxBatch?: number
  now?: () => number
  /** Told about every committed batch (its records' outcomes, the commit's duration): for metrics. */
  onFlush?: (outcomes: readonly ('allowed' | 'denied')[], seconds: number) => void
  /** Told about every denied entry accepted for a request (so the refusal is not recorded twice). */
  onDenied?: (requestId: string) => void
}

interface Pending {
  record: Omit<ChainedRecord, 'id' | 'prevHash'>
  resolve: (receipt: AuditReceipt) => void
  reject: (error: unknown) => void
}

// PostgreSQL rejects NUL in text, and a lone surrogate would be stored as U+FFFD and no longer match
// its hash; one such value would fail or spoil the whole batch, so refuse it up front.
function unstorable(value: unknown): boolean {
  if (typeof value === 'string') return value.includes('\u0000') || !value.isWellFormed()
  if (Array.isArray(value)) return value.some(unstorable)
  if (value && typeof value === 'object')
    return Object.entries(value).some(([k, v]) => unstorable(k) || unstorable(v))
  return false
}

/**
 * Group commit for the hash chain. `record()` queues an entry; one flusher at a time takes everything
 * queued, numbers and hashes the batch in memory from the chain head it last wrote, and appends it with
 * one statement that inserts the records and moves the head only if the head is still where this
 * writer left it; when another instance has moved it (or after a start or a failure), it locks the
 * head row, re-numbers and re-hashes in a transaction instead.
 * The statement commits on its own; only then are the callers' promises resolved, so a caller that awaits
 * `record()` before answering never answers without a durable record. Entries arriving while a flush
 * is in flight wait for the next one, which is what turns many concurrent requests into few commits.
 */
export class AuditWriter {
  private readonly db: Knex
  private readonly subjectKey: Buffer
  private readonly maxBatch: number
  private readonly now: () => number
  private readonly onFlush: AuditWriterOptions['onFlush']
  private readonly onDenied: AuditWriterOptions['onDenied']
  private readonly hashAlgorithm: AuditHashAlgorithm
  private queue: Pending[] = []
  private flushing: Promise<void> | null = null
  private closed = false
  private readonly knownMonths = new Set<string>()
  /** Counters for tests, metrics and the benchmark. */
  readonly stats = { flushes: 0, records: 0, failedFlushes: 0, headConflicts: 0 }
  /** The chain head after this writer's last append; null when unknown (start, conflict, failure). */
  private head: ChainHead | null = null

  constructor({
    db,
    subjectKey,
    maxBatch = 1000,
    now = Date.now,
    onFlush,
    onDenied,
    hashAlgorithm = 'sha256',
  }: AuditWriterOptions) {
    if (subjectKey.length < 16) throw new Error('AuditWriter: the subject key must be at least 16 bytes')
    this.db = db
    this.subjectKey = subjectKey
    this.maxBatch = maxBatch
    this.now = now
    this.onFlush = onFlush
    this.onDenied = onDenied
    this.hashAlgorithm = hashAlgorithm
  }

  /** The keyed hash under which a subject's records are stored (what searches by subject query). */
  subjectHash(subjectId: string): string {
    return hashSubject(this.subjectKey, subjectId)
  }

  record(entry: AuditEntry): Promise<AuditReceipt> {
    let record: Pending['record']
    try {
      record = this.prepare(entry)
    } catch (error) {
      return Promise.reject(error)
    }
    if (record.outcome === 'denied' && record.requestId) this.onDenied?.(record.requestId)
    return new Promise<AuditReceipt>((resolve, reject) => {
      this.queue.push({ record, resolve, reject })
      if (!this.flushing) this.flushing = this.drain()
    })
  }

  /** Everything that can go wrong with one entry goes wrong here, before it could spoil a batch. */
  private prepare(entry: AuditEntry): Pending['record'] {
    if (this.closed) throw new Error('AuditWriter is closed')
    if (!entry.action || !entry.resourceType || !entry.principal)
      throw new TypeError('AuditWriter: principal, action and resourceType are required')
    if (entry.outcome !== 'allowed' && entry.outcome !== 'denied')
      throw new TypeError('AuditWriter: outcome must be allowed or denied')
    if (unstorable(entry)) throw new TypeError('AuditWriter: text must not contain NUL or lone surrogates')
    const subject = entry.subjectId?.trim() ? entry.subjectId : null
    return {
      occurredAtMicros: BigInt(Math.floor(this.now())) * 1000n,
      principal: entry.principal,
      department: entry.department ?? null,
      roles: [...entry.roles],
      action: entry.action,
      resourceType: entry.resourceType,
      resourceId: entry.resourceId ?? null,
      subjectHash: subject ? this.subjectHash(subject) : null,
      subjectMasked: subject ? maskSubject(subject) : null,
      items: [...(entry.items ?? [])],
      purpose: entry.purpose ?? null,
      caseNumber: entry.caseNumber ?? null,
      grantId: entry.grantId ?? null,
      outcome: entry.outcome,
      reason: entry.reason ?? null,
      requestId: entry.requestId ?? null,
      clientAddress: entry.clientAddress ?? null,
      // Throws for values JSON cannot hold (BigInt, cycles): the caller learns at once.
      details: entry.details == null ? null : canonicalJson(entry.details),
      hashAlg: this.hashAlgorithm,
    }
  }

  /** Waits for everything queued so far to be written, then refuses new entries. */
  async close(): Promise<void> {
    this.closed = true
    while (this.flushing) await this.flushing
  }

  private async drain(): Promise<void> {
    // Yield once so callers that arrive in the same tick share the first flush too.
    await new Promise((resolve) => setImmediate(resolve))
    try {
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0, this.maxBatch)
        try {
          const receipts = await this.flush(batch)
          for (const [i, p] of batch.entries()) p.resolve(receipts[i]!)
        } catch (error) {
          // The transaction rolled back: nothing of this batch is stored and the head did not move.
          this.stats.failedFlushes += 1
          for (const p of batch) p.reject(error)
        }
      }
    } finally {
      this.flushing = null
    }
  }

  private async flush(batch: Pending[]): Promise<AuditReceipt[]> {
    for (const p of batch) await this.ensureMonth(p.record.occurredAtMicros)
    const started = performance.now()
    const chain = (head: ChainHead) => {
      let prevHash = head.lastHash
      return batch.map((p, i) => {
        const record: ChainedRecord = { ...p.record, id: head.lastId + 1 + i, prevHash }
        const hash = hashRecord(record)
        prevHash = hash
        return { record, hash }
      })
    }
    // One round trip from the head this writer last left; if that is unknown or another writer has
    // moved it since, take the head row's lock instead (which always makes progress).
    const expected = this.head
    this.head = null
    let rows = expected ? chain(expected) : null
    if (expected && rows && !(await appendIfHead(this.db, expected, rows))) {
      this.stats.headConflicts += 1
      rows = null
    }
    if (!rows) rows = await appendLocked(this.db, chain)
    const last = rows[rows.length - 1]!
    this.head = { lastId: last.record.id, lastHash: last.hash }
    this.stats.flushes += 1
    this.stats.records += batch.length
    this.onFlush?.(
      batch.map((p) => p.record.outcome),
      (performance.now() - started) / 1000,
    )
    return rows.map(({ record, hash }) => ({ id: record.id, hash }))
  }

  /** Partitions are made on first use of a month (the migration pre-creates the months around it). */
  private async ensureMonth(micros: bigint): Promise<void> {
    const month = new Date(Number(micros / 1000n)).toISOString().slice(0, 7)
    if (this.knownMonths.has(month)) return
    await ensurePartition(this.db, `${month}-01`)
    this.knownMonths.add(month)
  }
}
