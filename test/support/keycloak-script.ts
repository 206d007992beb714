import { execFile } from 'node:child_process'
import path from 'node:path'
import { promisify } from 'node:util'

const run = promisify(execFile)
const SCRIPT = path.resolve(import.meta.dirname, '../../scripts/keycloak/keycloak.sh')

/** Whether the project's Keycloak runs now (the global setup asks before and after a test run). */
export async function keycloakRunning(): Promise<boolean> {
  return run('bash', [SCRIPT, 'status']).then(
    () => true,
    () => false,
  )
}

export async function stopKeycloak(): Promise<void> {
  await run('bash', [SCRIPT, 'stop'], { timeout: 60_000 })
}
