import { execFile } from 'node:child_process'
import path from 'node:path'
import { promisify } from 'node:util'
import { beforeAll } from 'vitest'
import { keycloakRunning } from './keycloak-script.ts'

const run = promisify(execFile)
const SCRIPT = path.resolve(import.meta.dirname, '../../scripts/keycloak/keycloak.sh')
/** The first run downloads Keycloak from Maven Central; a start on a busy machine takes a minute or two. */
export const KEYCLOAK_HOOK_TIMEOUT_MS = 600_000

/** The demo realm's confidential client (scripts/keycloak/realm-hub.json). */
export const KEYCLOAK_CLIENT = { id: 'hub-console', secret: 'hub-console-dev-secret' }

export interface TestKeycloak {
  /** The realm's issuer URL, e.g. http://127.0.0.1:18080/realms/hub. */
  readonly issuer: string
  /** Seconds the start took (0 when one was already running). */
  readonly startSeconds: number
}

/**
 * The project's Keycloak (scripts/keycloak/keycloak.sh) for a test file: reused when it already
 * runs, else started. It is never stopped here — test files that use it run in parallel, and one
 * finishing must not take it from another — but by the global teardown, if this run started it.
 */
export function useKeycloak(): TestKeycloak {
  const state: { issuer?: string; seconds: number } = { seconds: 0 }
  beforeAll(async () => {
    const alreadyRunning = await keycloakRunning()
    // `start` reuses a running Keycloak (restarting it only if the realm file changed).
    const started = performance.now()
    const { stdout } = await run('bash', [SCRIPT, 'start'], { timeout: KEYCLOAK_HOOK_TIMEOUT_MS })
    state.issuer = stdout.trim().split('\n').pop() ?? ''
    if (!alreadyRunning) state.seconds = Math.round((performance.now() - started) / 100) / 10
  }, KEYCLOAK_HOOK_TIMEOUT_MS)

  return {
    get issuer() {
      if (!state.issuer) throw new Error('useKeycloak(): the issuer is known only inside tests and hooks')
      return state.issuer
    },
    get startSeconds() {
      return state.seconds
    },
  }
}
