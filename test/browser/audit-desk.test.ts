import { readFile } from 'node:fs/promises'
import type { Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import { seedDemoOpenCases } from '../../demo/demo-cases.ts'
import { seedDemoCatalog } from '../../demo/demo-catalog.ts'
import { TEST_KEK } from '../../exchange/certificates/certificate-test-support.ts'
import { DEMO_PRINCIPALS } from '../../platform/auth/demo-principals.ts'
import type { Principal } from '../../schemas/generated/types.ts'
import { isOffHours } from '../../web/src/views/audit/audit-charts.ts'
import { expectAccessible, screenshot, useConsole } from './console-harness.ts'

// The security officer's desk and the citizen's page, in Chromium against the real hub: the
// 行政审批局 window clerk fetches the demo citizen's certificate for her open case (and another
// applicant's for his), the 公积金中心 officer tries five times to run the audit verification he may
// not run; then the auditor finds the citizen's access by typing her ID into the search form, reads
// who, why and the outcome, verifies the chain and its checkpoints, drills into the repeated-denials
// finding, reads the charts' numbers and exports CSV; the citizen signs in and sees that access —
// department, purpose, case — and nothing of the other applicant.
const ui = useConsole({ simulators: true, env: { CERT_KEY_ENCRYPTION_KEY: TEST_KEK } })
const HER_ID = DEMO_PRINCIPALS.citizen!.idNumber!
const HER_CASE = 'LF-ZH-2026-000101'
const HIS_CASE = 'LF-ZH-2026-000103'
const APPROVAL = '临汾市行政审批服务管理局'
const fetchedAt: Date[] = []

const as = async (name: keyof typeof DEMO_PRINCIPALS) => ({
  authorization: `Bearer ${await ui.hub.token(DEMO_PRINCIPALS[name] as Principal)}`,
})

beforeAll(async () => {
  const db = ui.hub.database.db
  await seedDemoCatalog(db)
  await ui.hub.app.certificates.feed.pullAll()
  expect(await seedDemoOpenCases(db, ui.hub.app.config.calendar)).toBe(5)
  for (const caseNumber of [HER_CASE, HIS_CASE]) {
    const fetched = await ui.hub.app.inject({
      method: 'POST',
      url: `/v1/cases/${caseNumber}/materials/M01/fetch-certificate`,
      headers: await as('clerk'),
      payload: {},
    })
    expect(fetched.statusCode, fetched.body).toBe(200)
    expect(fetched.json().outcome).toBe('found')
    fetchedAt.push(new Date())
  }
  for (let i = 0; i < 5; i++) {
    const refused = await ui.hub.app.inject({
      method: 'GET',
      url: '/v1/audit/verify',
      headers: await as('consumer'),
    })
    expect(refused.statusCode).toBe(403)
  }
}, 180_000)

const rows = (page: Page, scope: string) =>
  page.locator(`[data-test=${scope}] .el-table__body-wrapper .el-table__row`)
const tableRows = async (page: Page, scope: string) =>
  (await page.locator(`[data-test=${scope}] table.data tbody tr`).allTextContents()).map((r) => r.trim())

describe("the security officer's desk and the citizen's page", () => {
  it('finds the access by the subject typed into the form, with department, purpose, outcome and detail', async () => {
    const page = await ui.signedIn('auditor')
    const menu = await page.locator('nav').textContent()
    for (const entry of ['审计查询', '完整性校验', '异常报告', '审计图表']) expect(menu).toContain(entry)
    expect(menu).not.toContain('我的数据被谁用了')

    await page.getByRole('menuitem', { name: '审计查询' }).click()
    await page.getByLabel('数据主体证件号码').fill(HER_ID)
    await page.getByRole('button', { name: '查询', exact: true }).click()
    const fetch = rows(page, 'audit-records').filter({ hasText: '电子证照调取' })
    await expect.poll(() => fetch.count()).toBe(1)
    const text = await fetch.textContent()
    expect(text).toContain(APPROVAL)
    expect(text).toContain('办理政务服务事项')
    expect(text).toContain(HER_CASE)
    expect(text).toContain('允许')
    expect(text).toContain(`${HER_ID.slice(0, 6)}********${HER_ID.slice(-4)}`)
    // The subject travelled in a POST body: the address bar and the table never show it in full.
    expect(page.url()).not.toContain(HER_ID)
    expect(await page.locator('[data-test=audit-records]').textContent()).not.toContain(HER_ID)
    expect(await page.locator('[data-test=audit-records]').textContent()).not.toContain(HIS_CASE)
    await expectAccessible(page, 'the audit search')
    await screenshot(page, 'audit-search')

    await fetch.getByRole('button', { name: '查看' }).click()
    const detail = page.locator('[data-test=audit-detail]')
    await expect.poll(() => detail.textContent()).toContain('certificates.fetch')
    const detailText = await detail.textContent()
    expect(detailText).toContain('demo-clerk-approval')
    expect(detailText).toContain('办理政务服务事项')
    expect(detailText).toContain('找到证照')
    expect(detailText).toContain('"materialCode":"M01"')
    await expectAccessible(page, 'the audit record detail')
    await screenshot(page, 'audit-detail')
    await page.keyboard.press('Escape')

    // Export what the form asks for (the subject goes in the request body) as CSV.
    await page.getByRole('button', { name: '导出', exact: true }).click()
    const dialog = page.getByRole('dialog', { name: '导出审计记录' })
    expect(await dialog.locator('[data-test=export-rules]').textContent()).toContain('不超过 366 天')
    await expectAccessible(page, 'the export dialog')
    await screenshot(page, 'audit-export')
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      dialog.getByRole('button', { name: '开始导出' }).click(),
    ])
    expect(download.suggestedFilename()).toMatch(/^audit-records-\d{4}-\d{2}-\d{2}\.csv$/)
    const [header, ...lines] = (await readFile((await download.path())!, 'utf8')).trim().split('\n')
    expect(header).toMatch(/^id,occurredAt,principal,department,roles,action,/)
    const fetches = lines.filter((l) => l.includes(',certificates.fetch,'))
    expect(fetches).toHaveLength(1)
    expect(fetches[0]).toContain(',demo-clerk-approval,lf-approval,clerk,certificates.fetch,certificate,')
    expect(fetches[0]).toContain(`,case-handling,${HER_CASE},`)
    expect(lines.join('\n')).not.toContain(HIS_CASE)
    expect(lines.join('\n')).not.toContain(HER_ID)
  })

  it('runs the verification and reads 完整 with the checkpoint status; signs a checkpoint', async () => {
    const page = await ui.signedIn('auditor')
    await page.getByRole('menuitem', { name: '完整性校验' }).click()
    await page.getByRole('button', { name: '立即签署检查点' }).click()
    await expect.poll(() => rows(page, 'checkpoints').count()).toBeGreaterThan(0)
    expect(await rows(page, 'checkpoint-keys').count()).toBeGreaterThan(0)
    await page.getByRole('button', { name: '运行校验' }).click()
    const result = page.locator('[data-test=verify-result]')
    await expect.poll(() => result.textContent()).toContain('完整')
    expect(await result.textContent()).toMatch(/已逐条校验 \d+ 条记录，哈希链完整/)
    expect(await page.locator('[data-test=checkpoint-status]').textContent()).toMatch(
      /已核对 [1-9]\d* 个签名检查点，全部有效/,
    )
    await expectAccessible(page, 'the integrity check')
    await screenshot(page, 'audit-integrity')
  })

  it('opens the repeated-denials finding and drills down to its records', async () => {
    const page = await ui.signedIn('auditor')
    await page.getByRole('menuitem', { name: '异常报告' }).click()
    const finding = rows(page, 'anomalies').filter({ hasText: '多次被拒' })
    await expect.poll(() => finding.count()).toBe(1)
    expect(await finding.textContent()).toContain('demo-consumer-housing-fund')
    expect(await finding.textContent()).toContain('临汾市住房公积金管理中心')
    await expectAccessible(page, 'the anomaly reports')
    await screenshot(page, 'audit-anomalies')

    await finding.getByRole('button', { name: '查看记录' }).click()
    await expect.poll(() => page.url()).toContain('/audit/records?principal=demo-consumer-housing-fund')
    const records = rows(page, 'audit-records')
    await expect.poll(() => records.count()).toBe(5)
    for (const text of await records.allTextContents()) {
      expect(text).toContain('审计校验')
      expect(text).toContain('拒绝')
      expect(text).toContain('角色无权操作')
    }
  })

  it('reads the numbers behind the charts', async () => {
    const page = await ui.signedIn('auditor')
    await page.getByRole('menuitem', { name: '审计图表' }).click()
    await expect.poll(() => tableRows(page, 'chart-top')).toEqual([`${APPROVAL}2`])
    expect(await tableRows(page, 'chart-per-day')).toEqual([`${APPROVAL}2`])
    expect(await tableRows(page, 'chart-reasons')).toContain('角色无权操作5')
    const offHours = fetchedAt.filter((at) => {
      const local = new Date(at.getTime() + 8 * 3_600_000)
      return isOffHours(local.getUTCDay() === 0 ? 7 : local.getUTCDay(), local.getUTCHours())
    }).length
    expect(await page.locator('[data-test=off-hours-total]').textContent()).toContain(`：${offHours} 次`)
    const busiest = await tableRows(page, 'chart-heat')
    expect(busiest.reduce((n, r) => n + Number(r.match(/(\d+)$/)?.[1] ?? 0), 0)).toBe(2)
    // Four charts drawn by ECharts, each on its own canvas.
    expect(await page.locator('.chart').count()).toBe(4)
    expect(await page.locator('.chart:has(canvas)').count()).toBe(4)
    await expectAccessible(page, 'the audit charts')
    await screenshot(page, 'audit-charts')
  })

  it("shows the citizen every access to her data, and nothing of anyone else's", async () => {
    const page = await ui.signedIn('citizen')
    await expect.poll(() => page.url()).toContain('/console/my-data')
    const menu = (await page.locator('nav').textContent()) ?? ''
    expect(menu).toContain('我的数据被谁用了')
    for (const other of ['资源目录', '审计查询', '我的申请']) expect(menu).not.toContain(other)
    // Her certificate fetched at the window; the auditor's look at her trail is listed too, as such.
    const mine = rows(page, 'my-accesses').filter({ hasText: '调取了您的电子证照' })
    await expect.poll(() => mine.count()).toBe(1)
    expect(await rows(page, 'my-accesses').filter({ hasText: '安全审计人员' }).count()).toBeGreaterThan(0)
    const text = await mine.textContent()
    expect(text).toContain(APPROVAL)
    expect(text).toContain('调取了您的电子证照')
    expect(text).toContain('办理政务服务事项')
    expect(text).toContain(HER_CASE)
    const all = (await page.locator('.main').textContent()) ?? ''
    expect(all).not.toContain(HIS_CASE)
    expect(all).not.toContain('demo-clerk-approval')
    await expectAccessible(page, "the citizen's page")
    await screenshot(page, 'citizen-accesses')

    // Pages for officers are out of her reach: she is sent back to her own page.
    await page.goto(`${ui.origin}/console/audit/records`)
    await expect.poll(() => page.url()).toContain('/console/my-data')
  })
})
