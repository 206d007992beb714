import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'

/** Beside the built files: the hash of the sources they were built from. */
export const SOURCE_HASH_FILE = '.source-hash'
/** Not sources: the build output, installed packages and editor droppings. */
const SKIPPED = new Set(['dist', 'node_modules', '.vite', '.DS_Store', '.build-lock'])

async function listFiles(dir: string, prefix = ''): Promise<string[]> {
  const out: string[] = []
  for (const entry of await readdir(path.join(dir, prefix), { withFileTypes: true })) {
    if (SKIPPED.has(entry.name)) continue
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name
    if (entry.isDirectory()) out.push(...(await listFiles(dir, rel)))
    else if (entry.isFile()) out.push(rel)
  }
  return out
}

/**
 * One SHA-256 over the console's sources (every file under `webDir` but its build output) and the
 * extra files the build depends on (the lock file: a changed Vue or Element Plus version is a change).
 */
export async function consoleSourceHash(webDir: string, extraFiles: string[] = []): Promise<string> {
  const hash = createHash('sha256')
  const files = (await listFiles(webDir)).sort()
  for (const rel of files) {
    hash.update(`${rel}\0`)
    hash.update(await readFile(path.join(webDir, rel)))
    hash.update('\0')
  }
  for (const file of extraFiles) {
    hash.update(`${path.basename(file)}\0`)
    if (existsSync(file)) hash.update(await readFile(file))
  }
  return hash.digest('hex')
}

export interface EnsureConsoleBuiltOptions {
  /** The console's folder (web/); its build goes to `<webDir>/dist`. */
  webDir: string
  extraFiles?: string[]
  /** Builds the console (default: `npm run build:web`). */
  build?: () => Promise<void>
  say?: (message: string) => void
}

export type ConsoleBuildOutcome = 'built' | 'fresh' | 'no-sources'

/**
 * `npm start` serves a console built from the sources in the tree: it builds when the sources'
 * hash differs from the one stored beside the last build (or there is none), and otherwise serves
 * the build as it is, so a start with unchanged sources costs a hash of a few hundred files.
 */
export async function ensureConsoleBuilt({
  webDir,
  extraFiles = [],
  build = runBuildScript,
  say = () => {},
}: EnsureConsoleBuiltOptions): Promise<ConsoleBuildOutcome> {
  if (!existsSync(path.join(webDir, 'index.html'))) return 'no-sources'
  const hashFile = path.join(webDir, 'dist', SOURCE_HASH_FILE)
  const current = await consoleSourceHash(webDir, extraFiles)
  const isFresh = async () =>
    existsSync(hashFile) &&
    (await readFile(hashFile, 'utf8')).trim() === current &&
    existsSync(path.join(webDir, 'dist', 'index.html'))
  if (await isFresh()) return 'fresh'
  // Several hubs started at once from one checkout (a cluster on one machine) build it once: the
  // others wait for the lock, then find the build fresh.
  const release = await takeBuildLock(path.join(webDir, '.build-lock'), say)
  try {
    if (await isFresh()) return 'fresh'
    say(
      existsSync(hashFile) ? 'the console sources changed: building the console …' : 'building the console …',
    )
    const started = performance.now()
    await build()
    await writeFile(hashFile, `${current}\n`)
    say(`console built in ${((performance.now() - started) / 1000).toFixed(1)} s`)
    return 'built'
  } finally {
    await release()
  }
}

/** A lock directory; one left behind by a build that died more than 10 minutes ago is taken over. */
async function takeBuildLock(lock: string, say: (message: string) => void): Promise<() => Promise<void>> {
  const deadline = Date.now() + 15 * 60_000
  let told = false
  for (;;) {
    try {
      await mkdir(lock)
      return () => rm(lock, { recursive: true, force: true })
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      const since = await stat(lock).then(
        (s) => Date.now() - s.mtimeMs,
        () => 0,
      )
      if (since > 10 * 60_000) await rm(lock, { recursive: true, force: true })
      else if (Date.now() > deadline) throw new Error(`the console build lock ${lock} is still held`)
      else {
        if (!told) say('another process is building the console: waiting for it …')
        told = true
        await new Promise((resolve) => setTimeout(resolve, 500))
      }
    }
  }
}

/**
 * `npm run build:web`, its output passed through to the terminal. Vite's own process lock is
 * bypassed: the lock above already serializes builds into web/dist, and builds elsewhere (the
 * browser tests build into scratch directories) must not fail because one runs.
 */
function runBuildScript(): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', '-s', 'build:web', '--', '--bypass-lock'], { stdio: 'inherit' })
    child.on('error', reject)
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`npm run build:web failed (exit code ${code})`)),
    )
  })
}
