/**
 * `npm run token -- <demo-name>` prints a bearer token from the local dev issuer for one of the demo
 * principals; `--sub/--dept/--roles` mints any other; `--help` lists them all (see USAGE below).
 */
import path from 'node:path'
import { parseArgs } from 'node:util'
import { demoDepartments } from '../../adapters/simulator-kit/demo-departments.ts'
import { DEMO_PRINCIPALS } from '../../platform/auth/demo-principals.ts'
import { DevIssuerKeyMissing, loadDevIssuer } from '../../platform/auth/dev-issuer.ts'
import { isRole, ROLES } from '../../platform/auth/roles.ts'
import { loadConfigOrExit } from '../../platform/cli/load-config.ts'
import { validateResidentId } from '../../platform/identifiers/resident-id.ts'
import type { Principal } from '../../schemas/generated/types.ts'

const departmentNames = new Map(demoDepartments().map((d) => [d.code, d.name]))

function usage(): string {
  const rows = Object.entries(DEMO_PRINCIPALS).map(([name, p]) => {
    const dept = p.department ? `${p.department} (${departmentNames.get(p.department) ?? '?'})` : '—'
    const extra = p.idNumber ? `  idNumber ${p.idNumber}` : ''
    return `  ${name.padEnd(9)} sub ${p.subject.padEnd(27)} roles ${p.roles.join(',').padEnd(9)} dept ${dept}${extra}`
  })
  return [
    'usage: npm run -s token -- <demo principal>',
    '       npm run -s token -- --sub ID --roles ROLE[,ROLE] [--dept CODE] [--district DIVISION] [--id-number RESIDENT-ID] [--ttl SECONDS]',
    '       npm run -s token -- --jwks',
    '',
    'Prints an ES256 bearer token signed by the dev issuer key kept in HUB_DATA_DIR (default .data):',
    'run it with the same HUB_DATA_DIR as the running hub (`npm start`), which trusts only that key.',
    '',
    'Demo principals:',
    ...rows,
    '',
    'Any other principal:',
    '  --sub ID           the token subject (`sub`): a person or service account id',
    `  --roles LIST       comma-separated roles (\`roles\`): ${ROLES.join(', ')}`,
    '  --dept CODE        the department code (`dept`); required for every role but citizen',
    '  --district CODE    a 6-digit GB/T 2260 division code (`district`), e.g. 141000',
    "  --id-number ID     a citizen's resident ID (`idNumber`), as set after real-name verification",
    "  --ttl SECONDS      lifetime, default the hub's maximum (AUTH_MAX_TOKEN_LIFETIME_S, 1 hour; 24 hours for service)",
    '  e.g. npm run -s token -- --sub x --dept lf-hrss --roles steward --district 141000',
    '',
    '  --jwks             print the path of the dev issuer public JWKS (for AUTH_JWKS_FILE in services mode);',
    '                     creates the dev issuer key if this HUB_DATA_DIR has none yet',
  ].join('\n')
}

function fail(message: string): never {
  console.error(`${message}\n\n${usage()}`)
  process.exit(2)
}

let parsed: ReturnType<typeof parse>
function parse() {
  return parseArgs({
    allowPositionals: true,
    options: {
      help: { type: 'boolean', short: 'h', default: false },
      sub: { type: 'string' },
      dept: { type: 'string' },
      roles: { type: 'string' },
      district: { type: 'string' },
      'id-number': { type: 'string' },
      ttl: { type: 'string' },
      jwks: { type: 'boolean', default: false },
    },
  })
}
try {
  parsed = parse()
} catch (error) {
  fail((error as Error).message)
}
const { values, positionals } = parsed

if (values.help) {
  console.log(usage())
  process.exit(0)
}

function principalFromOptions(): Principal {
  if (!values.sub) {
    const found = DEMO_PRINCIPALS[positionals[0] ?? '']
    if (!found) fail(positionals[0] ? `no demo principal "${positionals[0]}"` : 'name a principal')
    return found
  }
  const roles = (values.roles ?? '').split(',').filter(Boolean)
  if (!roles.length || !roles.every(isRole)) fail(`--roles: give one or more of ${ROLES.join(', ')}`)
  if (!values.dept && !roles.every((r) => r === 'citizen')) fail('--dept: every role but citizen needs one')
  if (values.district !== undefined && !/^\d{6}$/.test(values.district))
    fail('--district: a 6-digit division code')
  const idNumber = values['id-number']
  if (idNumber !== undefined && !validateResidentId(idNumber).ok)
    fail('--id-number: not a valid resident ID (GB 11643)')
  const principal: Principal = {
    subject: values.sub,
    department: values.dept ?? null,
    roles,
    district: values.district ?? null,
  }
  if (idNumber) principal.idNumber = idNumber.toUpperCase()
  return principal
}

const ttlSeconds = values.ttl === undefined ? undefined : Number(values.ttl)
if (ttlSeconds !== undefined && (!Number.isInteger(ttlSeconds) || ttlSeconds < 1))
  fail('--ttl: a positive number of seconds')
const principal = values.jwks ? null : principalFromOptions()
const config = loadConfigOrExit()
try {
  const issuer = await loadDevIssuer(config.dataDir, config.auth.issuer, config.auth.audience, {
    create: values.jwks,
  })
  console.log(
    principal
      ? await issuer.issue(principal, ttlSeconds === undefined ? {} : { ttlSeconds })
      : issuer.jwksFile,
  )
} catch (error) {
  if (!(error instanceof DevIssuerKeyMissing)) throw error
  console.error(
    [
      `No dev issuer key in HUB_DATA_DIR ${path.resolve(config.dataDir)} (looked for ${error.keyFile}).`,
      'A token is only useful if the running hub trusts its key, so none was made. Either start the hub',
      'first (`npm start` creates the key), or run this command with the HUB_DATA_DIR the hub runs with,',
      `e.g. HUB_DATA_DIR=/path/to/hub/data npm run -s token -- ${positionals[0] ?? 'clerk'}`,
    ].join('\n'),
  )
  process.exit(1)
}
