/**
 * The leaders' dashboard's first render: /console/dashboard opened in a fresh headless Chromium
 * window (Debian's package, no cache, 1280×720) by the signed-in head of the big-data office, until
 * every chart has drawn the demo year and the headline shows its numbers. Reports the median and p95
 * of DASHBOARD_LOADS loads (target ≤ 1 s), the time of the statistics calls the page makes, and the
 * bytes the first load moved over the wire (as sent, so compression counts; load does not distort it).
 * The hub runs in-process on its own database `hub_bench_dashboard` (created, migrated, seeded with
 * the demo catalog and its deterministic year of history, dropped), serving a console built once.
 */
import { execFile } from 'node:child_process'
import { rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { promisify } from 'node:util'
import { chromium } from 'playwright-core'
import { seedDemoActivity } from '../demo/demo-activity.ts'
import { seedDemoCatalog } from '../demo/demo-catalog.ts'
import { createKnex } from '../platform/db/knex-factory.ts'
import { migrateLatest } from '../platform/db/migrator.ts'
import type { BenchModule } from './run.ts'
import { buildBenchHub } from './support/bench-hub.ts'
import { BENCH_DATABASE_ADMIN_URL, benchDatabaseUrl } from './support/bench-services.ts'

const DB_NAME = 'hub_bench_dashboard'
const LOADS = Number(process.env.DASHBOARD_LOADS ?? 9)
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const ROOT = path.resolve(import.meta.dirname, '..')
const CHARTS = 6
const run = promisify(execFile)

const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10
const at = (sorted: number[], q: number) =>
  Math.round(sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))]!)

const bench: BenchModule = {
  name: 'console-dashboard',
  async run(report) {
    const dist = path.join(os.tmpdir(), `hub-console-dashboard-bench-${process.pid}`)
    await run(
      'npx',
      ['vite', 'build', '--config', 'web/vite.config.ts', '--outDir', dist, '--logLevel', 'error'],
      {
        cwd: ROOT,
        timeout: 300_000,
      },
    )
    const admin = createKnex({ connectionString: BENCH_DATABASE_ADMIN_URL, poolMax: 1 })
    await admin.raw(`drop database if exists ${DB_NAME} with (force)`)
    await admin.raw(`create database ${DB_NAME}`)
    const db = createKnex({ connectionString: benchDatabaseUrl(DB_NAME), poolMax: 2 })
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] })
    try {
      await migrateLatest(db)
      // The demo's own certificates (no department feeds run here), then its year of history.
      await seedDemoCatalog(db, { holders: 60 })
      const { app } = await buildBenchHub(DB_NAME, {
        AUTH_DEV_SIGN_IN: 'true',
        CONSOLE_DIST_DIR: dist,
        CERT_KEY_ENCRYPTION_KEY: '0f1e2d3c4b5a69788796a5b4c3d2e1f00112233445566778899aabbccddeeff0',
      })
      const { history } = await seedDemoActivity(app, () => {})
      const origin = await app.listen({ host: '127.0.0.1', port: 0 })
      try {
        const times: number[] = []
        const apiTimes: number[] = []
        let transfer = { js: 0, css: 0, api: 0, other: 0, files: 0 }
        for (let i = 0; i < LOADS; i++) {
          const context = await browser.newContext({
            viewport: { width: 1280, height: 720 },
            locale: 'zh-CN',
          })
          const signIn = await context.request.post(`${origin}/auth/dev/sign-in`, {
            data: { name: 'leader' },
          })
          if (!signIn.ok()) throw new Error(`dev sign-in answered ${signIn.status()}`)
          const page = await context.newPage()
          const asked = new Map<string, number>()
          let apiDone = 0
          // Bytes on the wire (encoded bodies, as sent) of everything the first load fetched.
          const wire = { js: 0, css: 0, api: 0, other: 0, files: 0 }
          const sizes: Promise<void>[] = []
          page.on('requestfinished', (request) => {
            const url = new URL(request.url()).pathname
            const kind = url.endsWith('.js')
              ? 'js'
              : url.endsWith('.css')
                ? 'css'
                : url.startsWith('/v1/') || url.startsWith('/auth/')
                  ? 'api'
                  : 'other'
            sizes.push(
              request.sizes().then((s) => {
                wire[kind] += s.responseBodySize
                wire.files += 1
              }),
            )
          })
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
          await Promise.all(sizes)
          transfer = wire
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
          loadAverage1m: Math.round(os.loadavg()[0]! * 10) / 10,
          cpus: os.cpus().length,
        })
        report({
          measure: 'dashboard first load transfer (bytes on the wire)',
          files: transfer.files,
          jsKB: kb(transfer.js),
          cssKB: kb(transfer.css),
          apiKB: kb(transfer.api),
          otherKB: kb(transfer.other),
          totalKB: kb(transfer.js + transfer.css + transfer.api + transfer.other),
        })
      } finally {
        await app.close()
      }
    } finally {
      await browser.close()
      await db.destroy()
      await admin.raw(`drop database if exists ${DB_NAME} with (force)`)
      await admin.destroy()
      await rm(dist, { recursive: true, force: true })
    }
  },
}

export default bench
