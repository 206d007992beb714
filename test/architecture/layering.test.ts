import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

/**
 * The layering of docs/architecture.md, checked on every import of every non-test TypeScript file:
 * a folder may import its own files and folders on a LOWER floor, never one on its own floor or above.
 *
 *   8  hub/                        the composition root: builds everything, imports anything
 *   7  demo/                       the demo's data and history, written through the domains
 *   6  exchange/                   fetch, cases, certificates, sources, sync, objections, subscriptions
 *   5  directory/    console/      the catalog, requests and grants; the console's backend (siblings)
 *   4  audit/                      the trail every domain records to (it imports no domain)
 *   3  adapters/                   department systems behind one contract, their simulators, pull cursors
 *   2  policies/                   every "may this caller…" question
 *   1  platform/     migrations/   the ground floor of code: config, db, events, jobs, auth, errors, HTTP
 *   0  schemas/                    JSON Schemas and the types generated from them (imports nothing)
 *
 * Why this order, from what the code does: exchange builds on the directory (grants, resources,
 * service items), never the other way round; both record to the audit trail, which knows neither;
 * the console signs people in and serves the built web app, so it needs no domain.
 *
 * Tests and their helpers (`*.test.ts`, `*-test-support.ts`, `test/`, `bench/`) may import across
 * floors: a test beside the code sets up the world it needs (e.g. the demo seed).
 */
const FLOORS: Record<string, number> = {
  schemas: 0,
  platform: 1,
  migrations: 1,
  policies: 2,
  adapters: 3,
  audit: 4,
  directory: 5,
  console: 5,
  exchange: 6,
  demo: 7,
  hub: 8,
}

/** Top-level folders outside the layering: tests, benchmarks, tooling and the web console (its own project). */
const NOT_LAYERED = new Set(['test', 'bench', 'scripts', 'web', 'node_modules', 'docs', 'deploy'])

const ROOT = path.resolve(import.meta.dirname, '../..')

function isTestCode(file: string): boolean {
  return /\.test\.ts$|test-support\.ts$/.test(file) || /^(test|bench)\//.test(file)
}

function sourceFiles(dir: string): string[] {
  const files: string[] = []
  for (const entry of readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue
    const rel = path.posix.join(dir, entry.name)
    if (entry.isDirectory()) files.push(...sourceFiles(rel))
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) files.push(rel)
  }
  return files
}

/** Relative module specifiers of static imports, re-exports and dynamic imports. */
function relativeImports(source: string): string[] {
  const found: string[] = []
  const patterns = [
    /\b(?:import|export)\s[^'"`;]*?\bfrom\s*['"](\.{1,2}\/[^'"]+)['"]/g,
    /\bimport\s*['"](\.{1,2}\/[^'"]+)['"]/g,
    /\bimport\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/g,
  ]
  for (const pattern of patterns) for (const match of source.matchAll(pattern)) found.push(match[1]!)
  return found
}

const topFolder = (file: string) => file.split('/')[0]!

describe('layering', () => {
  const topLevel = readdirSync(ROOT, { withFileTypes: true })
    .filter((e) => e.isDirectory() && !e.name.startsWith('.'))
    .map((e) => e.name)

  it('places every top-level folder that holds code on a floor (or names it as not layered)', () => {
    const unplaced = topLevel.filter(
      (dir) => !(dir in FLOORS) && !NOT_LAYERED.has(dir) && sourceFiles(dir).length > 0,
    )
    expect(unplaced, 'add the folder to FLOORS (and to docs/architecture.md)').toEqual([])
  })

  it('has no import from a lower floor to a higher one, nor between siblings on one floor', () => {
    const violations: string[] = []
    for (const dir of topLevel.filter((d) => d in FLOORS)) {
      for (const file of sourceFiles(dir)) {
        if (isTestCode(file)) continue
        const floor = FLOORS[dir]!
        for (const specifier of relativeImports(readFileSync(path.join(ROOT, file), 'utf8'))) {
          const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier))
          const targetDir = topFolder(target)
          if (targetDir === dir) continue
          const targetFloor = FLOORS[targetDir]
          if (targetFloor === undefined || targetFloor >= floor)
            violations.push(
              `${file} (${dir}, floor ${floor}) imports ${specifier} (${targetDir}, floor ${targetFloor ?? 'none'})`,
            )
        }
      }
    }
    expect(violations).toEqual([])
  })

  it('finds the imports it checks (a parser that finds none would pass anything)', () => {
    const hub = relativeImports(readFileSync(path.join(ROOT, 'hub/build-app.ts'), 'utf8'))
    expect(hub).toContain('./services.ts')
    expect(relativeImports("export { a } from '../x.ts'\nconst m = await import('./y.ts')")).toEqual([
      '../x.ts',
      './y.ts',
    ])
  })
})
