/**
 * Per-adapter settings from the environment: `ADAPTER_<NAME>_URL` and friends, where `<NAME>` is
 * the adapter name upper-cased with `-` ⇒ `_` (`housing-fund` ⇒ `ADAPTER_HOUSING_FUND_URL`).
 * An adapter without a URL is not configured and is left out of the registry. Every problem names
 * the variable, as `loadConfig` does, so an operator can fix a deployment from the message alone.
 */
import { ConfigError } from '../platform/config/config.ts'
import type { UpstreamOptions } from '../platform/http-client/http-client-factory.ts'

export interface AdapterSettings {
  name: string
  /** Base URL of the department system. */
  url: string
  department: string
  /** Credential the department system expects (API key or bearer token); never logged. */
  token: string | null
  connectTimeoutMs: number
  /** Per attempt: time to headers, and longest silence while the body streams. */
  timeoutMs: number
  /** Whole call including retries. */
  deadlineMs: number
  maxConcurrency: number
  maxPending: number
  retries: number
  breakerFailures: number
  breakerOpenMs: number
  /** Directory resource codes this adapter serves. */
  resourceCodes: string[]
}

type Env = Record<string, string | undefined>

export function envPrefix(name: string): string {
  return `ADAPTER_${name.toUpperCase().replace(/-/g, '_')}`
}

/** Settings of every adapter in `adapters` that has a URL; `defaults` gives its department code. */
export function loadAdapterConfig(
  env: Env,
  adapters: readonly { name: string; defaultDepartment: string }[],
): AdapterSettings[] {
  const problems: string[] = []
  const out: AdapterSettings[] = []
  for (const { name, defaultDepartment } of adapters) {
    const p = envPrefix(name)
    const raw = (suffix: string): string | undefined => {
      const value = env[`${p}_${suffix}`]?.trim()
      return value === undefined || value === '' ? undefined : value
    }
    const int = (suffix: string, fallback: number, min: number, max: number): number => {
      const value = raw(suffix)
      if (value === undefined) return fallback
      const n = Number(value)
      if (!Number.isInteger(n) || n < min || n > max) {
        problems.push(`${p}_${suffix}: must be an integer from ${min} to ${max} (got "${value}")`)
        return fallback
      }
      return n
    }
    const url = raw('URL')
    const others = Object.keys(env).filter(
      (k) => k.startsWith(`${p}_`) && k !== `${p}_URL` && raw(k.slice(p.length + 1)),
    )
    if (url === undefined) {
      if (others.length > 0) problems.push(`${p}_URL: required when ${others.sort().join(', ')} is set`)
      continue
    }
    try {
      const parsed = new URL(url)
      if (!['http:', 'https:'].includes(parsed.protocol)) {
        problems.push(`${p}_URL: must use http: or https: (got "${parsed.protocol}")`)
      }
    } catch {
      problems.push(`${p}_URL: is not a valid URL`)
    }
    const department = raw('DEPARTMENT') ?? defaultDepartment
    if (!/^[a-z][a-z0-9-]{1,31}$/.test(department)) {
      problems.push(`${p}_DEPARTMENT: "${department}" is not a department code`)
    }
    const timeoutMs = int('TIMEOUT_MS', 5_000, 50, 120_000)
    const deadlineMs = int('DEADLINE_MS', timeoutMs * 2, 50, 300_000)
    if (deadlineMs < timeoutMs) {
      problems.push(`${p}_DEADLINE_MS: must not be shorter than ${p}_TIMEOUT_MS (${timeoutMs})`)
    }
    out.push({
      name,
      url,
      department,
      token: raw('TOKEN') ?? null,
      connectTimeoutMs: int('CONNECT_TIMEOUT_MS', 2_000, 50, 60_000),
      timeoutMs,
      deadlineMs,
      maxConcurrency: int('MAX_CONCURRENCY', 16, 1, 1_024),
      maxPending: int('MAX_PENDING', 200, 0, 100_000),
      retries: int('RETRIES', 2, 0, 10),
      breakerFailures: int('BREAKER_FAILURES', 5, 1, 1_000),
      breakerOpenMs: int('BREAKER_OPEN_MS', 10_000, 100, 600_000),
      resourceCodes: (raw('RESOURCES') ?? '')
        .split(',')
        .map((c) => c.trim())
        .filter((c) => c !== ''),
    })
  }
  if (problems.length > 0) throw new ConfigError(problems)
  return out
}

/** The http-client options for an adapter; `headers` carry the credential in the system's own way. */
export function upstreamOptions(
  settings: AdapterSettings,
  headers: Record<string, string> = {},
): UpstreamOptions {
  return {
    name: settings.name,
    baseUrl: settings.url,
    headers,
    connectTimeoutMs: settings.connectTimeoutMs,
    headersTimeoutMs: settings.timeoutMs,
    bodyTimeoutMs: settings.timeoutMs,
    requestTimeoutMs: settings.deadlineMs,
    connections: settings.maxConcurrency,
    maxConcurrent: settings.maxConcurrency,
    maxPending: settings.maxPending,
    retry: { retries: settings.retries },
    breaker: { consecutiveFailures: settings.breakerFailures, openMs: settings.breakerOpenMs },
  }
}
