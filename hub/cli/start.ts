/**
 * `npm start`: the hub. With no configuration it runs the embedded default (embedded PostgreSQL,
 * in-process events and jobs, demo data, dev token issuer); with DATABASE_URL, KAFKA_BROKERS and
 * REDIS_URL set it uses the real services.
 */
import path from 'node:path'
import closeWithGrace from 'close-with-grace'
import { loadConfigOrExit } from '../../platform/cli/load-config.ts'
import { EmbeddedDatabaseError } from '../../platform/embedded/embedded-database.ts'
import { ensureConsoleBuilt } from '../../platform/server/console-build.ts'
import { startHub } from '../start-hub.ts'

const config = loadConfigOrExit()
const root = path.resolve(import.meta.dirname, '../..')
// The web console is built when its sources changed since the last build (or never built).
const consoleBuild = await ensureConsoleBuilt({
  webDir: path.join(root, 'web'),
  extraFiles: [path.join(root, 'package-lock.json')],
  say: (message) => console.error(`[hub] ${message}`),
})
if (consoleBuild === 'no-sources') console.error('[hub] no console sources in web/: serving the API only')
const hub = await startHub(config).catch((error: unknown) => {
  // The embedded database's failures are told in words (its own output and the fix), not as a stack.
  if (error instanceof EmbeddedDatabaseError) console.error(`[hub] ${error.message}`)
  else console.error('[hub] could not start:', error instanceof Error ? error : String(error))
  process.exit(1)
})

closeWithGrace({ delay: 15_000 }, async ({ signal, err }) => {
  if (err) hub.app.log.error({ err }, 'stopping after an unexpected error')
  else hub.app.log.info({ signal }, 'stopping')
  await hub.stop()
})
