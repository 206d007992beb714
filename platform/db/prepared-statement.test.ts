import { describe, expect, it } from 'vitest'
import { useTestDatabase } from '../../test/support/test-database.ts'
import { runPrepared } from './prepared-statement.ts'

const database = useTestDatabase()

describe('runPrepared', () => {
  it('runs a named statement on pooled connections, again and again, with fresh values each time', async () => {
    const seen: string[] = []
    const listen = (q: { sql: string }) => seen.push(q.sql)
    database.db.on('query', listen)
    try {
      const answers = await Promise.all(
        [1, 2, 3, 4, 5, 6].map((n) =>
          runPrepared<{ n: number }>(database.db, 'test_double', 'select $1::int * 2 as n', [n]),
        ),
      )
      expect(answers.map((a) => a.rows[0]!.n)).toEqual([2, 4, 6, 8, 10, 12])
      expect(seen.filter((sql) => sql === 'select $1::int * 2 as n')).toHaveLength(6)
    } finally {
      database.db.off('query', listen)
    }
  })

  it('refuses to run inside a transaction, whose connection it would not use', async () => {
    await expect(
      database.db.transaction((trx) => runPrepared(trx, 'test_in_trx', 'select 1', [])),
    ).rejects.toThrow(/not inside a transaction/)
  })

  it('reports a failing statement as the database error, and the connection stays usable', async () => {
    const divide = (d: number) =>
      runPrepared<{ v: number }>(database.db, 'test_fail', 'select 1 / $1::int as v', [d])
    await expect(divide(0)).rejects.toThrow(/division by zero/)
    expect((await divide(1)).rows).toEqual([{ v: 1 }])
  })
})
