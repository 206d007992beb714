/**
 * One validated configuration object, read from the environment once at start-up.
 * Every problem names the variable, so an operator can fix a deployment from the message alone.
 */

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
}

export interface CalendarConfig {
  holidays: string[]
  makeUpWorkdays: string[]
  decisionWorkdays: number
}

export interface LimitsConfig {
  bodyLimitBytes: number
  rateLimitPerMinute: number
  /** Count the per-principal limit in Redis across all hub instances (one round trip per request) instead of per instance. */
  rateLimitShared: boolean
}

export interface HubConfig {
  mode: HubMode
  host: string
  port: number
  logLevel: string
  dataDir: string
  databaseUrl: string | null
  kafkaBrokers: string[]
  redisUrl: string | null
  auth: AuthConfig
  calendar: CalendarConfig
  limits: LimitsConfig
  outbox: { pollIntervalMs: number; batchSize: number; topicPrefix: string }
  jobs: { queuePrefix: string }
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
    /** Hash of the audit chain for records written from now on: SHA-256 or SM3 (ADR 0010); stored per record. */
    hashAlgorithm: 'sha256' | 'sm3'
    retentionMonths: number
    archiveDir: string
  }
  seedDemoData: boolean
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`)
    this.name = 'ConfigError'
  }
}

type Env = Record<string, string | undefined>

const DATE = /^\d{4}-\d{2}-\d{2}$/
/** A public EC P-256 or SM2 (ADR 0010) JWK with a `kid`, as a retired checkpoint key is published. */
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

  const hashAlgorithm = r.string('AUDIT_HASH_ALGORITHM', 'sha256')
  if (hashAlgorithm !== 'sha256' && hashAlgorithm !== 'sm3')
    r.problems.push('AUDIT_HASH_ALGORITHM: must be sha256 or sm3')

  const logLevel = r.string('LOG_LEVEL', 'info')
  if (!LOG_LEVELS.includes(logLevel)) r.problems.push(`LOG_LEVEL: must be one of ${LOG_LEVELS.join(', ')}`)

  const config: HubConfig = {
    mode,
    host: r.string('HOST', mode === 'embedded' ? '127.0.0.1' : '0.0.0.0'),
    port: r.int('PORT', 8080, 0, 65535),
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
    },
    calendar: {
      holidays: r.dates('WORKDAY_HOLIDAYS'),
      makeUpWorkdays: r.dates('WORKDAY_MAKEUP_DAYS'),
      decisionWorkdays: r.int('REQUEST_DECISION_WORKDAYS', 10, 1, 60),
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
    jobs: { queuePrefix: r.string('JOBS_QUEUE_PREFIX', 'hub') },
    audit: {
      subjectKey,
      signingKey,
      retiredSigningKeys,
      hashAlgorithm: hashAlgorithm as 'sha256' | 'sm3',
      // Six months is the floor: the law on network security logs asks for at least that long.
      retentionMonths: r.int('AUDIT_RETENTION_MONTHS', 6, 6, 1200),
      archiveDir: r.string('AUDIT_ARCHIVE_DIR', `${r.string('HUB_DATA_DIR', '.data')}/audit-archive`),
    },
    seedDemoData: r.bool('HUB_SEED_DEMO', mode === 'embedded'),
  }
  if (r.problems.length > 0) throw new ConfigError(r.problems)
  return config
}
