import type { Knex } from 'knex'
import { TurnBatcher } from '../../platform/db/turn-batcher.ts'
import { type HeldRecord, heldRecords } from './fetch-source-read-model.ts'

const keyOf = (kind: string, subjectId: string) => `${kind}\u0000${subjectId}`

/**
 * Reads hub-held records of concurrent fetches together: the (kind, subject) look-ups of one
 * event-loop turn go out as one indexed query per kind (TurnBatcher), then each caller gets its own
 * subjects' rows, each subject's in record order. A caller only joins a read not yet sent, so it
 * sees every record stored before it asked.
 */
export class HeldRecordBatcher {
  private readonly bySubject: TurnBatcher<string, HeldRecord[]>

  constructor(db: Knex) {
    this.bySubject = new TurnBatcher(async (keys) => {
      const subjectsByKind = new Map<string, string[]>()
      for (const key of keys) {
        const [kind, subjectId] = key.split('\u0000') as [string, string]
        const subjects = subjectsByKind.get(kind)
        if (subjects) subjects.push(subjectId)
        else subjectsByKind.set(kind, [subjectId])
      }
      const found = new Map<string, HeldRecord[]>()
      await Promise.all(
        [...subjectsByKind].map(async ([kind, subjectIds]) => {
          for (const row of await heldRecords(db, kind, subjectIds)) {
            const key = keyOf(kind, row.subjectId)
            const list = found.get(key)
            if (list) list.push(row)
            else found.set(key, [row])
          }
        }),
      )
      return found
    })
  }

  async read(kind: string, subjectIds: readonly string[]): Promise<HeldRecord[]> {
    const lists = await Promise.all([...new Set(subjectIds)].map((id) => this.bySubject.get(keyOf(kind, id))))
    return lists.flatMap((rows) => rows ?? [])
  }
}
