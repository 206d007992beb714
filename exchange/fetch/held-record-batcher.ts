import type { Knex } from 'knex'
import { type HeldRecord, heldRecords } from './fetch-source-read-model.ts'

/** Most subject ids in one batched read (far below PostgreSQL's 65,535 bind parameters). */
const MAX_IDS = 2_000

interface Waiting {
  subjectIds: readonly string[]
  resolve: (rows: HeldRecord[]) => void
  reject: (error: unknown) => void
}

/**
 * Reads hub-held records of concurrent fetches together: the reads of one event-loop turn are queued
 * per kind and sent as one indexed query on the next `setImmediate`, then split per caller. A caller
 * only joins a read that has not been sent yet, so every read executes after its callers arrived
 * and returns the rows a read of its own would have (each subject's in record order) — one round trip per kind
 * per turn instead of one per request.
 */
export class HeldRecordBatcher {
  private readonly unsent = new Map<string, Waiting[]>()

  constructor(private readonly db: Knex) {}

  read(kind: string, subjectIds: readonly string[]): Promise<HeldRecord[]> {
    return new Promise((resolve, reject) => {
      const queued = this.unsent.get(kind)
      if (queued) {
        queued.push({ subjectIds, resolve, reject })
        return
      }
      this.unsent.set(kind, [{ subjectIds, resolve, reject }])
      setImmediate(() => {
        const waiting = this.unsent.get(kind) ?? []
        this.unsent.delete(kind)
        for (const chunk of chunks(waiting)) void this.send(kind, chunk)
      })
    })
  }

  private async send(kind: string, waiting: Waiting[]): Promise<void> {
    try {
      const ids = [...new Set(waiting.flatMap((w) => w.subjectIds))]
      const rows = await heldRecords(this.db, kind, ids)
      const bySubject = new Map<string, HeldRecord[]>()
      for (const row of rows) {
        const list = bySubject.get(row.subjectId)
        if (list) list.push(row)
        else bySubject.set(row.subjectId, [row])
      }
      for (const w of waiting) {
        // Each subject's rows keep the query's record order, which is what callers group by.
        w.resolve([...new Set(w.subjectIds)].flatMap((id) => bySubject.get(id) ?? []))
      }
    } catch (error) {
      for (const w of waiting) w.reject(error)
    }
  }
}

/** Callers grouped so that no read carries more than MAX_IDS ids (a single larger caller goes alone). */
function chunks(waiting: Waiting[]): Waiting[][] {
  const out: Waiting[][] = []
  let current: Waiting[] = []
  let size = 0
  for (const w of waiting) {
    if (current.length > 0 && size + w.subjectIds.length > MAX_IDS) {
      out.push(current)
      current = []
      size = 0
    }
    current.push(w)
    size += w.subjectIds.length
  }
  if (current.length > 0) out.push(current)
  return out
}
