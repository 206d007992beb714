import { randomBytes } from 'node:crypto'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'

/** A random secret kept in the data directory (embedded default only; services mode configures its own). */
export async function loadOrCreateSecret(dataDir: string, name: string): Promise<string> {
  const file = path.join(dataDir, name)
  try {
    return (await readFile(file, 'utf8')).trim()
  } catch {
    await mkdir(dataDir, { recursive: true })
    const secret = randomBytes(32).toString('base64url')
    await writeFile(file, secret, { mode: 0o600 })
    return secret
  }
}
