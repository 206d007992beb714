import { readFile } from 'node:fs/promises'
import type { Page, Response } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import { seedDemoActivity } from '../../demo/demo-activity.ts'
import { seedDemoCatalog } from '../../demo/demo-catalog.ts'
import { TEST_KEK } from '../../exchange/certificates/certificate-test-support.ts'
import { DEMO_PRINCIPALS } from '../../platform/auth/demo-principals.ts'
import type {
  CaseStatistics,
  CertificateMaterialsAvoided,
  DashboardIndicators,
  Principal,
} from '../../schemas/generated/types.ts'
import { expectAccessible, screenshot, useConsole } from './console-harness.ts'

// The leaders' dashboard and the administration pages, in Chromium against the real hub seeded as
// `npm start` seeds the demo (departments, catalog, certificate feeds, a year of history): the head of
// the big-data office reads the 一网一门一次 figures — the same numbers the API gives the page — sees a
// number on hover and exports a chart as PNG; the operator checks the department systems and rotates
// an issuer's signing key.
const ui = useConsole({ simulators: true, env: { CERT_KEY_ENCRYPTION_KEY: TEST_KEK } })

beforeAll(async () => {
  await seedDemoCatalog(ui.hub.database.db)
  await ui.hub.app.certificates.feed.pullAll()
  await seedDemoActivity(ui.hub.app, () => {})
}, 180_000)

async function apiAs(name: keyof typeof DEMO_PRINCIPALS, url: string) {
  const token = await ui.hub.token(DEMO_PRINCIPALS[name] as Principal)
  const res = await ui.hub.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } })
  expect(res.statusCode, url).toBe(200)
  return res.json()
}

async function signIn(page: Page, who: string) {
  await page.goto(`${ui.origin}/console/sign-in`)
  await page.getByRole('button', { name: `以${who}的身份登录` }).click()
  await expect.poll(() => page.locator('[data-test=who]').textContent()).toContain(who)
}

const answer = (page: Page, path: string) =>
  page.waitForResponse((r: Response) => r.url().includes(path) && r.request().method() === 'GET', {
    timeout: 30_000,
  })

const tableRows = (page: Page, chart: string) =>
  page
    .locator(`table[data-chart-table=${chart}] tbody tr`)
    .evaluateAll((rows) =>
      rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent?.trim() ?? '')),
    )

const pct = (part: number, whole: number) => `${whole === 0 ? 0 : Math.round((part / whole) * 1000) / 10}%`

