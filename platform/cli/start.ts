/**
 * `npm start`: the hub. With no configuration it runs the embedded default (embedded PostgreSQL,
 * in-process events and jobs, demo data, dev token issuer); with DATABASE_URL, KAFKA_BROKERS and
 * REDIS_URL set it uses the real services.
 */
import closeWithGrace from 'close-with-grace'
import { EmbeddedDatabaseError } from '../embedded/embedded-database.ts'
import { startHub } from '../server/start-hub.ts'
import { loadConfigOrExit } from './load-config.ts'

const config = loadConfigOrExit()
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
