/**
 * One validated configuration object, read from the environment once at start-up.
 * Every problem names the variable, so an operator can fix a deployment from the message alone.
 */

import { withOfficialDays } from '../calendar/official-days.ts'

export type HubMode = 'embedded' | 'services'

export interface AuthConfig {
  issuer: string
  audience: string
  /** Inline JWKS (JSON), a JWKS file path, or a JWKS URL — exactly one source. */
  jwks:
    | { kind: 'inline'; json: string }
    | { kind: 'file'; path: string }
    | { kind: 'url'; url: string }
    | null
  /** Lifetime of a cached verified token never exceeds its own `exp`; this caps the cache size. */
  tokenCacheSize: number
  /** Longest accepted token lifetime (`exp − iat`) for people, in seconds. */
  maxTokenLifetimeS: number
  /** Longest accepted token lifetime for department systems (the `service` role), in seconds. */
  maxServiceTokenLifetimeS: number
  /** Refuse tokens whose `dept` is not a registered department (off only to bootstrap a test harness). */
  requireKnownDepartment: boolean
  /** Failed authentications are recorded once per source and reason per this many seconds, then summed. */
  failureAuditIntervalS: number
}

export interface CalendarConfig {
  /**
   * Days off and worked weekend days: China's official ones (platform/calendar/official-days.ts) with
   * `WORKDAY_HOLIDAYS` / `WORKDAY_MAKEUP_DAYS` on top.
   */
  holidays: string[]
  makeUpWorkdays: string[]
  decisionWorkdays: number
  /** Working days a provider has to answer a data objection, by the share type of the data. */
  objectionWorkdays: { unconditional: number; conditional: number }
}

export interface LimitsConfig {
  bodyLimitBytes: number
  rateLimitPerMinute: number
  /** Count the per-principal limit in Redis across all hub instances (one round trip per request) instead of per instance. */
  rateLimitShared: boolean
}

/** How people sign in to the web console (the hub is its backend-for-frontend). */
export interface ConsoleConfig {
  /** `oidc` when OIDC_ISSUER_URL is set; else `dev` (demo principals, one click) when AUTH_DEV_SIGN_IN allows; else `off`. */
  signIn: 'dev' | 'oidc' | 'off'
  /** The built console (web/dist); served under /console/. */
  webDist: string
  session: {
    /** Absolute lifetime of a session. */
    ttlMinutes: number
    /** A session unused for this long ends. */
    idleMinutes: number
  }
  oidc: OidcConfig | null
}

export interface OidcConfig {
  issuerUrl: string
  clientId: string
  /** Confidential client secret; null for a public client (PKCE alone). */
  clientSecret: string | null
  redirectUrl: string
  scopes: string
  /** Claim names (dotted paths, e.g. `realm_access.roles`) that carry the principal's fields. */
  claims: { department: string; roles: string; district: string }
}

