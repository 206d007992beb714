/**
 * `node --import tsx exchange/sync/backfill-cli.ts <adapter> <kind>`: re-pulls one hub-held record
 * kind from the beginning (e.g. after a mapping fix). Upserts are idempotent, so only records whose
 * data differ are rewritten and announced. Uses DATABASE_URL and the `ADAPTER_*` settings.
 * Exit 0 when caught up, 1 when stopped before, 64 on bad usage, 78 on bad config.
 */
import { Registry } from 'prom-client'
import { buildAdapterRegistry } from '../../adapters/adapter-registry.ts'
import { installedAdapters } from '../../adapters/installed-adapters.ts'
import { loadConfigOrExit } from '../../platform/cli/load-config.ts'
import { createKnex } from '../../platform/db/knex-factory.ts'
import { createHttpClientFactory } from '../../platform/http-client/http-client-factory.ts'
import { SyncService } from './sync-service.ts'

const [adapter, kind] = process.argv.slice(2)
if (!adapter || !kind) {
  console.error('usage: backfill-cli.ts <adapter> <record-kind>')
  process.exit(64)
}
const config = loadConfigOrExit()
if (!config.databaseUrl) {
  console.error('DATABASE_URL: required to backfill hub-held records')
  process.exit(78)
}
const db = createKnex({ connectionString: config.databaseUrl, poolMax: 2 })
const http = createHttpClientFactory({ registry: new Registry() })
try {
  const adapters = buildAdapterRegistry({ modules: installedAdapters, env: process.env, http })
  // No batch bound: a backfill runs until the source has nothing newer.
  const sync = new SyncService({ db, adapters, maxBatches: Number.MAX_SAFE_INTEGER })
  const result = await sync.pull(adapter, kind, { fromScratch: true })
  console.log(JSON.stringify(result))
  if (!result.caughtUp) process.exitCode = 1
} finally {
  await http.close()
  await db.destroy()
}
