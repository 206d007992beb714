import { execFile } from 'node:child_process'
import { rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import type { FastifyInstance } from 'fastify'
import type { Knex } from 'knex'
import { type Browser, type BrowserContext, type BrowserContextOptions, chromium } from 'playwright-core'
import { withBenchDatabase } from './bench-database.ts'
import { buildBenchHub } from './bench-hub.ts'

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const ROOT = path.resolve(import.meta.dirname, '../..')
const run = promisify(execFile)

/** A hub serving the console, listening on loopback, and a headless Chromium to open it with. */
export interface ConsoleHub {
  app: FastifyInstance
  db: Knex
  origin: string
  browser: Browser
  /**
   * A fresh window (no cache, 1280×720, zh-CN unless `options` say otherwise) signed in through the
   * dev sign-in as one of the demo people (`consumer`, `clerk`, `leader` …).
   */
  signedInWindow(person: string, options?: BrowserContextOptions): Promise<BrowserContext>
}

export interface ConsoleHubOptions {
  /** The bench's own database: created, migrated, seeded, dropped. */
  database: string
  /** Fills the migrated database before the hub is built. */
  seed: (db: Knex) => Promise<unknown>
  /** Hub settings beside the dev sign-in and the console build. */
  env?: Record<string, string>
  /** Seeds that need the built hub (its config or services), before it listens. */
  seedWithApp?: (app: FastifyInstance, db: Knex) => Promise<unknown>
}

/**
 * The console benches' set-up: builds the console once into a temporary directory, starts the real
 * hub in-process on the bench's own database serving it (dev sign-in on), launches Debian's headless
 * Chromium, runs `measure`, and tears everything down again, so a console bench is its measurement.
 */
export async function withConsoleHub<T>(
  options: ConsoleHubOptions,
  measure: (hub: ConsoleHub) => Promise<T>,
): Promise<T> {
  const dist = path.join(os.tmpdir(), `hub-${options.database}-${process.pid}`)
  await run(
    'npx',
    ['vite', 'build', '--config', 'web/vite.config.ts', '--outDir', dist, '--logLevel', 'error'],
    { cwd: ROOT, timeout: 300_000 },
  )
  try {
    return await withBenchDatabase(options.database, { poolMax: 2 }, async (db) => {
      const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] })
      try {
        await options.seed(db)
        const { app } = await buildBenchHub(options.database, {
          AUTH_DEV_SIGN_IN: 'true',
          CONSOLE_DIST_DIR: dist,
          ...options.env,
        })
        try {
          await options.seedWithApp?.(app, db)
          const origin = await app.listen({ host: '127.0.0.1', port: 0 })
          const signedInWindow = async (person: string, extra: BrowserContextOptions = {}) => {
            const context = await browser.newContext({
              viewport: { width: 1280, height: 720 },
              locale: 'zh-CN',
              ...extra,
            })
            const signIn = await context.request.post(`${origin}/auth/dev/sign-in`, {
              data: { name: person },
            })
            if (!signIn.ok()) throw new Error(`dev sign-in answered ${signIn.status()}`)
            return context
          }
          return await measure({ app, db, origin, browser, signedInWindow })
        } finally {
          await app.close()
        }
      } finally {
        await browser.close()
      }
    })
  } finally {
    await rm(dist, { recursive: true, force: true })
  }
}

/** The machine's load while measuring: a shared box slows a browser down a lot. */
export function machineLoad(): { loadAverage1m: number; cpus: number } {
  return { loadAverage1m: Math.round(os.loadavg()[0]! * 10) / 10, cpus: os.cpus().length }
}