describe("the leaders' dashboard and administration", () => {
  it('shows the leader the demo year in charts with the numbers the API gives', async () => {
    const page = await ui.window()
    const answers = Promise.all([
      answer(page, '/v1/certificates/stats/materials-avoided'),
      answer(page, '/v1/cases/statistics'),
      answer(page, '/v1/dashboard/indicators'),
    ])
    await signIn(page, '大数据办主任')
    // The leader lands on the dashboard: the catalog is not theirs.
    await expect.poll(() => page.url()).toContain('/console/dashboard')
    const [avoidedRes, statsRes, indicatorsRes] = await answers
    const avoided = (await avoidedRes.json()) as CertificateMaterialsAvoided
    const stats = (await statsRes.json()) as CaseStatistics
    const indicators = (await indicatorsRes.json()) as DashboardIndicators
    const menu = await page.locator('nav').textContent()
    expect(menu).toContain('一网一门一次')
    expect(menu).not.toContain('资源目录')
    expect(menu).not.toContain('部门管理')

    // The headline: materials replaced against the goals, one-visit and on-time rates, exchanges.
    await page.locator('[data-kpi=materials]').waitFor()
    // The big-data office's head sees the whole city, and the page says so.
    expect(indicators.scope).toEqual({ department: null })
    expect(await page.locator('[data-test=scope]').textContent()).toBe('统计范围：全市各部门；')
    expect(await page.locator('[data-kpi=materials] .kpi-value').textContent()).toBe(
      pct(avoided.total.replaced, avoided.total.required),
    )
    expect(avoided.total.replaced).toBeGreaterThan(0)
    const sum = <T>(rows: T[], f: (r: T) => number) => rows.reduce((n, r) => n + f(r), 0)
    const completed = sum(stats.departments, (d) => d.completed)
    expect(await page.locator('[data-kpi=one-visit] .kpi-value').textContent()).toBe(
      pct(
        sum(stats.departments, (d) => d.completedInOneVisit),
        completed,
      ),
    )
    expect(await page.locator('[data-kpi=on-time] .kpi-value').textContent()).toBe(
      pct(
        sum(stats.departments, (d) => d.completedOnTime),
        completed,
      ),
    )
    const exchanges = sum(indicators.months, (m) => m.exchangesAllowed)
    expect(exchanges).toBeGreaterThan(0)
    expect(await page.locator('[data-kpi=exchanges] .kpi-value').textContent()).toBe(
      exchanges.toLocaleString('zh-CN'),
    )

    // Materials per department, as the chart's data table lists them (by full name), against the API's rows.
    const departments = (await apiAs('leader', '/v1/departments?limit=200')).items as {
      code: string
      name: string
      shortName: string | null
    }[]
    const names = Object.fromEntries(departments.map((d) => [d.code, d.name]))
    expect(departments.find((d) => d.code === 'lf-hrss')?.shortName).toBe('市人社局')
    const perDepartment = new Map<string, { required: number; replaced: number }>()
    for (const item of avoided.items) {
      const s = perDepartment.get(item.departmentCode!) ?? { required: 0, replaced: 0 }
      s.required += item.required
      s.replaced += item.replaced
      perDepartment.set(item.departmentCode!, s)
    }
    const expected = [...perDepartment.entries()]
      .map(([code, s]) => [
        names[code] ?? code,
        pct(s.replaced, s.required),
        String(s.replaced),
        String(s.required),
      ])
      .sort((a, b) => a[0]!.localeCompare(b[0]!))
    const shown = (await tableRows(page, 'materials-by-department')).sort((a, b) =>
      a[0]!.localeCompare(b[0]!),
    )
    expect(shown).toEqual(expected)
    expect(shown.length).toBeGreaterThan(1)

    // Month by month: the exchange chart's table is the indicators' months.
    const months = await tableRows(page, 'exchange-volume')
    expect(months).toEqual(
      indicators.months.map((m) => [m.month, String(m.exchangesAllowed), String(m.exchangesDenied)]),
    )
    expect(months.length).toBeGreaterThanOrEqual(12)

    // Hovering a bar shows its number, under the department's full name (the axis shows short names).
    const canvas = page.locator('figure[data-chart=materials-by-department] .chart-canvas')
    const box = (await canvas.boundingBox())!
    await page.mouse.move(box.x + box.width * 0.2, box.y + box.height * 0.6)
    await page.mouse.move(box.x + box.width * 0.21, box.y + box.height * 0.6)
    const tip = page.locator('figure[data-chart=materials-by-department] .chart-tooltip')
    await expect.poll(() => tip.textContent()).toMatch(/免提交率 \d+(\.\d)?%（替代 \d+ \/ 应交 \d+）/)
    const hovered = (await tip.textContent())!
    const row = shown.find(([name]) => hovered.startsWith(`${name}免提交率`))
    expect(row, hovered).toBeDefined()
    expect(hovered).toContain(`免提交率 ${row![1]}（替代 ${row![2]} / 应交 ${row![3]}）`)

    // Export as image: a PNG file.
    const download = page.waitForEvent('download')
    await page
      .locator('figure[data-chart=materials-by-department]')
      .getByRole('button', { name: '导出图片' })
      .click()
    const file = await download
    expect(file.suggestedFilename()).toBe('materials-by-department.png')
    const png = await readFile((await file.path())!)
    expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a')
    expect(png.length).toBeGreaterThan(5_000)

    await page.mouse.move(0, 0)
    await expectAccessible(page, 'the dashboard')
    await screenshot(page, 'dashboard')

    // An administration page is not the leader's: the console sends them back to the dashboard.
    await page.goto(`${ui.origin}/console/admin/adapters`)
    await expect.poll(() => page.url()).toContain('/console/dashboard')
  })

  it('lets the operator check the department systems, the departments and the failed jobs', async () => {
    const page = await ui.window()
    await signIn(page, '平台运维管理员')
    const menu = await page.locator('nav').textContent()
    for (const entry of [
      '一网一门一次',
      '部门管理',
      '适配器状态',
      '失败任务',
      '办件订阅推送',
      '证照类型与签发密钥',
    ])
      expect(menu).toContain(entry)

    await page.getByRole('menuitem', { name: '适配器状态' }).click()
    const adapters = (await apiAs('admin', '/v1/admin/adapters')).items as {
      name: string
      health: { status: string }
    }[]
    expect(adapters.length).toBeGreaterThan(0)
    const rows = page.locator('.el-table__body .el-table__row')
    await expect.poll(() => rows.count()).toBe(adapters.length)
    for (const a of adapters) {
      const row = await rows.filter({ hasText: a.name }).first().textContent()
      expect(row).toContain(
        a.health.status === 'up' ? '正常' : a.health.status === 'degraded' ? '降级' : '不可用',
      )
    }
    expect(adapters.some((a) => a.health.status === 'up')).toBe(true)
    await expectAccessible(page, 'the adapters')
    await screenshot(page, 'admin-adapters')

    await page.getByRole('menuitem', { name: '部门管理' }).click()
    await expect.poll(() => page.locator('.el-table__body').textContent()).toContain('临汾市大数据应用局')
    await page.getByRole('button', { name: '新增部门' }).click()
    const dialog = page.getByRole('dialog')
    await dialog.getByLabel('部门编码').fill('Bad Code')
    await dialog.getByRole('button', { name: '保存' }).click()
    await expect.poll(() => dialog.locator('.el-form-item__error').count()).toBeGreaterThan(0)
    await expectAccessible(page, 'the department dialog')
    await screenshot(page, 'admin-department-dialog')
    await dialog.getByRole('button', { name: '取消' }).click()
    await expectAccessible(page, 'the departments')
    await screenshot(page, 'admin-departments')

    // A department's case webhook, subscribed through the API, with its (still empty) deliveries.
    const token = await ui.hub.token(DEMO_PRINCIPALS.admin as Principal)
    const hook = await ui.hub.app.inject({
      method: 'POST',
      url: '/v1/cases/webhooks',
      headers: { authorization: `Bearer ${token}` },
      payload: { department: 'lf-hfund', url: 'http://127.0.0.1:9/case-hook' },
    })
    expect(hook.statusCode).toBe(201)
    await page.getByRole('menuitem', { name: '办件订阅推送' }).click()
    const hookRow = page.locator('.el-table__body .el-table__row', {
      hasText: 'http://127.0.0.1:9/case-hook',
    })
    await expect.poll(() => hookRow.textContent()).toContain('临汾市住房公积金管理中心')
    expect(await hookRow.textContent()).toContain('有效')
    await expectAccessible(page, 'the webhooks')
    await screenshot(page, 'admin-webhooks')
    await hookRow.getByRole('button', { name: '投递记录' }).click()
    await expect.poll(() => page.getByRole('dialog').textContent()).toContain('暂无投递')
    await page.keyboard.press('Escape')

    await page.getByRole('menuitem', { name: '失败任务' }).click()
    await expect.poll(() => page.locator('.toolbar').textContent()).toMatch(/共 \d+ 个失败任务/)
    await expectAccessible(page, 'the failed jobs')
    await screenshot(page, 'admin-dead-letters')
  })

  it('rotates an issuer key and shows the new kid, which the issuer JWKS then lists', async () => {
    const page = await ui.window()
    await signIn(page, '平台运维管理员')
    await page.getByRole('menuitem', { name: '证照类型与签发密钥' }).click()
    const first = page.locator('.el-table__body .el-table__row').first()
    await first.waitFor()
    // The issuer is named once the department names have loaded (until then the cell shows the code).
    const issuerCell = first.locator('td').first()
    await expect.poll(() => issuerCell.textContent()).toMatch(/[\u4e00-\u9fff]/)
    const issuerName = (await issuerCell.textContent())!.trim()
    const before = (await first.locator('.kid code').allTextContents()).length
    await first.getByRole('button', { name: '轮换密钥' }).click()
    await page.locator('.el-message-box').getByRole('button', { name: '轮换密钥' }).click()
    const kid = (await page.locator('[data-test=new-kid]').textContent())!.trim()
    expect(kid.length).toBeGreaterThan(8)
    expect(await page.locator('[data-test=rotated]').textContent()).toContain(issuerName)
    await expect.poll(() => first.locator('.kid code').allTextContents()).toContain(kid)
    expect((await first.locator('.kid code').allTextContents()).length).toBe(before + 1)

    const departments = (await apiAs('admin', '/v1/departments?limit=200')).items as {
      code: string
      name: string
    }[]
    const code = departments.find((d) => d.name === issuerName)!.code
    const jwks = await apiAs('admin', `/v1/certificates/issuers/${code}/jwks`)
    expect(jwks.keys.map((k: { kid: string }) => k.kid)).toContain(kid)
    await expectAccessible(page, 'the issuer keys')
    await screenshot(page, 'admin-issuer-keys')
  })
})
