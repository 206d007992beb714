import { describe, expect, it } from 'vitest'
import { ConfigError, loadConfig } from './config.ts'

const SERVICES = {
  DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/hub',
  KAFKA_BROKERS: '127.0.0.1:19092,127.0.0.1:19094',
  REDIS_URL: 'redis://127.0.0.1:6379',
  AUTH_JWKS_URL: 'https://idp.example.gov.cn/.well-known/jwks.json',
  AUDIT_SUBJECT_KEY: 'k'.repeat(48),
}

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env)
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError)
    return (error as ConfigError).problems
  }
  throw new Error('expected a ConfigError')
}

describe('loadConfig', () => {
  it('runs the embedded default when nothing is configured', () => {
    const config = loadConfig({})
    expect(config.mode).toBe('embedded')
    expect(config.port).toBe(8080)
    expect(config.databaseUrl).toBeNull()
    expect(config.kafkaBrokers).toEqual([])
    expect(config.seedDemoData).toBe(true)
    expect(config.calendar.decisionWorkdays).toBe(10)
  })

  it('uses the real services when they are configured', () => {
    const config = loadConfig(SERVICES)
    expect(config.mode).toBe('services')
    expect(config.kafkaBrokers).toEqual(['127.0.0.1:19092', '127.0.0.1:19094'])
    expect(config.auth.jwks).toEqual({ kind: 'url', url: SERVICES.AUTH_JWKS_URL })
    expect(config.seedDemoData).toBe(false)
  })

  it('names every missing service variable once one of them is set', () => {
    const problems = problemsOf({ DATABASE_URL: SERVICES.DATABASE_URL })
    expect(problems.join('\n')).toMatch(/^REDIS_URL: required/m)
    expect(problems.join('\n')).toMatch(/^KAFKA_BROKERS: required/m)
    expect(problems.join('\n')).toMatch(/AUTH_JWKS, AUTH_JWKS_FILE or AUTH_JWKS_URL/)
    expect(problems.join('\n')).toMatch(/^AUDIT_SUBJECT_KEY: required/m)
  })

  it.each([
    ['PORT', 'eighty', /^PORT: must be an integer/],
    ['PORT', '70000', /^PORT: must be an integer from 0 to 65535/],
    ['DATABASE_URL', 'mysql://x@y/z', /^DATABASE_URL: must use postgres:/],
    ['DATABASE_URL', 'not a url', /^DATABASE_URL: is not a valid URL/],
    ['KAFKA_BROKERS', 'localhost', /^KAFKA_BROKERS: "localhost" is not host:port/],
    ['REDIS_URL', 'http://127.0.0.1:6379', /^REDIS_URL: must use redis:/],
    ['AUTH_JWKS_URL', 'ftp://x', /^AUTH_JWKS_URL: must use https:/],
    ['WORKDAY_HOLIDAYS', '2026-10-01,2026-13-01', /^WORKDAY_HOLIDAYS: "2026-13-01" is not a date/],
    ['REQUEST_DECISION_WORKDAYS', '0', /^REQUEST_DECISION_WORKDAYS: must be an integer from 1/],
    ['LOG_LEVEL', 'loud', /^LOG_LEVEL: must be one of/],
    ['HUB_MODE', 'cloud', /^HUB_MODE: must be "embedded" or "services"/],
    ['AUDIT_SUBJECT_KEY', 'short', /^AUDIT_SUBJECT_KEY: must be at least 32 characters/],
    ['AUDIT_RETENTION_MONTHS', '5', /^AUDIT_RETENTION_MONTHS: must be an integer from 6 to 1200/],
    ['AUDIT_RETENTION_MONTHS', 'a year', /^AUDIT_RETENTION_MONTHS: must be an integer/],
    ['AUDIT_SIGNING_KEY', 'not json', /^AUDIT_SIGNING_KEY: is not valid JSON/],
    ['AUDIT_SIGNING_KEY', '{"kty":"RSA"}', /^AUDIT_SIGNING_KEY: must be a private EC P-256 JWK/],
    ['AUDIT_RETIRED_SIGNING_KEYS', '[1]', /^AUDIT_RETIRED_SIGNING_KEYS: expected a JWK Set/],
    [
      'AUDIT_RETIRED_SIGNING_KEYS',
      '{"keys":[{"kty":"EC","crv":"P-256","x":"a"}]}',
      /^AUDIT_RETIRED_SIGNING_KEYS: every key must be a public EC P-256 JWK/,
    ],
  ])('rejects %s=%s with a message naming the variable', (name, value, message) => {
    expect(problemsOf({ ...SERVICES, [name]: value }).some((p) => message.test(p))).toBe(true)
  })

  it('keeps the audit trail six months by default, archiving under the data directory', () => {
    expect(loadConfig({ HUB_DATA_DIR: '/var/hub' }).audit).toMatchObject({
      retentionMonths: 6,
      archiveDir: '/var/hub/audit-archive',
      signingKey: null,
    })
    expect(loadConfig({ AUDIT_RETENTION_MONTHS: '24' }).audit.retentionMonths).toBe(24)
  })

  it('publishes IRIs on HUB_PUBLIC_URL, by default where the hub listens', () => {
    expect(loadConfig({}).publicUrl).toBe('http://127.0.0.1:8080')
    expect(loadConfig({ ...SERVICES, PORT: '9000' }).publicUrl).toBe('http://localhost:9000')
    expect(loadConfig({ HUB_PUBLIC_URL: 'https://hub.example.gov.cn/' }).publicUrl).toBe(
      'https://hub.example.gov.cn',
    )
    expect(problemsOf({ HUB_PUBLIC_URL: 'hub.example.gov.cn' })).toEqual([
      'HUB_PUBLIC_URL: is not a valid URL',
    ])
    expect(problemsOf({ HUB_PUBLIC_URL: 'ftp://hub.example.gov.cn' })[0]).toMatch(/^HUB_PUBLIC_URL: must use/)
  })

  it('reads the certificates’ national-cryptography switches and names a wrong seal cipher', () => {
    expect(loadConfig({}).certificates).toMatchObject({
      signingAlgorithms: null,
      keySealAlgorithm: 'aes-256-gcm',
    })
    expect(
      loadConfig({ CERT_SIGNING_ALGORITHMS: 'ES256;lf-hfund=SM2', CERT_KEY_SEAL_ALGORITHM: 'sm4' })
        .certificates,
    ).toMatchObject({ signingAlgorithms: 'ES256;lf-hfund=SM2', keySealAlgorithm: 'sm4' })
    expect(problemsOf({ CERT_KEY_SEAL_ALGORITHM: 'des' })).toEqual([
      'CERT_KEY_SEAL_ALGORITHM: must be one of aes-256-gcm, sm4 (got "des")',
    ])
  })

  it('refuses two sources of token keys at once', () => {
    const problems = problemsOf({ ...SERVICES, AUTH_JWKS: '{"keys":[]}' })
    expect(problems).toContain('AUTH_JWKS, AUTH_JWKS_URL: set only one source of token verification keys')
  })

  it('rejects an inline JWKS that is not a key set', () => {
    const { AUTH_JWKS_URL: _url, ...rest } = SERVICES
    expect(problemsOf({ ...rest, AUTH_JWKS: '{"kty":"EC"}' })).toContain(
      'AUTH_JWKS: must be a JWKS object with a "keys" array',
    )
  })

  it('reads the working-day calendar: official days, with the configured ones overriding them', () => {
    const official = loadConfig({}).calendar
    // Spring Festival 2026 off, Saturday 14 February worked (State Council arrangement for 2026).
    expect(official.holidays).toEqual(expect.arrayContaining(['2026-02-16', '2026-10-01', '2025-10-08']))
    expect(official.makeUpWorkdays).toEqual(expect.arrayContaining(['2026-02-14', '2025-09-28']))
    const config = loadConfig({
      WORKDAY_HOLIDAYS: '2027-01-01, 2026-02-14',
      WORKDAY_MAKEUP_DAYS: '2026-10-03',
      REQUEST_DECISION_WORKDAYS: '7',
      OBJECTION_WORKDAYS_UNCONDITIONAL: '3',
    })
    expect(config.calendar).toMatchObject({
      decisionWorkdays: 7,
      objectionWorkdays: { unconditional: 3, conditional: 10 },
    })
    // A year the dataset does not have yet, and corrections both ways.
    expect(config.calendar.holidays).toEqual(expect.arrayContaining(['2027-01-01', '2026-02-14']))
    expect(config.calendar.makeUpWorkdays).not.toContain('2026-02-14')
    expect(config.calendar.makeUpWorkdays).toContain('2026-10-03')
    expect(config.calendar.holidays).not.toContain('2026-10-03')
    expect(problemsOf({ OBJECTION_WORKDAYS_CONDITIONAL: '0' })).toEqual([
      expect.stringContaining('OBJECTION_WORKDAYS_CONDITIONAL'),
    ])
  })

  it('takes the service item code patterns as regular expressions and names a broken one', () => {
    const config = loadConfig({
      SERVICE_ITEM_CODE_PATTERN: '^[0-9]{12}$',
      SERVICE_ITEM_SYNC_EVERY_MS: '60000',
    })
    expect(config.serviceItems).toMatchObject({ codePattern: '^[0-9]{12}$', syncEveryMs: 60_000 })
    expect(
      new RegExp(config.serviceItems.implementationCodePattern).test('11141000012000040200012300600'),
    ).toBe(true)
    expect(problemsOf({ SERVICE_ITEM_IMPLEMENTATION_CODE_PATTERN: '^[0-9' })[0]).toMatch(
      /^SERVICE_ITEM_IMPLEMENTATION_CODE_PATTERN: is not a valid regular expression/,
    )
  })

  it('signs console users in with demo principals in embedded mode, and not at all in services mode', () => {
    expect(loadConfig({}).console).toEqual({
      signIn: 'dev',
      webDist: 'web/dist',
      session: { ttlMinutes: 480, idleMinutes: 30 },
      oidc: null,
    })
    expect(loadConfig(SERVICES).console.signIn).toBe('off')
    expect(loadConfig({ ...SERVICES, AUTH_DEV_SIGN_IN: 'true' }).console.signIn).toBe('dev')
  })

  it('reads the OpenID Connect provider, its claim names and the session limits', () => {
    const config = loadConfig({
      ...SERVICES,
      OIDC_ISSUER_URL: 'http://127.0.0.1:18080/realms/hub',
      OIDC_CLIENT_ID: 'hub-console',
      OIDC_CLIENT_SECRET: 'secret',
      OIDC_CLAIM_ROLES: 'realm_access.roles',
      SESSION_TTL_MINUTES: '60',
      SESSION_IDLE_MINUTES: '90',
    })
    expect(config.console.signIn).toBe('oidc')
    expect(config.console.oidc).toEqual({
      issuerUrl: 'http://127.0.0.1:18080/realms/hub',
      clientId: 'hub-console',
      clientSecret: 'secret',
      redirectUrl: 'http://127.0.0.1:8080/auth/callback',
      scopes: 'openid profile',
      claims: { department: 'dept', roles: 'realm_access.roles', district: 'district' },
    })
    // The idle limit never outlasts the absolute one.
    expect(config.console.session).toEqual({ ttlMinutes: 60, idleMinutes: 60 })
    expect(problemsOf({ ...SERVICES, OIDC_ISSUER_URL: 'ftp://idp' })).toEqual([
      'OIDC_ISSUER_URL: must use https: or http: (got "ftp:")',
      'OIDC_CLIENT_ID: required when OIDC_ISSUER_URL is set',
    ])
  })

  it('reads job intervals by name (JOBS_EVERY_MS) and refuses malformed ones', () => {
    expect(loadConfig({}).jobs.everyMs).toEqual({})
    const config = loadConfig({ JOBS_EVERY_MS: 'audit-checkpoint=2000, access-overdue=1500' })
    expect(config.jobs.everyMs).toEqual({ 'audit-checkpoint': 2000, 'access-overdue': 1500 })
    expect(problemsOf({ JOBS_EVERY_MS: 'audit-checkpoint=10' })).toEqual([
      expect.stringMatching(/^JOBS_EVERY_MS: expected job-name=milliseconds/),
    ])
    expect(problemsOf({ JOBS_EVERY_MS: 'audit-checkpoint' })).toHaveLength(1)
  })
})
