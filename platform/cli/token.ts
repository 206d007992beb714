/**
 * `npm run token -- <demo-name>` prints a bearer token from the local dev issuer for one of the demo
 * principals (steward, consumer, clerk, reviewer, auditor, admin, service, citizen).
 * `npm run token -- --sub ID --dept CODE --roles a,b [--district 141002] [--ttl 3600]` for any other.
 * `npm run token -- --jwks` prints the path of the dev issuer's public JWKS (for AUTH_JWKS_FILE).
 */
import { parseArgs } from 'node:util'
import { isRole } from '../../policies/roles.ts'
import type { Principal } from '../../schemas/generated/types.ts'
import { DEMO_PRINCIPALS } from '../auth/demo-principals.ts'
import { loadOrCreateDevIssuer } from '../auth/dev-issuer.ts'
import { loadConfigOrExit } from './load-config.ts'

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    sub: { type: 'string' },
    dept: { type: 'string' },
    roles: { type: 'string' },
    district: { type: 'string' },
    ttl: { type: 'string' },
    jwks: { type: 'boolean', default: false },
  },
})

const config = loadConfigOrExit()
const issuer = await loadOrCreateDevIssuer(config.dataDir, config.auth.issuer, config.auth.audience)
if (values.jwks) {
  console.log(issuer.jwksFile)
  process.exit(0)
}

let principal: Principal | undefined
if (values.sub) {
  const roles = (values.roles ?? '').split(',').filter(Boolean)
  if (!roles.length || !roles.every(isRole)) {
    console.error(`--roles: give one or more of ${Object.keys(DEMO_PRINCIPALS).join(', ')}`)
    process.exit(2)
  }
  principal = {
    subject: values.sub,
    department: values.dept ?? null,
    roles,
    district: values.district ?? null,
  }
} else {
  principal = DEMO_PRINCIPALS[positionals[0] ?? '']
  if (!principal) {
    console.error(
      `usage: npm run token -- <${Object.keys(DEMO_PRINCIPALS).join('|')}>  (or --sub/--dept/--roles)`,
    )
    process.exit(2)
  }
}
console.log(await issuer.issue(principal, values.ttl === undefined ? {} : { ttlSeconds: Number(values.ttl) }))