export interface HubConfig {
  mode: HubMode
  host: string
  port: number
  /** The hub's address as others reach it, without a trailing slash: the base of published IRIs. */
  publicUrl: string
  /** Who publishes the catalog (`dct:publisher` of the DCAT-AP export). */
  catalogPublisher: string
  logLevel: string
  dataDir: string
  databaseUrl: string | null
  kafkaBrokers: string[]
  redisUrl: string | null
  auth: AuthConfig
  calendar: CalendarConfig
  limits: LimitsConfig
  outbox: { pollIntervalMs: number; batchSize: number; topicPrefix: string }
  /**
   * `everyMs`: intervals that replace scheduled jobs' own, by job name (`JOBS_EVERY_MS`,
   * e.g. `audit-checkpoint=2000`), for tests and drills that must see many ticks quickly.
   */
  jobs: { queuePrefix: string; everyMs: Readonly<Record<string, number>> }
  /** Deliveries of access-request changes to departments' webhooks: tries, first delay, longest delay. */
  accessWebhooks: { attempts: number; backoffMs: number; maxBackoffMs: number }
  /**
   * Electronic certificates (ADR 0007): the key-encryption key sealing issuers' private keys and
   * front-end database URLs (null: made and kept in the data dir in embedded mode, else signing
   * answers 503), earlier KEKs that still open old seals, the seal for keys sealed from now on, and the
   * signing algorithms per issuer (parsed by exchange/certificates/signing-algorithms.ts).
   */
  certificates: {
    keyEncryptionKey: string | null
    retiredKeyEncryptionKeys: string[]
    keySealAlgorithm: 'aes-256-gcm' | 'sm4'
    signingAlgorithms: string | null
  }
  /**
   * The department adapters' settings, `ADAPTER_<NAME>_*` as set (each adapter module reads and
   * checks its own, adapters/adapter-registry.ts).
   */
  adapters: Record<string, string>
  /** Port of the embedded PostgreSQL (embedded mode only). */
  embeddedDatabasePort: number
  /**
   * Case exchange: the directory resource whose grants cover case data, and the case webhooks' retry
   * schedule per delivery and signing keys (ADR 0006, 0007).
   */
  cases: {
    dataResourceCode: string
    webhooks: { attempts: number; backoffMs: number; maxBackoffMs: number; signing: JwsSigningConfig }
  }
  /**
   * The audit trail: HMAC key for subject identifiers and the private JWK (ES256) that signs
   * checkpoints (the embedded default makes both on first start); months kept before a monthly
   * partition is archived and dropped; where those archives go.
   */
  audit: {
    subjectKey: string | null
    signingKey: string | null
    /** Public JWK Set (JSON text) of checkpoint keys replaced by `signingKey`: verify only. */
    retiredSigningKeys: string | null
    /** Hash of the audit chain for records written from now on: SHA-256 or SM3 (ADR 0007); stored per record. */
    hashAlgorithm: 'sha256' | 'sm3'
    retentionMonths: number
    archiveDir: string
  }
  /**
   * The 事项 catalog: the checked patterns of the GB/T 39554.1 codes whose national structure is not
   * verified (only the implementing body's credit code and division are validated as such), and how
   * often the provincial platform's items are pulled.
   */
  serviceItems: { codePattern: string; implementationCodePattern: string; syncEveryMs: number }
  seedDemoData: boolean
  console: ConsoleConfig
}

