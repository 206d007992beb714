/**
 * `npm run bench`: runs every benchmark in bench/ (or those named on the command line) and prints
 * one JSON line per measurement. Benchmarks are never timed unit tests: they report, they do not assert.
 */
import { readdir } from 'node:fs/promises'
import path from 'node:path'
import { pathToFileURL } from 'node:url'

export interface BenchModule {
  /** Human-readable name printed with each result. */
  name: string
  run(report: (result: Record<string, unknown>) => void): Promise<void>
}

const dir = import.meta.dirname
const wanted = process.argv.slice(2)
const files = (await readdir(dir)).filter((f) => f.endsWith('.bench.ts')).sort()
const selected = wanted.length ? files.filter((f) => wanted.some((w) => f.includes(w))) : files

for (const file of selected) {
  const mod = (await import(pathToFileURL(path.join(dir, file)).href)) as { default: BenchModule }
  const started = Date.now()
  try {
    await mod.default.run((result) => console.log(JSON.stringify({ bench: mod.default.name, ...result })))
  } catch (error) {
    console.log(JSON.stringify({ bench: mod.default.name, error: String(error) }))
    process.exitCode = 1
  }
  console.error(`# ${file} finished in ${((Date.now() - started) / 1000).toFixed(1)} s`)
}
process.exit()
