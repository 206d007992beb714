import { execFile } from 'node:child_process'
import { mkdir, readFile, rm } from 'node:fs/promises'
import { createRequire } from 'node:module'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { type Browser, type BrowserContext, chromium, type Locator, type Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, expect } from 'vitest'
import { DEMO_PRINCIPAL_PROFILES } from '../../platform/auth/demo-principals.ts'
import { type TestApp, useTestApp } from '../support/test-app.ts'

const run = promisify(execFile)
const ROOT = path.resolve(import.meta.dirname, '../..')
export const SCREENSHOTS = path.join(ROOT, 'test-results', 'screenshots')
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

export interface ConsoleHarness {
  readonly hub: TestApp
  /** http://127.0.0.1:<port> of the listening hub. */
  readonly origin: string
  /** A fresh browser window (1280×720, zh-CN, Beijing time) signed in as a demo principal. */
  signedIn(name: keyof typeof DEMO_PRINCIPAL_PROFILES): Promise<Page>
  /** A fresh window not signed in. */
  window(): Promise<Page>
}

/**
 * The real hub (real PostgreSQL/Redis/Kafka, dev sign-in on) listening on a free port and serving a
 * console built once for this file, and a headless Chromium (Debian's package) to drive it.
 */
export function useConsole(
  options: {
    simulators?: boolean
    /** Environment of the hub; may be filled in by a `beforeAll` registered before this call. */
    env?: Record<string, string>
    /** Offer the dev sign-in (default true). */
    devSignIn?: boolean
    /** The port to listen on, read when the hub starts (default: any free one). */
    port?: () => number
  } = {},
): ConsoleHarness {
  const dist = path.join(os.tmpdir(), `hub-console-dist-${process.pid}-${Date.now()}`)
  beforeAll(async () => {
    await run(
      'npx',
      [
        'vite',
        'build',
        '--config',
        'web/vite.config.ts',
        '--outDir',
        dist,
        '--logLevel',
        'error',
        '--bypass-lock',
      ],
      {
        cwd: ROOT,
        timeout: 180_000,
      },
    )
  }, 180_000)
  const env = options.env ?? {}
  Object.assign(
    env,
    { CONSOLE_DIST_DIR: dist },
    options.devSignIn === false ? {} : { AUTH_DEV_SIGN_IN: 'true' },
  )
  const hub = useTestApp({
    env,
    simulators: options.simulators ?? false,
  })
  const state: { origin?: string; browser?: Browser; contexts: BrowserContext[] } = { contexts: [] }

  beforeAll(async () => {
    state.origin = await hub.app.listen({ host: '127.0.0.1', port: options.port?.() ?? 0 })
    state.browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] })
    await mkdir(SCREENSHOTS, { recursive: true })
  }, 60_000)

  // A failing test leaves a picture of every window it had open, to see what the person would have seen.
  afterEach(async (context) => {
    if (context.task.result?.state !== 'fail') return
    let i = 0
    for (const c of state.contexts) {
      for (const page of c.pages()) {
        i += 1
        await page.screenshot({
          path: path.join(SCREENSHOTS, `failed-${context.task.name.slice(0, 20)}-${i}.png`),
        })
      }
    }
  })

  afterAll(async () => {
    for (const c of state.contexts) await c.close().catch(() => {})
    await state.browser?.close()
    await rm(dist, { recursive: true, force: true })
  })

  async function window(): Promise<Page> {
    if (!state.browser) throw new Error('useConsole(): the browser exists only inside tests')
    const context = await state.browser.newContext({
      viewport: { width: 1280, height: 720 },
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
    })
    state.contexts.push(context)
    const page = await context.newPage()
    page.setDefaultTimeout(10_000)
    return page
  }

  return {
    hub,
    get origin() {
      if (!state.origin) throw new Error('useConsole(): the hub listens only inside tests')
      return state.origin
    },
    window,
    async signedIn(name) {
      const page = await window()
      await page.goto(`${this.origin}/console/sign-in`)
      const who = DEMO_PRINCIPAL_PROFILES[name]!.displayName
      await page.getByRole('button', { name: `以${who}的身份登录` }).click()
      await expect.poll(() => page.locator('[data-test=who]').textContent()).toContain(who)
      return page
    },
  }
}

const axeSource = readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

/** Runs axe-core on the page as it is now; serious and critical violations fail the test. */
export async function expectAccessible(page: Page, what: string): Promise<void> {
  // Anything still fading or sliding (a dialog closing, a tag's colour transition) is measured half
  // way by the contrast rule: wait until every finite animation and transition on the page is done.
  await expect
    .poll(() => page.locator('.dialog-fade-enter-active, .dialog-fade-leave-active').count())
    .toBe(0)
  await expect
    .poll(() =>
      page.evaluate(() => {
        interface Running {
          playState: string
          effect: { getComputedTiming(): { endTime?: number | string } } | null
        }
        const doc = (globalThis as unknown as { document: { getAnimations(): Running[] } }).document
        return doc
          .getAnimations()
          .filter((a) => a.playState === 'running' && a.effect?.getComputedTiming().endTime !== Infinity)
          .length
      }),
    )
    .toBe(0)
  await page.addScriptTag({ content: await axeSource })
  const violations = await page.evaluate(async () => {
    const axe = (
      globalThis as unknown as { axe: { run(context: object): Promise<{ violations: AxeViolation[] }> } }
    ).axe
    // Toasts fade in and out (their opacity fools the contrast check); their colours are set dark in styles.css.
    const result = await axe.run({ exclude: [['.el-message']] })
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')),
      }))
  })
  expect(violations, `accessibility of ${what}`).toEqual([])
}

interface AxeViolation {
  id: string
  impact: string | null
  help: string
  nodes: { target: string[] }[]
}

let shot = 0
/** Saves a screenshot of the page as a test artefact (test-results/screenshots). */
export async function screenshot(page: Page, name: string): Promise<void> {
  shot += 1
  await page.screenshot({ path: path.join(SCREENSHOTS, `${String(shot).padStart(2, '0')}-${name}.png`) })
}

/** Ticks or unticks an Element Plus checkbox or radio (its input is visually hidden): clicks its label. */
export async function tick(input: Locator, on = true): Promise<void> {
  if ((await input.isChecked()) !== on) await input.locator('xpath=ancestor::label[1]').click()
}

/** Opens the Element Plus select behind a combobox and picks an option; waits until the list closes. */
export async function pick(page: Page, combobox: Locator, option: string): Promise<void> {
  await combobox.locator('xpath=ancestor::div[contains(@class,"el-select__wrapper")][1]').click()
  await page.locator('.el-select-dropdown:visible').getByRole('option', { name: option, exact: true }).click()
  await expect.poll(() => page.locator('.el-select-dropdown:visible').count()).toBe(0)
}

/** Picks an option of an Element Plus select that has the given accessible label or sits in the labelled form item. */
export async function choose(page: Page, field: string, option: string): Promise<void> {
  await page
    .locator('.el-form-item', { has: page.locator('label', { hasText: field }) })
    .locator('.el-select')
    .first()
    .click()
  await page.locator('.el-select-dropdown:visible').getByRole('option', { name: option, exact: true }).click()
}
