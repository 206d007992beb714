// Runs before `npm start` and `npm test`: on a fresh clone (or after package-lock.json changed)
// install the exact locked dependencies first, so the README's two commands work on their own.
import { execSync } from 'node:child_process'
import { existsSync, statSync } from 'node:fs'

const marker = 'node_modules/.package-lock.json'
const stale = !existsSync(marker) || statSync(marker).mtimeMs < statSync('package-lock.json').mtimeMs
if (stale) {
  console.error('[hub] installing dependencies (npm ci) …')
  execSync('npm ci --no-audit --no-fund', { stdio: 'inherit' })
}
