import { describe, expect, it } from 'vitest'
import { createKnex } from '../../platform/db/knex-factory.ts'
import { useTestDatabase } from '../../test/support/test-database.ts'
import { HeldRecordBatcher } from './held-record-batcher.ts'

const database = useTestDatabase()
const KIND = 'social-insurance-contribution'

async function hold(subjectId: string, recordIds: string[], kind = KIND) {
  await database.db('hub_records').insert(
    recordIds.map((recordId) => ({
      kind,
      record_id: recordId,
      adapter: 'hrss',
      subject_id: subjectId,
      data_hash: recordId,
      data: { recordId, subjectId },
    })),
  )
}

describe('HeldRecordBatcher', () => {
  it('answers concurrent fetches with one query, each caller getting only its own subjects in record order', async () => {
    await hold('S-A', ['A-2', 'A-1'])
    await hold('S-B', ['B-1'])
    await hold('S-C', ['C-1'])
    await hold('S-A', ['X-1'], 'other-kind')
    const batcher = new HeldRecordBatcher(database.db)
    const sent: string[] = []
    const count = (q: { sql: string }) => sent.push(q.sql)
    database.db.on('query', count)
    try {
      const [a, bc, none] = await Promise.all([
        batcher.read(KIND, ['S-A']),
        batcher.read(KIND, ['S-B', 'S-C', 'S-B']),
        batcher.read(KIND, ['S-unknown']),
      ])
      expect(a.map((r) => r.recordId)).toEqual(['A-1', 'A-2'])
      expect(bc.map((r) => r.recordId).sort()).toEqual(['B-1', 'C-1'])
      expect(none).toEqual([])
      expect(sent).toHaveLength(1)
    } finally {
      database.db.off('query', count)
    }
  })

  it('never answers a read from before the caller arrived: a record stored in between is returned', async () => {
    const batcher = new HeldRecordBatcher(database.db)
    expect(await batcher.read(KIND, ['S-D'])).toEqual([])
    await hold('S-D', ['D-1'])
    expect((await batcher.read(KIND, ['S-D'])).map((r) => r.recordId)).toEqual(['D-1'])
  })

  it('fails every caller of a read that fails; a later read is served normally', async () => {
    await hold('S-E', ['E-1'])
    const gone = createKnex({ connectionString: `${database.url}_missing`, poolMax: 1 })
    try {
      const broken = new HeldRecordBatcher(gone)
      const reads = [broken.read(KIND, ['S-E']), broken.read(KIND, ['S-F'])]
      for (const read of reads) await expect(read).rejects.toThrow(/does not exist/)
    } finally {
      await gone.destroy()
    }
    const batcher = new HeldRecordBatcher(database.db)
    expect((await batcher.read(KIND, ['S-E'])).map((r) => r.recordId)).toEqual(['E-1'])
  })
})
