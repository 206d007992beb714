import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import type { Knex } from 'knex'
import { createKnex } from './knex-factory.ts'

declare module 'fastify' {
  interface FastifyInstance {
    db: Knex
  }
}

export interface DbPluginOptions {
  connectionString: string
  poolMax?: number
}

/** The PostgreSQL connection pool, the system of record. Closed when the app closes. */
export const dbPlugin = fp<DbPluginOptions>(
  async (app: FastifyInstance, opts) => {
    const db = createKnex({ connectionString: opts.connectionString, poolMax: opts.poolMax ?? 20 })
    app.decorate('db', db)
    app.addHook('onClose', async () => {
      await db.destroy()
    })
  },
  { name: 'db' },
)

export async function pingDatabase(db: Knex): Promise<void> {
  await db.raw('select 1')
}