/** Detached-JWS signing keys: the first algorithm signs `x-hub-signature`, a second `x-hub-signature-2`. */
export interface JwsSigningConfig {
  algorithms: ('ES256' | 'SM2')[]
  /** Private P-256 JWK; null: an ephemeral key per process. */
  es256Key: Record<string, unknown> | null
  /** Private SM2 JWK; null: an ephemeral key per process. */
  sm2Key: Record<string, unknown> | null
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`)
    this.name = 'ConfigError'
  }
}

type Env = Record<string, string | undefined>

const DATE = /^\d{4}-\d{2}-\d{2}$/
/** A public EC P-256 or SM2 (ADR 0007) JWK with a `kid`, as a retired checkpoint key is published. */
function isPublicP256Jwk(k: unknown): boolean {
  const jwk = k as Record<string, unknown> | null
  return (
    jwk?.kty === 'EC' &&
    (jwk.crv === 'P-256' || jwk.crv === 'SM2') &&
    typeof jwk.x === 'string' &&
    typeof jwk.y === 'string' &&
    typeof jwk.kid === 'string'
  )
}

/** 基本编码: 12 characters nationally; a province-style local code (e.g. `SX-RS-0001`) where none exists. */
export const DEFAULT_SERVICE_ITEM_CODE_PATTERN = '^(?:[0-9A-Z]{12}|[A-Z]{2}(?:-[0-9A-Z]{1,10}){1,4})$'
/** 实施编码: its national structure is unverified (provinces differ), so only its alphabet and length. */
export const DEFAULT_IMPLEMENTATION_CODE_PATTERN = '^[0-9A-Z][0-9A-Z-]{11,63}$'

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']

class Reader {
  readonly problems: string[] = []
  constructor(private readonly env: Env) {}

  raw(name: string): string | undefined {
    const value = this.env[name]
    return value === undefined || value.trim() === '' ? undefined : value.trim()
  }

  string(name: string, fallback: string): string {
    return this.raw(name) ?? fallback
  }

  required(name: string, why: string): string | null {
    const value = this.raw(name)
    if (value === undefined) this.problems.push(`${name}: required ${why}`)
    return value ?? null
  }

  int(name: string, fallback: number, min: number, max: number): number {
    const value = this.raw(name)
    if (value === undefined) return fallback
    const n = Number(value)
    if (!Number.isInteger(n) || n < min || n > max) {
      this.problems.push(`${name}: must be an integer from ${min} to ${max} (got "${value}")`)
      return fallback
    }
    return n
  }

  bool(name: string, fallback: boolean): boolean {
    const value = this.raw(name)
    if (value === undefined) return fallback
    if (['1', 'true', 'yes'].includes(value.toLowerCase())) return true
    if (['0', 'false', 'no'].includes(value.toLowerCase())) return false
    this.problems.push(`${name}: must be true or false (got "${value}")`)
    return fallback
  }

  url(name: string, value: string | null, protocols: string[]): string | null {
    if (value === null) return null
    try {
      const parsed = new URL(value)
      if (!protocols.includes(parsed.protocol)) {
        this.problems.push(`${name}: must use ${protocols.join(' or ')} (got "${parsed.protocol}")`)
      }
    } catch {
      this.problems.push(`${name}: is not a valid URL`)
    }
    return value
  }

  /** `name=ms,name=ms`: intervals by job name, each from 1 s to a week. */
  intervals(name: string): Record<string, number> {
    const out: Record<string, number> = {}
    for (const part of (this.raw(name) ?? '').split(',').filter((p) => p.trim() !== '')) {
      const [job, ms] = part.split('=').map((p) => p.trim())
      const n = Number(ms)
      if (!job || !/^[a-z0-9-]+$/.test(job) || !Number.isInteger(n) || n < 1000 || n > 7 * 86_400_000) {
        this.problems.push(
          `${name}: expected job-name=milliseconds (1000 to a week), comma-separated (got "${part}")`,
        )
        continue
      }
      out[job] = n
    }
    return out
  }

  /** A regular expression (anchored by the operator); a broken one is a configuration problem. */
  pattern(name: string, fallback: string): string {
    const value = this.raw(name) ?? fallback
    try {
      new RegExp(value, 'u')
    } catch (error) {
      this.problems.push(`${name}: is not a valid regular expression (${(error as Error).message})`)
      return fallback
    }
    return value
  }

  oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
    const value = this.raw(name) ?? fallback
    if ((allowed as readonly string[]).includes(value)) return value as T
    this.problems.push(`${name}: must be one of ${allowed.join(', ')} (got "${value}")`)
    return fallback
  }

  /** `ES256` (default), `SM2`, `ES256+SM2` or `SM2+ES256` (ADR 0007). */
  signingAlgorithms(name: string): ('ES256' | 'SM2')[] {
    const names = this.string(name, 'ES256')
      .split('+')
      .map((n) => n.trim().toUpperCase())
      .map((n) => (n === 'SM2-SM3' ? 'SM2' : n))
    if (
      names.length > 2 ||
      new Set(names).size !== names.length ||
      names.some((n) => n !== 'ES256' && n !== 'SM2')
    ) {
      this.problems.push(`${name}: ES256, SM2, ES256+SM2 or SM2+ES256`)
      return ['ES256']
    }
    return names as ('ES256' | 'SM2')[]
  }

  /** A private EC JWK (JSON) on the given curve, or null when unset. */
  privateJwk(name: string, crv: 'P-256' | 'SM2'): Record<string, unknown> | null {
    const value = this.raw(name)
    if (value === undefined) return null
    let jwk: Record<string, unknown> | null = null
    try {
      jwk = JSON.parse(value) as Record<string, unknown>
    } catch {}
    if (jwk?.kty !== 'EC' || jwk.crv !== crv || typeof jwk.d !== 'string') {
      this.problems.push(`${name}: must be a private ${crv} JWK in JSON (kty EC, crv ${crv}, with d)`)
      return null
    }
    return jwk
  }

  dates(name: string): string[] {
    const value = this.raw(name)
    if (value === undefined) return []
    const dates = value.split(',').map((d) => d.trim())
    for (const d of dates) {
      if (!DATE.test(d) || Number.isNaN(Date.parse(`${d}T00:00:00Z`))) {
        this.problems.push(`${name}: "${d}" is not a date in YYYY-MM-DD form`)
      }
    }
    return dates
  }
}

export function loadConfig(env: Env = process.env): HubConfig {
  const r = new Reader(env)
  const anyService = ['DATABASE_URL', 'KAFKA_BROKERS', 'REDIS_URL'].some((n) => r.raw(n) !== undefined)
  const modeRaw = r.string('HUB_MODE', anyService ? 'services' : 'embedded')
  let mode: HubMode = 'embedded'
  if (modeRaw === 'embedded' || modeRaw === 'services') mode = modeRaw
  else r.problems.push(`HUB_MODE: must be "embedded" or "services" (got "${modeRaw}")`)

  const needed = 'when HUB_MODE is "services" (set all of DATABASE_URL, KAFKA_BROKERS, REDIS_URL, or none)'
  const databaseUrl =
    mode === 'services'
      ? r.url('DATABASE_URL', r.required('DATABASE_URL', needed), ['postgres:', 'postgresql:'])
      : null
  const redisUrl =
    mode === 'services' ? r.url('REDIS_URL', r.required('REDIS_URL', needed), ['redis:', 'rediss:']) : null
  const brokersRaw = mode === 'services' ? r.required('KAFKA_BROKERS', needed) : null
  const kafkaBrokers = brokersRaw ? brokersRaw.split(',').map((b) => b.trim()) : []
  for (const broker of kafkaBrokers) {
    if (!/^[A-Za-z0-9.\-[\]:]+:\d{1,5}$/.test(broker)) {
      r.problems.push(`KAFKA_BROKERS: "${broker}" is not host:port`)
    }
  }

  const jwksSources = [
    ['AUTH_JWKS', r.raw('AUTH_JWKS')],
    ['AUTH_JWKS_FILE', r.raw('AUTH_JWKS_FILE')],
    ['AUTH_JWKS_URL', r.raw('AUTH_JWKS_URL')],
  ].filter(([, v]) => v !== undefined) as [string, string][]
  let jwks: AuthConfig['jwks'] = null
  if (jwksSources.length > 1) {
    r.problems.push(
      `${jwksSources.map(([n]) => n).join(', ')}: set only one source of token verification keys`,
    )
  } else if (jwksSources.length === 1) {
    const [name, value] = jwksSources[0]!
    if (name === 'AUTH_JWKS') {
      try {
        const parsed = JSON.parse(value) as { keys?: unknown }
        if (!Array.isArray(parsed.keys))
          r.problems.push('AUTH_JWKS: must be a JWKS object with a "keys" array')
      } catch {
        r.problems.push('AUTH_JWKS: is not valid JSON')
      }
      jwks = { kind: 'inline', json: value }
    } else if (name === 'AUTH_JWKS_FILE') {
      jwks = { kind: 'file', path: value }
    } else {
      jwks = { kind: 'url', url: r.url('AUTH_JWKS_URL', value, ['https:', 'http:']) ?? value }
    }
  } else if (mode === 'services') {
    r.problems.push(
      `AUTH_JWKS, AUTH_JWKS_FILE or AUTH_JWKS_URL: one is required ${needed.replace('(set all', '(in services mode set all')}`,
    )
  }

  const subjectKey = r.raw('AUDIT_SUBJECT_KEY') ?? null
  if (subjectKey !== null && subjectKey.length < 32) {
    r.problems.push('AUDIT_SUBJECT_KEY: must be at least 32 characters of secret key material')
  } else if (subjectKey === null && mode === 'services') {
    r.problems.push(`AUDIT_SUBJECT_KEY: required ${needed}`)
  }

  const signingKey = r.raw('AUDIT_SIGNING_KEY') ?? null
  if (signingKey !== null) {
    let jwk: Record<string, unknown> | null = null
    try {
      jwk = JSON.parse(signingKey) as Record<string, unknown>
    } catch {
      r.problems.push('AUDIT_SIGNING_KEY: is not valid JSON (expected a private EC P-256 JWK)')
    }
    if (jwk && (jwk.kty !== 'EC' || (jwk.crv !== 'P-256' && jwk.crv !== 'SM2') || typeof jwk.d !== 'string'))
      r.problems.push(
        'AUDIT_SIGNING_KEY: must be a private EC P-256 JWK or SM2 JWK (kty "EC", crv "P-256" or "SM2", with "d")',
      )
  }

  const retiredSigningKeys = r.raw('AUDIT_RETIRED_SIGNING_KEYS') ?? null
  if (retiredSigningKeys !== null) {
    let set: { keys?: unknown } | null = null
    try {
      set = JSON.parse(retiredSigningKeys) as { keys?: unknown }
    } catch {
      r.problems.push('AUDIT_RETIRED_SIGNING_KEYS: is not valid JSON (expected a JWK Set {"keys": [...]})')
    }
    const keys = set && Array.isArray(set.keys) ? (set.keys as Record<string, unknown>[]) : null
    if (set && !keys) r.problems.push('AUDIT_RETIRED_SIGNING_KEYS: expected a JWK Set {"keys": [...]}')
    else if (keys?.some((k) => !isPublicP256Jwk(k)))
      r.problems.push(
        'AUDIT_RETIRED_SIGNING_KEYS: every key must be a public EC P-256 JWK or SM2 JWK with x, y and kid',
      )
  }

  const port = r.int('PORT', 8080, 0, 65535)
  const issuerUrl = r.url('OIDC_ISSUER_URL', r.raw('OIDC_ISSUER_URL') ?? null, ['https:', 'http:'])
  const oidc: OidcConfig | null = issuerUrl
    ? {
        issuerUrl,
        clientId: r.required('OIDC_CLIENT_ID', 'when OIDC_ISSUER_URL is set') ?? '',
        clientSecret: r.raw('OIDC_CLIENT_SECRET') ?? null,
        redirectUrl:
          r.url('OIDC_REDIRECT_URL', r.raw('OIDC_REDIRECT_URL') ?? null, ['https:', 'http:']) ??
          `http://127.0.0.1:${port}/auth/callback`,
        scopes: r.string('OIDC_SCOPES', 'openid profile'),
        claims: {
          department: r.string('OIDC_CLAIM_DEPARTMENT', 'dept'),
          roles: r.string('OIDC_CLAIM_ROLES', 'roles'),
          district: r.string('OIDC_CLAIM_DISTRICT', 'district'),
        },
      }
    : null
  const devSignIn = r.bool('AUTH_DEV_SIGN_IN', mode === 'embedded')
  const sessionTtl = r.int('SESSION_TTL_MINUTES', 480, 1, 7 * 24 * 60)
  const sessionIdle = r.int('SESSION_IDLE_MINUTES', 30, 1, 7 * 24 * 60)
  const hashAlgorithm = r.string('AUDIT_HASH_ALGORITHM', 'sha256')
  if (hashAlgorithm !== 'sha256' && hashAlgorithm !== 'sm3')
    r.problems.push('AUDIT_HASH_ALGORITHM: must be sha256 or sm3')

  const logLevel = r.string('LOG_LEVEL', 'info')
  if (!LOG_LEVELS.includes(logLevel)) r.problems.push(`LOG_LEVEL: must be one of ${LOG_LEVELS.join(', ')}`)

  const host = r.string('HOST', mode === 'embedded' ? '127.0.0.1' : '0.0.0.0')
  // Default: where this process listens, as seen from the same machine.
  const listening = `http://${host === '0.0.0.0' || host === '::' ? 'localhost' : host}:${port}`
  const publicUrl = r.url('HUB_PUBLIC_URL', r.string('HUB_PUBLIC_URL', listening), ['http:', 'https:'])!

  const config: HubConfig = {
    mode,
    host,
    port,
    publicUrl: publicUrl.replace(/\/+$/, ''),
    catalogPublisher: r.string('HUB_CATALOG_PUBLISHER', '政务信息资源共享交换平台'),
    logLevel,
    dataDir: r.string('HUB_DATA_DIR', '.data'),
    databaseUrl,
    kafkaBrokers,
    redisUrl,
    auth: {
      issuer: r.string('AUTH_ISSUER', 'urn:hub:dev-issuer'),
      audience: r.string('AUTH_AUDIENCE', 'data-exchange-hub'),
      jwks,
      tokenCacheSize: r.int('AUTH_TOKEN_CACHE_SIZE', 10_000, 0, 1_000_000),
      maxTokenLifetimeS: r.int('AUTH_MAX_TOKEN_LIFETIME_S', 3600, 60, 7 * 86_400),
      maxServiceTokenLifetimeS: r.int('AUTH_MAX_SERVICE_TOKEN_LIFETIME_S', 86_400, 60, 30 * 86_400),
      requireKnownDepartment: r.bool('AUTH_REQUIRE_KNOWN_DEPARTMENT', true),
      failureAuditIntervalS: r.int('AUTH_FAILURE_AUDIT_INTERVAL_S', 60, 1, 3600),
    },
    calendar: {
      ...withOfficialDays({
        holidays: r.dates('WORKDAY_HOLIDAYS'),
        makeUpWorkdays: r.dates('WORKDAY_MAKEUP_DAYS'),
      }),
      decisionWorkdays: r.int('REQUEST_DECISION_WORKDAYS', 10, 1, 60),
      objectionWorkdays: {
        unconditional: r.int('OBJECTION_WORKDAYS_UNCONDITIONAL', 5, 1, 60),
        conditional: r.int('OBJECTION_WORKDAYS_CONDITIONAL', 10, 1, 60),
      },
    },
    limits: {
      bodyLimitBytes: r.int('BODY_LIMIT_BYTES', 1_048_576, 1024, 64 * 1_048_576),
      rateLimitPerMinute: r.int('RATE_LIMIT_PER_MINUTE', 1200, 1, 10_000_000),
      rateLimitShared: r.bool('RATE_LIMIT_SHARED', false),
    },
    outbox: {
      pollIntervalMs: r.int('OUTBOX_POLL_INTERVAL_MS', 250, 10, 60_000),
      batchSize: r.int('OUTBOX_BATCH_SIZE', 1000, 1, 10_000),
      topicPrefix: r.string('KAFKA_TOPIC_PREFIX', 'hub.'),
    },
    jobs: { queuePrefix: r.string('JOBS_QUEUE_PREFIX', 'hub'), everyMs: r.intervals('JOBS_EVERY_MS') },
    // 5 s doubling to 10 min, 14 tries: a receiver may be down for well over an hour.
    accessWebhooks: {
      attempts: r.int('ACCESS_WEBHOOK_ATTEMPTS', 14, 1, 1000),
      backoffMs: r.int('ACCESS_WEBHOOK_BACKOFF_MS', 5_000, 1, 3_600_000),
      maxBackoffMs: r.int('ACCESS_WEBHOOK_MAX_BACKOFF_MS', 600_000, 1, 86_400_000),
    },
    certificates: {
      keyEncryptionKey: r.raw('CERT_KEY_ENCRYPTION_KEY') ?? null,
      retiredKeyEncryptionKeys: (r.raw('CERT_KEY_ENCRYPTION_KEYS_RETIRED') ?? '')
        .split(',')
        .map((k) => k.trim())
        .filter(Boolean),
      keySealAlgorithm: r.oneOf('CERT_KEY_SEAL_ALGORITHM', ['aes-256-gcm', 'sm4'] as const, 'aes-256-gcm'),
      signingAlgorithms: r.raw('CERT_SIGNING_ALGORITHMS') ?? null,
    },
    adapters: Object.fromEntries(
      Object.entries(env).filter(
        (e): e is [string, string] => e[0].startsWith('ADAPTER_') && e[1] !== undefined,
      ),
    ),
    embeddedDatabasePort: r.int('EMBEDDED_PG_PORT', 54329, 1, 65535),
    cases: {
      dataResourceCode: r.string('CASE_DATA_RESOURCE_CODE', '204001/00001'),
      // 5 s doubling to 10 min, 16 tries: a receiver may be down for over an hour and a half.
      webhooks: {
        attempts: r.int('CASE_WEBHOOK_ATTEMPTS', 16, 1, 1000),
        backoffMs: r.int('CASE_WEBHOOK_BACKOFF_MS', 5_000, 1, 3_600_000),
        maxBackoffMs: r.int('CASE_WEBHOOK_MAX_BACKOFF_MS', 600_000, 1, 86_400_000),
        signing: {
          algorithms: r.signingAlgorithms('CASE_WEBHOOK_SIGNING_ALGORITHMS'),
          es256Key: r.privateJwk('CASE_WEBHOOK_SIGNING_KEY', 'P-256'),
          sm2Key: r.privateJwk('CASE_WEBHOOK_SM2_SIGNING_KEY', 'SM2'),
        },
      },
    },
    audit: {
      subjectKey,
      signingKey,
      retiredSigningKeys,
      hashAlgorithm: hashAlgorithm as 'sha256' | 'sm3',
      // Six months is the floor: the law on network security logs asks for at least that long.
      retentionMonths: r.int('AUDIT_RETENTION_MONTHS', 6, 6, 1200),
      archiveDir: r.string('AUDIT_ARCHIVE_DIR', `${r.string('HUB_DATA_DIR', '.data')}/audit-archive`),
    },
    serviceItems: {
      codePattern: r.pattern('SERVICE_ITEM_CODE_PATTERN', DEFAULT_SERVICE_ITEM_CODE_PATTERN),
      implementationCodePattern: r.pattern(
        'SERVICE_ITEM_IMPLEMENTATION_CODE_PATTERN',
        DEFAULT_IMPLEMENTATION_CODE_PATTERN,
      ),
      syncEveryMs: r.int('SERVICE_ITEM_SYNC_EVERY_MS', 15 * 60_000, 10_000, 7 * 24 * 3_600_000),
    },
    seedDemoData: r.bool('HUB_SEED_DEMO', mode === 'embedded'),
    console: {
      signIn: oidc ? 'oidc' : devSignIn ? 'dev' : 'off',
      webDist: r.string('CONSOLE_DIST_DIR', 'web/dist'),
      session: { ttlMinutes: sessionTtl, idleMinutes: Math.min(sessionIdle, sessionTtl) },
      oidc,
    },
  }
  if (r.problems.length > 0) throw new ConfigError(r.problems)
  return config
}
