/**
 * The web console's cold load: the catalog page (/console/catalog) opened in a fresh headless
 * Chromium window (Debian's package, no cache, 1280×720) by a signed-in person, until its results
 * table shows the demo catalog — the moment a person can click. Reports the median and worst of
 * COLD_LOADS loads, and the JavaScript and CSS the page transferred, raw and gzip-compressed
 * (targets ≤ 1.0 s and ≤ 300 KB of gzip JavaScript). The hub runs in-process on its own database
 * `hub_bench_console` (created, migrated, seeded with the demo departments and catalog, dropped),
 * serving a console built once into a temporary directory.
 */
import { performance } from 'node:perf_hooks'
import { gzipSync } from 'node:zlib'
import type { Knex } from 'knex'
import { seedDemoData } from '../demo/demo-seed.ts'
import { seedDemoResources } from '../directory/resources/resource-demo-seed.ts'
import type { BenchModule } from './run.ts'
import { machineLoad, withConsoleHub } from './support/console-hub.ts'

const COLD_LOADS = Number(process.env.CONSOLE_BENCH_LOADS ?? 7)

const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10

const seed = async (db: Knex) => {
  await seedDemoData(db)
  await seedDemoResources(db)
}

const bench: BenchModule = {
  name: 'console',
  async run(report) {
    await withConsoleHub({ database: 'hub_bench_console', seed }, async ({ origin, signedInWindow }) => {
      const times: number[] = []
      let transfer = { js: 0, jsGzip: 0, css: 0, cssGzip: 0, files: 0 }
      for (let i = 0; i < COLD_LOADS; i++) {
        // A fresh window each time: nothing cached, signed in through the dev sign-in first.
        const context = await signedInWindow('consumer')
        const page = await context.newPage()
        const loaded = { js: 0, jsGzip: 0, css: 0, cssGzip: 0, files: 0 }
        const bodies: Promise<void>[] = []
        page.on('response', (response) => {
          const url = response.url()
          const kind = url.endsWith('.js') ? 'js' : url.endsWith('.css') ? 'css' : null
          if (!kind) return
          bodies.push(
            response.body().then((body) => {
              loaded[kind] += body.length
              loaded[kind === 'js' ? 'jsGzip' : 'cssGzip'] += gzipSync(body).length
              loaded.files += 1
            }),
          )
        })
        const started = performance.now()
        await page.goto(`${origin}/console/catalog`)
        await page.locator('.el-table__body .el-table__row').first().waitFor({ state: 'visible' })
        times.push(performance.now() - started)
        await Promise.all(bodies)
        transfer = loaded
        await context.close()
      }
      const sorted = [...times].sort((a, b) => a - b)
      report({
        measure: 'catalog cold load to interactive',
        loads: COLD_LOADS,
        medianMs: Math.round(sorted[Math.floor(sorted.length / 2)]!),
        worstMs: Math.round(sorted.at(-1)!),
        targetMs: 1000,
        ...machineLoad(),
      })
      report({
        measure: 'catalog page transfer',
        files: transfer.files,
        jsKB: kb(transfer.js),
        jsGzipKB: kb(transfer.jsGzip),
        cssKB: kb(transfer.css),
        cssGzipKB: kb(transfer.cssGzip),
        targetJsGzipKB: 300,
      })
    })
  },
}

export default bench
