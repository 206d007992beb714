import type { Knex } from 'knex'

interface PooledClient {
  acquireConnection(): Promise<{
    query(config: {
      name: string
      text: string
      values: unknown[]
    }): Promise<{ rows: unknown[]; rowCount: number | null }>
  }>
  releaseConnection(connection: unknown): Promise<unknown>
}

/**
 * Runs one of the few statements that run hundreds of times a second (the audit append, the
 * hub-held record read, the grant-epoch read) as a named prepared statement on a connection of the
 * knex pool: PostgreSQL parses and plans it once per connection instead of on every call, and the
 * call skips knex's query building. `text` uses `$1…` placeholders; `name` must be unique to it.
 * Not for transactions (it takes its own pooled connection) — everything else goes through knex.
 */
export async function runPrepared<R>(
  db: Knex,
  name: string,
  text: string,
  values: unknown[],
): Promise<{ rows: R[]; rowCount: number }> {
  if ((db as unknown as { isTransaction?: boolean }).isTransaction)
    throw new Error('runPrepared: not inside a transaction')
  const client = db.client as unknown as PooledClient
  // Listeners of knex's 'query' event (tests, tracing) see these statements too.
  db.emit('query', { method: 'raw', sql: text, bindings: values, prepared: name })
  const connection = await client.acquireConnection()
  try {
    const result = await connection.query({ name, text, values })
    return { rows: result.rows as R[], rowCount: result.rowCount ?? 0 }
  } finally {
    await client.releaseConnection(connection)
  }
}
