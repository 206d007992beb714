import { randomBytes } from 'node:crypto'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedDemoCatalog } from '../../demo/demo-catalog.ts'
import { WEBHOOK_DELIVERY_JOB } from '../../directory/requests/access-webhook-feature.ts'
import type { DeliveryJob } from '../../directory/requests/webhook-service.ts'
import { startCaseBackground } from '../../exchange/cases/case-feature.ts'
import { accepted, grantCaseData } from '../../exchange/cases/case-test-support.ts'
import { TEST_KEK } from '../../exchange/certificates/certificate-test-support.ts'
import { DEMO_PRINCIPALS } from '../../platform/auth/demo-principals.ts'
import type { Principal } from '../../schemas/generated/types.ts'
import { expectAccessible, screenshot, useConsole } from './console-harness.ts'

// The administrator's pages that were not clicked yet, in Chromium against the real hub: the 事项
// catalog (a CSV import refused line by line in Chinese, then accepted; an item's materials and what
// replaces their paper; an edit that makes the next version; a province item's refusal), a
// department's short name, a steward's own 事项 (and a province item refused to him), a case
// webhook's dead delivery replayed once the receiver is back, and a failed background job retried.
const ui = useConsole({
  env: {
    CERT_KEY_ENCRYPTION_KEY: TEST_KEK,
    KAFKA_TOPIC_PREFIX: `t${randomBytes(4).toString('hex')}.`,
    // Few, quick attempts, so deliveries fail for good within the test.
    CASE_WEBHOOK_ATTEMPTS: '2',
    CASE_WEBHOOK_BACKOFF_MS: '200',
    ACCESS_WEBHOOK_ATTEMPTS: '2',
    ACCESS_WEBHOOK_BACKOFF_MS: '200',
  },
})

/** A department's receiver (cases and access events): answers 503 while down. */
const receiver = { up: false, received: [] as string[], server: undefined as Server | undefined, url: '' }

beforeAll(async () => {
  const { db } = ui.hub.database
  await seedDemoCatalog(db)
  await grantCaseData(db, 'lf-approval')
  receiver.server = createServer((req, res) => {
    req.resume()
    req.on('end', () => {
      if (!receiver.up) return void res.writeHead(503).end()
      receiver.received.push(req.url ?? '')
      res.writeHead(204).end()
    })
  })
  await new Promise<void>((r) => receiver.server!.listen(0, '127.0.0.1', r))
  receiver.url = `http://127.0.0.1:${(receiver.server.address() as AddressInfo).port}`
  ui.hub.app.events.relay.start()
  await startCaseBackground(ui.hub.app)
  await ui.hub.app.jobs.startWorkers()
}, 60_000)

afterAll(async () => {
  await new Promise((r) => receiver.server?.close(r))
})

const read = async (locator: Locator) => ((await locator.textContent()) ?? '').replace(/\s+/g, ' ').trim()
const admin = () => ui.hub.token(DEMO_PRINCIPALS.admin as Principal)
async function api(method: 'GET' | 'POST' | 'PUT', url: string, payload?: object, token?: string) {
  return ui.hub.app.inject({
    method,
    url,
    payload,
    headers: { authorization: `Bearer ${token ?? (await admin())}` },
  })
}
const until = async (check: () => Promise<boolean>, ms = 30_000) => {
  const end = Date.now() + ms
  while (!(await check())) {
    if (Date.now() > end) throw new Error('condition not met in time')
    await new Promise((r) => setTimeout(r, 200))
  }
}
/** Chooses a file in the import dialog's upload area (its file input is hidden behind the drop area). */
async function chooseFile(page: Page, name: string, text: string) {
  await page
    .getByRole('dialog')
    .locator('[data-test=import-file] input[type=file]')
    .setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') })
  await expect.poll(() => read(page.locator('[data-test=import-chosen]'))).toBe(`已选择：${name}`)
}

const HEADER =
  'code,name,type,department,legalBasis,promisedWorkingDays,oneVisit,materialCode,materialName,materialRequired,paperCopies,certificateTypes,resourceCodes'

