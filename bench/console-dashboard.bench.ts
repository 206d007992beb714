/**
 * The leaders' dashboard's first render: /console/dashboard opened in a fresh headless Chromium
 * window (Debian's package, no cache, 1280×720) by the signed-in head of the big-data office, until
 * every chart has drawn the demo year and the headline shows its numbers. Reports the median and p95
 * of DASHBOARD_LOADS loads (target ≤ 1 s) and the time of the three statistics calls the page makes.
 * The hub runs in-process on its own database `hub_bench_dashboard` (created, migrated, seeded with
 * the demo catalog and its deterministic year of history, dropped), serving a console built once.
 */
import { performance } from 'node:perf_hooks'
import { seedDemoActivity } from '../demo/demo-activity.ts'
import { seedDemoCatalog } from '../demo/demo-catalog.ts'
import type { BenchModule } from './run.ts'
import { percentile } from './support/bench-services.ts'
import { type ConsoleHubOptions, machineLoad, withConsoleHub } from './support/console-hub.ts'

const LOADS = Number(process.env.DASHBOARD_LOADS ?? 9)
const CHARTS = 6

const at = (sorted: number[], q: number) => Math.round(percentile(sorted, q * 100))

const bench: BenchModule = {
  name: 'console-dashboard',
  async run(report) {
    let history: Awaited<ReturnType<typeof seedDemoActivity>>['history']
    const hub: ConsoleHubOptions = {
      database: 'hub_bench_dashboard',
      // The demo's own certificates (no department feeds run here), then its year of history.
      seed: (db) => seedDemoCatalog(db, { holders: 60 }),
      env: { CERT_KEY_ENCRYPTION_KEY: '0f1e2d3c4b5a69788796a5b4c3d2e1f00112233445566778899aabbccddeeff0' },
      seedWithApp: async (app) => {
        history = (await seedDemoActivity(app, () => {})).history
      },
    }
    await withConsoleHub(hub, async ({ origin, signedInWindow }) => {
      const times: number[] = []
      const apiTimes: number[] = []
      for (let i = 0; i < LOADS; i++) {
        const context = await signedInWindow('leader')
        const page = await context.newPage()
        const asked = new Map<string, number>()
        let apiDone = 0
        page.on('request', (r) => {
          if (/\/v1\/(cases\/statistics|certificates\/stats|dashboard)/.test(r.url()))
            asked.set(r.url(), performance.now())
        })
        page.on('response', (r) => {
          const sent = asked.get(r.url())
          if (sent !== undefined) apiDone = Math.max(apiDone, performance.now() - sent)
        })
        const started = performance.now()
        await page.goto(`${origin}/console/dashboard`)
        // Drawn: the headline shows its numbers and every chart has its canvas (the data is set as it is made).
        await page.locator('[data-kpi=materials] .kpi-value').waitFor()
        await page
          .locator('.chart-canvas canvas')
          .nth(CHARTS - 1)
          .waitFor()
        times.push(performance.now() - started)
        apiTimes.push(apiDone)
        await context.close()
      }
      const sorted = [...times].sort((a, b) => a - b)
      const api = [...apiTimes].sort((a, b) => a - b)
      report({
        measure: 'dashboard first render (cold window, a year of demo data)',
        loads: LOADS,
        cases: history?.cases ?? null,
        auditRecords: history?.auditRecords ?? null,
        medianMs: at(sorted, 0.5),
        p95Ms: at(sorted, 0.95),
        targetMs: 1000,
        statisticsCallsMedianMs: at(api, 0.5),
        ...machineLoad(),
      })
    })
  },
}

export default bench
