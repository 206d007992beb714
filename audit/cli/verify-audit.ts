/**
 * `npm run audit:verify [-- --from <id>] [-- --to <id>]`: re-walks the audit hash chain on
 * DATABASE_URL and names the first broken record; with AUDIT_SIGNING_KEY set it also checks every
 * signed checkpoint. Exit 0 when intact, 1 when broken, 78 on bad config.
 */
import { parseArgs } from 'node:util'
import { loadConfigOrExit } from '../../platform/cli/load-config.ts'
import { createKnex } from '../../platform/db/knex-factory.ts'
import { CheckpointSigner } from '../checkpoint-signer.ts'
import { verifyTrail } from '../checkpoint-verify.ts'

const { values } = parseArgs({ options: { from: { type: 'string' }, to: { type: 'string' } } })
const position = (name: string, raw: string | undefined): number | undefined => {
  if (raw === undefined) return undefined
  const n = Number(raw)
  if (!Number.isSafeInteger(n) || n < 1) {
    console.error(`--${name}: must be a positive integer record id (got "${raw}")`)
    process.exit(64) // EX_USAGE
  }
  return n
}
const fromId = position('from', values.from)
const toId = position('to', values.to)

const config = loadConfigOrExit()
if (!config.databaseUrl) {
  console.error('DATABASE_URL: required to verify the audit trail')
  process.exit(78)
}
const db = createKnex({ connectionString: config.databaseUrl, poolMax: 2 })
try {
  const started = performance.now()
  const signer = config.audit.signingKey ? await CheckpointSigner.fromJwk(config.audit.signingKey) : null
  const result = await verifyTrail(db, signer, { fromId, toId })
  const seconds = (performance.now() - started) / 1000
  console.log(JSON.stringify({ ...result, seconds: Math.round(seconds * 100) / 100 }))
  if (!result.ok) process.exitCode = 1
} finally {
  await db.destroy()
}
