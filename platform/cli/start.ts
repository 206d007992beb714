/**
 * `npm start`: the hub. With no configuration it runs the embedded default (embedded PostgreSQL,
 * in-process events and jobs, demo data, dev token issuer); with DATABASE_URL, KAFKA_BROKERS and
 * REDIS_URL set it uses the real services.
 */
import closeWithGrace from 'close-with-grace'
import { startHub } from '../server/start-hub.ts'
import { loadConfigOrExit } from './load-config.ts'

const config = loadConfigOrExit()
const hub = await startHub(config)

closeWithGrace({ delay: 15_000 }, async ({ signal, err }) => {
  if (err) hub.app.log.error({ err }, 'stopping after an unexpected error')
  else hub.app.log.info({ signal }, 'stopping')
  await hub.stop()
})