describe("the administrator's desk", () => {
  it('imports service items from CSV line by line, shows their materials, and edits one into a new version', async () => {
    const { db } = ui.hub.database
    const deed = (await db('certificate_types')
      .where({ issuer_department: 'lf-realestate' })
      .first('code')) as {
      code: string
    }
    const rows = (type: string) =>
      [
        HEADER,
        `SX-ZJ-0101,房屋租赁登记备案,公共服务,lf-realestate,《商品房屋租赁管理办法》,5,是,M01,不动产权证书,是,1,${deed.code},`,
        `SX-ZJ-0101,,,,,,,M02,租赁合同,是,2,,`,
        `SX-RS-0102,灵活就业人员参保登记,${type},lf-hrss,《社会保险法》,3,否,M01,社会保险参保证明,是,1,,203001/00001`,
      ].join('\n')

    const page = await ui.signedIn('admin')
    await page.getByRole('menuitem', { name: '事项目录' }).click()
    await expect.poll(() => page.url()).toContain('/console/admin/service-items')
    await expect.poll(() => read(page.locator('[data-test=service-item-count]'))).toMatch(/共 \d+ 个事项/)
    await expectAccessible(page, 'the service items')
    await screenshot(page, 'admin-service-items')

    // Line 4 names a type that does not exist: nothing is imported, the line and column are named.
    await page.getByRole('button', { name: '导入', exact: true }).click()
    // The upload area speaks Chinese (no browser's own "Choose File" button).
    const area = page.getByRole('dialog').getByRole('button', { name: '将文件拖到此处，或选择文件' })
    expect(await read(area)).toBe('将文件拖到此处，或选择文件')
    expect(await read(page.getByRole('dialog'))).toContain('支持 .csv 和 .json 文件')
    expect(await page.getByRole('dialog').locator('input[type=file]:visible').count()).toBe(0)
    await expectAccessible(page, 'the import dialog')
    await chooseFile(page, 'items.csv', rows('行政审查'))
    await page.getByRole('dialog').getByRole('button', { name: '导入', exact: true }).click()
    const problems = page.locator('[data-test=import-problems]')
    await expect.poll(() => read(problems)).toContain('第 4 行')
    expect(await read(problems)).toContain('事项类型（type）：须为以下之一：行政许可、行政确认')
    expect(await read(problems)).toContain('未导入任何事项')
    expect(await read(problems)).not.toContain('第 2 行')
    expect(await db('service_items').where({ code: 'SX-ZJ-0101' }).first()).toBeUndefined()
    await expectAccessible(page, 'the refused import')
    await screenshot(page, 'admin-service-items-import-refused')

    // Fixed, the same file goes in whole.
    await chooseFile(page, 'items.csv', rows('公共服务'))
    // A new file clears the old file's problems.
    await expect.poll(() => problems.count()).toBe(0)
    await page.getByRole('dialog').getByRole('button', { name: '导入', exact: true }).click()
    await expect.poll(() => page.locator('.el-message').textContent()).toContain('已导入 2 个事项')
    await page.getByPlaceholder('事项名称、编码、部门或材料名称').fill('房屋租赁')
    await page.getByRole('button', { name: '查询' }).click()
    const row = page.locator('[data-test=service-items] .el-table__body .el-table__row', {
      hasText: 'SX-ZJ-0101',
    })
    await expect.poll(() => read(row)).toContain('房屋租赁登记备案')
    expect(await read(row)).toContain('公共服务')
    expect(await read(row)).toContain('临汾市不动产登记中心')
    expect(await read(row.locator('[data-test=service-item-version]'))).toBe('1')

    await row.getByRole('button', { name: '材料' }).click()
    const materials = page
      .getByRole('dialog')
      .locator('[data-test=service-item-materials] .el-table__body .el-table__row')
    await expect.poll(() => materials.count()).toBe(2)
    // The certificate type by its name (the names arrive with the types list).
    await expect.poll(() => read(materials.nth(0))).toContain('电子证照 不动产权证书')
    expect(await read(materials.nth(1))).toContain('租赁合同')
    expect(await read(materials.nth(1))).toContain('需提交纸质材料 2 份')
    await expectAccessible(page, "an item's materials")
    await screenshot(page, 'admin-service-item-materials')
    await page.keyboard.press('Escape')

    // An edit is the next version: the dialog says so before saving.
    await row.getByRole('button', { name: '修改' }).click()
    const editor = page.getByRole('dialog')
    expect(await read(editor.locator('[data-test=new-version-notice]'))).toContain(
      '保存后生成第 2 版（当前第 1 版）',
    )
    await editor.getByLabel('事项名称').fill('')
    await editor.getByRole('button', { name: '保存' }).click()
    await expect.poll(() => read(editor.locator('.el-form-item__error'))).toContain('必填')
    await editor.getByLabel('事项名称').fill('房屋租赁登记备案（个人）')
    await expectAccessible(page, 'the service item editor')
    await screenshot(page, 'admin-service-item-editor')
    await editor.getByRole('button', { name: '保存' }).click()
    await expect.poll(() => read(row.locator('[data-test=service-item-version]'))).toBe('2')
    expect(await read(row)).toContain('房屋租赁登记备案（个人）')

    // An item the province maintains: the refusal is explained in plain Chinese.
    await db('service_items').where({ code: 'SX-ZJ-0101' }).update({ origin: 'province' })
    await row.getByRole('button', { name: '修改' }).click()
    await page.getByRole('dialog').getByRole('button', { name: '保存' }).click()
    await expect
      .poll(() => read(page.getByRole('dialog').locator('[data-test=problem-message]')))
      .toContain('该事项由省级平台维护（事项动态同步），不能在本平台修改或取消')
    await expectAccessible(page, "the province item's refusal")
    await screenshot(page, 'admin-service-item-province')
    // An admin may take it over: it is maintained here from now on.
    await page.getByRole('dialog').locator('.el-checkbox', { hasText: '改为本平台维护' }).click()
    await page.getByRole('dialog').getByRole('button', { name: '保存' }).click()
    await expect.poll(() => read(row.locator('[data-test=service-item-version]'))).toBe('3')
    expect(await read(row)).toContain('本平台维护')
  })

  it('gives a department a short name, refused in Chinese when too long, and lists it', async () => {
    const { db } = ui.hub.database
    await db('departments').where({ code: 'lf-housing' }).update({ short_name: null })
    const page = await ui.signedIn('admin')
    await page.getByRole('menuitem', { name: '部门管理' }).click()
    const row = page.locator('.el-table__body .el-table__row', { hasText: 'lf-housing' })
    await expect.poll(() => read(row)).toContain('临汾市房地产管理局')
    expect(await read(row.locator('[data-test=department-short-name]'))).toBe('—')

    await row.getByRole('button', { name: '修改' }).click()
    const dialog = page.getByRole('dialog')
    const shortName = dialog.getByLabel('简称')
    expect(await shortName.getAttribute('placeholder')).toContain('最多 20 个字符')
    // 22 characters: the field says what is wrong, in Chinese, and nothing is saved.
    await shortName.fill('临汾市房地产管理局临汾市房地产管理局临汾市房')
    await dialog.getByRole('button', { name: '保存' }).click()
    const error = dialog.locator('.el-form-item', { has: page.locator('label', { hasText: '简称' }) })
    await expect.poll(() => read(error.locator('.el-form-item__error'))).toBe('不能超过 20 个字符')
    expect((await db('departments').where({ code: 'lf-housing' }).first('short_name')).short_name).toBeNull()
    await expectAccessible(page, 'the department dialog with a short name refused')
    await screenshot(page, 'admin-department-short-name-refused')

    await shortName.fill(' 房地产局 ')
    await expect.poll(() => error.locator('.el-form-item__error').count()).toBe(0)
    await dialog.getByRole('button', { name: '保存' }).click()
    await expect.poll(() => page.locator('.el-message').textContent()).toContain('部门已保存')
    await expect.poll(() => read(row.locator('[data-test=department-short-name]'))).toBe('房地产局')
    // What the API now gives the dashboard's axes, and the dialog reads it back.
    const saved = await api('GET', '/v1/departments/lf-housing')
    expect(saved.json().shortName).toBe('房地产局')
    await row.getByRole('button', { name: '修改' }).click()
    expect(await dialog.getByLabel('简称').inputValue()).toBe('房地产局')
    await page.keyboard.press('Escape')
    await expectAccessible(page, 'the departments with a short name')
    await screenshot(page, 'admin-departments-short-name')
  })

  it("shows a steward his department's 事项 only, and refuses him a province item in Chinese", async () => {
    const { db } = ui.hub.database
    // 职工参保登记 comes from the provincial platform's catalog.
    await db('service_items').where({ code: '000107002000' }).update({ origin: 'province' })
    const own = (await db('service_items')
      .where({ department_code: 'lf-hrss' })
      .select('code', 'name', 'version')) as { code: string; name: string; version: number }[]
    expect(own.length).toBeGreaterThan(1)

    const page = await ui.signedIn('steward')
    const menu = await read(page.locator('nav'))
    expect(menu).toContain('资源编目')
    expect(menu).not.toContain('事项目录')
    await page.getByRole('menuitem', { name: '本部门事项' }).click()
    await expect.poll(() => page.url()).toContain('/console/steward/service-items')
    await expect
      .poll(() => read(page.locator('[data-test=service-item-count]')))
      .toBe(`共 ${own.length} 个事项`)
    const rows = page.locator('[data-test=service-items] .el-table__body .el-table__row')
    await expect.poll(() => rows.count()).toBe(own.length)
    for (const item of own) expect(await read(rows.filter({ hasText: item.code }))).toContain(item.name)
    for (const text of await rows.allTextContents()) expect(text).toContain('临汾市人力资源和社会保障局')
    const table = await read(page.locator('[data-test=service-items]'))
    expect(table).not.toContain('住房公积金提取')
    expect(table).not.toContain('不动产转移登记')
    // Another department's item is not found by a search either.
    await page.getByPlaceholder('事项名称、编码、部门或材料名称').fill('住房公积金')
    await page.getByRole('button', { name: '查询' }).click()
    await expect.poll(() => read(page.locator('[data-test=service-item-count]'))).toBe('共 0 个事项')
    expect(await read(page.locator('[data-test=service-items]'))).toContain('没有符合条件的事项')
    await expectAccessible(page, "the steward's service items")
    await screenshot(page, 'steward-service-items')
    await page.getByRole('button', { name: '重置' }).click()

    // The province's item: the editor warns him, offers no take-over (an admin's), and the refusal is plain.
    const province = rows.filter({ hasText: '000107002000' })
    await expect.poll(() => read(province)).toContain('省级平台')
    const version = own.find((i) => i.code === '000107002000')!.version
    await province.getByRole('button', { name: '修改' }).click()
    const editor = page.getByRole('dialog')
    expect(await read(editor)).toContain('该事项由省级平台同步维护，本平台修改会被拒绝。')
    expect(await editor.getByText('改为本平台维护').count()).toBe(0)
    // He may keep only his own department's items: the department list offers no other.
    await editor
      .getByLabel('办理部门')
      .locator('xpath=ancestor::div[contains(@class,"el-select__wrapper")][1]')
      .click()
    const offered = page.locator('.el-select-dropdown:visible').getByRole('option')
    await expect.poll(() => offered.allTextContents()).toEqual(['临汾市人力资源和社会保障局'])
    await offered.first().click()
    await expect.poll(() => page.locator('.el-select-dropdown:visible').count()).toBe(0)
    await editor.getByRole('button', { name: '保存' }).click()
    await expect
      .poll(() => read(editor.locator('[data-test=problem-message]')))
      .toContain('该事项由省级平台维护（事项动态同步），不能在本平台修改或取消')
    expect((await db('service_items').where({ code: '000107002000' }).first('version')).version).toBe(version)
    await expectAccessible(page, "the province item's refusal to a steward")
    await screenshot(page, 'steward-service-item-province')
  })

  it('replays a dead case webhook delivery and retries a failed job once the receiver is back', async () => {
    const hook = await api('POST', '/v1/cases/webhooks', {
      department: 'lf-approval',
      url: `${receiver.url}/cases`,
    })
    expect(hook.statusCode, hook.body).toBe(201)
    const service = await ui.hub.token({ roles: ['service'], department: 'lf-hrss', subject: 'hrss-system' })
    const ingested = await api('POST', '/v1/cases/changes', accepted('LF-W-000901'), service)
    expect(ingested.statusCode, ingested.body).toBe(201)
    // A failed background job: an access webhook delivery job queued by the previous release (its
    // handler still runs such jobs after the upgrade, ADR 0010) fails on every attempt at the 503.
    const put = await api('PUT', '/v1/access-webhooks/lf-approval', {
      url: `${receiver.url}/access`,
      secret: 'a-webhook-secret-of-at-least-32-chars!',
    })
    expect(put.statusCode, put.body).toBe(200)
    const legacy: DeliveryJob = {
      department: 'lf-approval',
      delivery: {
        id: 'access-900001',
        type: 'access.requested',
        at: new Date().toISOString(),
        requestId: '00000000-0000-4000-8000-000000900001',
        status: 'submitted',
        consumerDepartment: 'lf-approval',
        providerDepartment: 'lf-hrss',
        resourceCode: 'LF-HRSS-40901',
        actor: 'approval-consumer',
        note: null,
        details: {},
      },
    }
    await ui.hub.app.jobs.enqueue(WEBHOOK_DELIVERY_JOB, legacy, { jobId: 'legacy-access-900001' })
    const hookId = hook.json().id as string
    await until(async () => {
      const dead = await api('GET', `/v1/cases/webhooks/${hookId}/deliveries?status=dead`)
      return dead.json().items.length === 1
    })
    await until(async () => {
      const jobs = (await api('GET', '/v1/admin/jobs/dead-letters')).json().items as { queue: string }[]
      return jobs.some((j) => j.queue === 'access-webhook-delivery')
    })
    receiver.up = true

    const page = await ui.signedIn('admin')
    await page.getByRole('menuitem', { name: '办件订阅推送' }).click()
    const hookRow = page.locator('.el-table__body .el-table__row', { hasText: `${receiver.url}/cases` })
    await expect.poll(() => read(hookRow)).toContain('临汾市行政审批服务管理局')
    await hookRow.getByRole('button', { name: '投递记录' }).click()
    const delivery = page
      .getByRole('dialog')
      .locator('.el-table__body .el-table__row', { hasText: 'LF-W-000901' })
    await expect.poll(() => read(delivery)).toContain('失败')
    expect(await read(delivery)).toContain('503')
    await expectAccessible(page, 'a dead delivery')
    await screenshot(page, 'admin-webhook-dead')
    await delivery.getByRole('button', { name: '从此处重放' }).click()
    await expect.poll(() => page.locator('.el-message').textContent()).toContain('已重新排队 1 条')
    // The dialog reads the deliveries again when the state filter changes: until it reads 已送达.
    await expect
      .poll(
        async () => {
          await page.keyboard.press('Escape')
          await hookRow.getByRole('button', { name: '投递记录' }).click()
          return read(delivery)
        },
        { timeout: 20_000, interval: 500 },
      )
      .toContain('已送达')
    expect(receiver.received).toContain('/cases')
    await expectAccessible(page, 'a replayed delivery')
    await screenshot(page, 'admin-webhook-replayed')
    await page.keyboard.press('Escape')

    await page.getByRole('menuitem', { name: '失败任务' }).click()
    const job = page.locator('.el-table__body .el-table__row', { hasText: 'access-webhook-delivery' })
    await expect.poll(() => job.count()).toBeGreaterThan(0)
    const failed = await job.count()
    expect(await read(job.first())).toContain('503')
    await expectAccessible(page, 'a failed job')
    await screenshot(page, 'admin-dead-letter')
    await job.first().getByRole('button', { name: '重试' }).click()
    await expect.poll(() => page.locator('.el-message').textContent()).toMatch(/任务 .+ 已重新排队/)
    await expect.poll(() => job.count()).toBe(failed - 1)
    await expect.poll(() => receiver.received.includes('/access'), { timeout: 15_000 }).toBe(true)
    await expectAccessible(page, 'the failed jobs after a retry')
  })
})
