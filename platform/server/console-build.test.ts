import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { consoleSourceHash, ensureConsoleBuilt } from './console-build.ts'

let web: string
let builds: number
const build = async () => {
  builds += 1
  mkdirSync(path.join(web, 'dist'), { recursive: true })
  writeFileSync(path.join(web, 'dist', 'index.html'), `<!doctype html><p>build ${builds}</p>`)
}

beforeEach(() => {
  web = mkdtempSync(path.join(os.tmpdir(), 'hub-web-'))
  builds = 0
  mkdirSync(path.join(web, 'src'))
  writeFileSync(path.join(web, 'index.html'), '<!doctype html><div id="app"></div>')
  writeFileSync(path.join(web, 'src', 'main.ts'), 'console.log(1)')
})
afterEach(() => rmSync(web, { recursive: true, force: true }))

describe('building the console when its sources changed', () => {
  it('builds the first time, serves the build while nothing changed, rebuilds after a change', async () => {
    expect(await ensureConsoleBuilt({ webDir: web, build })).toBe('built')
    expect(await ensureConsoleBuilt({ webDir: web, build })).toBe('fresh')
    expect(builds).toBe(1)

    writeFileSync(path.join(web, 'src', 'main.ts'), 'console.log(2)')
    expect(await ensureConsoleBuilt({ webDir: web, build })).toBe('built')
    expect(builds).toBe(2)
  })

  it('rebuilds when the build output is gone, and when a dependency changed', async () => {
    const lock = path.join(web, '..', `${path.basename(web)}-lock.json`)
    writeFileSync(lock, '{"vue":"3.5.0"}')
    try {
      await ensureConsoleBuilt({ webDir: web, build, extraFiles: [lock] })
      rmSync(path.join(web, 'dist', 'index.html'))
      expect(await ensureConsoleBuilt({ webDir: web, build, extraFiles: [lock] })).toBe('built')
      writeFileSync(lock, '{"vue":"3.5.1"}')
      expect(await ensureConsoleBuilt({ webDir: web, build, extraFiles: [lock] })).toBe('built')
      expect(builds).toBe(3)
    } finally {
      rmSync(lock, { force: true })
    }
  })

  it('hashes sources only: the build output and installed packages do not count', async () => {
    const before = await consoleSourceHash(web)
    mkdirSync(path.join(web, 'node_modules'))
    writeFileSync(path.join(web, 'node_modules', 'x.js'), 'x')
    await build()
    expect(await consoleSourceHash(web)).toBe(before)
    // A renamed file is a change even with the same content.
    rmSync(path.join(web, 'src', 'main.ts'))
    writeFileSync(path.join(web, 'src', 'app.ts'), 'console.log(1)')
    expect(await consoleSourceHash(web)).not.toBe(before)
  })

  it('leaves the build marked stale when the build fails, and says nothing is there without sources', async () => {
    const failing = async () => {
      throw new Error('vite: syntax error')
    }
    await expect(ensureConsoleBuilt({ webDir: web, build: failing })).rejects.toThrow('syntax error')
    expect(await ensureConsoleBuilt({ webDir: web, build })).toBe('built')
    expect(await ensureConsoleBuilt({ webDir: path.join(web, 'missing'), build })).toBe('no-sources')
  })
})
