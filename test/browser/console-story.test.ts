import { beforeAll, describe, expect, it } from 'vitest'
import { demoWorld } from '../../adapters/simulator-kit/demo-population.ts'
import { seedDemoData } from '../../demo/demo-seed.ts'
import { seedDemoResources } from '../../directory/resources/resource-demo-seed.ts'
import { choose, expectAccessible, pick, screenshot, tick, useConsole } from './console-harness.ts'

// The catalog and access flows of the console, in Chromium against the real hub, per role and in
// Chinese: the 人社局 steward registers 参保登记信息 and says the hrss system serves it live, the
// 大数据办 reviewer returns it once and then publishes it, the 公积金中心 requests it, the steward
// approves fewer items with masking and a rate limit, the consumer fetches masked values, the
// steward revokes the grant and the consumer's next fetch is refused — all read off the screen.
const ui = useConsole({ simulators: true })
const person = demoWorld().people.find((p) => p.employer !== null)!
const NAME = '参保登记信息'

beforeAll(async () => {
  await seedDemoData(ui.hub.database.db)
  await seedDemoResources(ui.hub.database.db)
}, 60_000)

const row = (page: import('playwright-core').Page, text: string) =>
  page.locator('.el-table__body-wrapper .el-table__row', { hasText: text })

describe('the console, role by role', () => {
  it('signs in with one click from the list of demo people', async () => {
    const page = await ui.window()
    await page.goto(`${ui.origin}/console/`)
    await expect.poll(() => page.url()).toContain('/console/sign-in')
    await expect.poll(() => page.locator('h1').textContent()).toBe('数据共享工作台')
    const people = await page.locator('.el-table__row').allTextContents()
    expect(people.join('\n')).toContain('人社局数据管理员')
    expect(people.join('\n')).toContain('临汾市住房公积金管理中心')
    expect(people.join('\n')).toContain('审核员')
    await expectAccessible(page, 'the sign-in page')
    await screenshot(page, 'sign-in')
  })

  it('finds resources with Chinese keywords and facets, and switches language', async () => {
    const page = await ui.signedIn('consumer')
    await expect
      .poll(() => page.locator('[data-test=who]').textContent())
      .toContain('临汾市住房公积金管理中心')
    // A consumer is offered what consumers do, and nothing of stewards or reviewers.
    const menu = await page.locator('nav').textContent()
    expect(menu).toContain('我的申请')
    expect(menu).not.toContain('资源审核')
    expect(menu).not.toContain('待审批申请')

    await page.getByLabel('关键词').fill('公积金')
    await page.getByRole('button', { name: '查询', exact: true }).click()
    await expect
      .poll(() => page.locator('[data-test=result-count]').textContent())
      .toMatch(/共找到 [1-9]\d* 条资源/)
    expect(await row(page, '住房公积金缴存信息').count()).toBe(1)
    expect(await page.locator('.facets').textContent()).toContain('有条件共享')
    await expectAccessible(page, 'the catalog')
    await screenshot(page, 'catalog')

    // The header offers the other language, named in itself.
    await page.getByRole('button', { name: '界面语言：切换为 English' }).click()
    await expect.poll(() => page.locator('nav').textContent()).toContain('My requests')
    await page.getByRole('button', { name: 'Language: switch to 中文' }).click()
    await expect.poll(() => page.locator('nav').textContent()).toContain('我的申请')
  })

  it('works from the keyboard, shows a request timeline, withdraws, and sends an expired session to sign-in', async () => {
    const consumer = await ui.window()
    await consumer.goto(`${ui.origin}/console/sign-in`)
    await consumer.getByRole('button', { name: '以公积金中心数据使用员的身份登录' }).focus()
    await consumer.keyboard.press('Enter')
    await expect
      .poll(() => consumer.locator('[data-test=who]').textContent())
      .toContain('公积金中心数据使用员')

    // Search by typing and pressing Enter, open the resource with the keyboard.
    await consumer.getByLabel('关键词').focus()
    await consumer.keyboard.type('参保缴费')
    await consumer.keyboard.press('Enter')
    await expect
      .poll(() => consumer.locator('[data-test=result-count]').textContent())
      .toBe('共找到 1 条资源')
    await row(consumer, '参保缴费记录').getByRole('link', { name: '参保缴费记录' }).focus()
    await consumer.keyboard.press('Enter')
    await consumer.getByRole('button', { name: '申请使用' }).click()
    await tick(consumer.locator('.el-dialog').getByRole('checkbox', { name: '缴费状态' }))
    await consumer.getByLabel('用途说明').fill('核验缴存职工的参保缴费情况')
    await consumer.getByLabel('依据').fill('《住房公积金管理条例》')
    await consumer.getByRole('button', { name: '提交', exact: true }).click()
    await expect.poll(() => row(consumer, '203001/00001').textContent()).toContain('待审批')

    await row(consumer, '203001/00001').getByRole('button', { name: '办理过程' }).click()
    await expect.poll(() => consumer.locator('.el-drawer').textContent()).toContain('提交申请')
    await expectAccessible(consumer, 'the request timeline')
    await consumer.keyboard.press('Escape')
    await row(consumer, '203001/00001').getByRole('button', { name: '撤回' }).click()
    await consumer.getByRole('button', { name: '确定' }).click()
    await expect.poll(() => row(consumer, '203001/00001').textContent()).toContain('已撤回')

    // The session ends (here: the cookie is gone); the next call lands on the sign-in page, saying why.
    await consumer.context().clearCookies()
    await consumer.getByRole('menuitem', { name: '已获授权' }).click()
    await expect.poll(() => consumer.url()).toContain('/console/sign-in')
    await expect.poll(() => consumer.locator('.el-alert').first().textContent()).toContain('登录已过期')
  })

  it('imports resources from a file, naming each failing row before anything is written', async () => {
    const steward = await ui.signedIn('steward')
    await steward.getByRole('menuitem', { name: '本部门资源' }).click()
    await steward.getByRole('button', { name: '从文件导入' }).click()
    const item = {
      name: '姓名',
      code: 'xm',
      dataType: 'C',
      length: 50,
      personal: true,
      sensitivity: 2,
      shareType: 'conditional',
      shareCondition: '依申请人授权',
      open: false,
    }
    const draft = (seq: string, name: string) => ({
      code: { lei: '3', xiang: '14', mu: '001', seq },
      name,
      summary: `${name}（批量导入）`,
      provider: 'lf-hrss',
      format: { category: 'spreadsheet', type: 'xlsx' },
      items: [item],
      shareType: 'conditional',
      shareCondition: '用于就业服务事项办理',
      shareMethods: ['file'],
      open: false,
      updateCycle: 'monthly',
    })
    const file = (resources: object[]) => ({
      name: 'resources.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify({ resources })),
    })
    // Row 2 has no name and an unknown update cycle: the schema names both before anything is sent.
    await steward
      .locator('input[type=file]')
      .setInputFiles(file([draft('1', '就业登记信息'), { ...draft('2', ''), updateCycle: 'sometimes' }]))
    const problems = steward.locator('[data-test=import-problems]')
    await expect.poll(() => problems.textContent()).toContain('第 2 条')
    // The picker reads Chinese (Element Plus's upload area, not the browser's own button) and names the file.
    const dialog = steward.locator('.el-dialog:visible')
    expect(await dialog.textContent()).toContain('将 JSON 文件拖到此处，或选择文件')
    expect(await dialog.locator('[data-test=import-chosen]').textContent()).toBe('已选择：resources.json')
    expect(await problems.textContent()).toContain('资源名称：必填')
    expect(await problems.textContent()).toContain('更新周期：请选择列表中的值')
    expect(await problems.textContent()).not.toContain('第 1 条')
    await expectAccessible(steward, 'the import dialog with row problems')
    await screenshot(steward, 'import-rows')

    // Row 2 repeats row 1's code: only the API knows, and it names the row.
    await steward
      .locator('input[type=file]')
      .setInputFiles(file([draft('1', '就业登记信息'), draft('1', '失业登记信息')]))
    await steward.locator('.el-dialog:visible').getByRole('button', { name: '从文件导入' }).click()
    await expect.poll(() => problems.textContent()).toContain('第 2 条')
    expect(await problems.textContent()).toContain('资源代码')

    await steward
      .locator('input[type=file]')
      .setInputFiles(file([draft('1', '就业登记信息'), draft('2', '失业登记信息')]))
    await steward.locator('.el-dialog:visible').getByRole('button', { name: '从文件导入' }).click()
    await expect.poll(() => row(steward, '失业登记信息').textContent()).toContain('草稿')
    expect(await row(steward, '就业登记信息').textContent()).toContain('314001/1')
  })

  it('runs register → review → publish → request → decide → fetch → revoke in Chinese', async () => {
    // 1. The steward registers a resource; the form checks as they type, the API refuses what only it knows.
    const steward = await ui.signedIn('steward')
    await steward.getByRole('menuitem', { name: '本部门资源' }).click()
    await steward.getByRole('button', { name: '登记资源' }).click()
    await steward.getByLabel('资源名称').fill('')
    await steward.getByRole('button', { name: '保存草稿' }).click()
    await expect.poll(() => steward.locator('.el-form-item.is-error').count()).toBeGreaterThan(2)
    expect(
      await steward
        .locator('.el-form-item', { hasText: '资源名称' })
        .locator('.el-form-item__error')
        .textContent(),
    ).toContain('必填')

    for (const [label, value] of [
      ['项', '03'],
      ['目', '001'],
      ['顺序码', '00077'],
    ] as const) {
      await steward.getByRole('textbox', { name: label, exact: true }).fill(value)
    }
    await steward.getByRole('textbox', { name: '类', exact: true }).fill('2')
    await steward.getByLabel('资源名称').fill(NAME)
    await steward.getByLabel('资源摘要').fill('职工参加基本养老、医疗、失业、工伤、生育保险的登记信息')
    await steward.getByLabel('格式类型').fill('postgresql')
    const items: [string, string, boolean][] = [
      ['姓名', 'xm', true],
      ['公民身份号码', 'gmsfhm', true],
      ['参保单位名称', 'dwmc', false],
      ['险种类型', 'xzlx', false],
      ['参保状态', 'cbzt', false],
    ]
    for (let i = 0; i < items.length; i++) {
      if (i > 0) await steward.getByRole('button', { name: '添加信息项' }).click()
      const [name, code, personal] = items[i]!
      await steward.getByRole('textbox', { name: `第 ${i + 1} 行 信息项名称` }).fill(name)
      await steward.getByRole('textbox', { name: `第 ${i + 1} 行 信息项代码` }).fill(code)
      await steward.getByRole('textbox', { name: `第 ${i + 1} 行 共享条件` }).fill('依申请人授权')
      if (personal) await tick(steward.getByRole('checkbox', { name: `第 ${i + 1} 行 个人信息` }))
    }
    // Reorder and remove: an extra row goes up one and is removed again.
    await steward.getByRole('button', { name: '添加信息项' }).click()
    await steward.getByRole('textbox', { name: '第 6 行 信息项名称' }).fill('临时')
    await steward.getByRole('button', { name: '第 6 行 上移' }).click()
    expect(await steward.getByRole('textbox', { name: '第 5 行 信息项名称' }).inputValue()).toBe('临时')
    await steward.getByRole('button', { name: '第 5 行 删除' }).click()
    expect(await steward.locator('[data-test=item-editor] .el-table__row').count()).toBe(5)
    expect(await steward.getByRole('textbox', { name: '第 5 行 信息项名称' }).inputValue()).toBe('参保状态')

    // No share condition for a conditional resource: the schema allows it, the cataloguing rules do not.
    await steward.getByRole('button', { name: '保存草稿' }).click()
    await expect
      .poll(() => steward.locator('[data-test=problem-message]').textContent())
      .toBe('有条件共享的资源和信息项必须填写共享条件。')
    expect(
      await steward.locator('.el-form-item', { hasText: '共享条件' }).first().getAttribute('class'),
    ).toContain('is-error')
    await expectAccessible(steward, 'the resource editor with a refusal')
    await screenshot(steward, 'editor-refused')

    await steward.getByLabel('共享条件').first().fill('用于住房公积金、社会救助等事项办理，须经人社局审核')
    await steward.getByRole('button', { name: '保存草稿' }).click()
    await expect.poll(() => row(steward, NAME).textContent()).toContain('草稿')

    // How it is served: live from the 人社 system.
    await row(steward, NAME).getByRole('button', { name: '服务方式' }).click()
    await steward.getByLabel('适配器').fill('hrss')
    await steward.getByLabel('记录类型').fill('social-insurance-enrolment')
    await steward.getByRole('button', { name: '保存', exact: true }).click()
    await expect.poll(() => steward.locator('.el-message', { hasText: '已保存' }).count()).toBe(1)
    await expectAccessible(steward, 'the steward resource list')
    await row(steward, NAME).getByRole('button', { name: '提交审核' }).click()
    await expect.poll(() => row(steward, NAME).textContent()).toContain('待审核')
    await screenshot(steward, 'steward-resources')

    // 2. The reviewer returns it with a comment, the steward sees the comment and submits again.
    const reviewer = await ui.signedIn('reviewer')
    await reviewer.getByRole('menuitem', { name: '资源审核' }).click()
    await row(reviewer, NAME).getByRole('button', { name: '审核' }).click()
    await expect.poll(() => reviewer.locator('.el-dialog').textContent()).toContain('首个版本')
    await reviewer.getByRole('button', { name: '退回修改' }).click()
    expect(await reviewer.locator('.el-dialog .el-form-item__error').textContent()).toContain('必填')
    await expectAccessible(reviewer, 'the review dialog')
    await screenshot(reviewer, 'review')
    await reviewer.getByLabel('退回意见').fill('请补充更新周期为每日')
    await reviewer.getByRole('button', { name: '退回修改' }).click()
    await expect.poll(() => row(reviewer, NAME).count()).toBe(0)

    await steward.reload()
    await row(steward, NAME).getByRole('button', { name: '编辑' }).click()
    await expect
      .poll(() => steward.locator('[data-test=review-comment]').textContent())
      .toContain('请补充更新周期为每日')
    await choose(steward, '更新周期', '每日')
    await steward.getByRole('button', { name: '保存并提交审核' }).click()
    await expect.poll(() => row(steward, NAME).textContent()).toContain('待审核')

    await reviewer.reload()
    await row(reviewer, NAME).getByRole('button', { name: '审核' }).click()
    await reviewer.getByRole('button', { name: '审核通过并发布' }).click()
    await expect.poll(() => row(reviewer, NAME).count()).toBe(0)

    // 3. The consumer finds it and requests fewer items than it has.
    const consumer = await ui.signedIn('consumer')
    await consumer.getByLabel('关键词').fill('参保登记')
    await consumer.getByRole('button', { name: '查询', exact: true }).click()
    await row(consumer, NAME).getByRole('link', { name: NAME }).click()
    await expect.poll(() => consumer.locator('[data-test=items]').textContent()).toContain('公民身份号码')
    expect(await consumer.locator('.el-descriptions').first().textContent()).toContain('203001/00077')
    expect(await consumer.locator('.el-descriptions').first().textContent()).toContain('每日')
    await expectAccessible(consumer, 'the resource page')
    await screenshot(consumer, 'resource')
    await consumer.getByRole('button', { name: '申请使用' }).click()
    for (const item of ['姓名', '公民身份号码', '参保单位名称', '参保状态']) {
      await tick(consumer.locator('.el-dialog').getByRole('checkbox', { name: item }))
    }
    await consumer.getByLabel('用途说明').fill('办理住房公积金提取时核验参保状态')
    await consumer.getByLabel('依据').fill('《住房公积金管理条例》第二十四条')
    await expectAccessible(consumer, 'the access request dialog')
    await screenshot(consumer, 'request')
    await consumer.getByRole('button', { name: '提交', exact: true }).click()
    await expect.poll(() => consumer.url()).toContain('/requests/mine')
    await expect.poll(() => row(consumer, '203001/00077').textContent()).toContain('待审批')
    expect(await row(consumer, '203001/00077').textContent()).toMatch(/剩余 \d+ 天/)
    await expectAccessible(consumer, 'my requests')
    await screenshot(consumer, 'my-requests')

    // 4. The provider's steward decides: a refusal needs a reason; approve fewer items, masked, limited.
    await steward.getByRole('menuitem', { name: '待审批申请' }).click()
    const stale = await ui.signedIn('steward')
    await stale.getByRole('menuitem', { name: '待审批申请' }).click()
    await expect.poll(() => row(stale, '203001/00077').count()).toBe(1)

    await expect.poll(() => row(steward, '203001/00077').textContent()).toContain('临汾市住房公积金管理中心')
    await row(steward, '203001/00077').getByRole('button', { name: '审批' }).click()
    await tick(steward.getByRole('radio', { name: '不同意' }))
    await steward.getByRole('button', { name: '提交', exact: true }).click()
    expect(
      await steward
        .locator('.el-dialog .el-form-item', { hasText: '理由' })
        .locator('.el-form-item__error')
        .textContent(),
    ).toContain('必填')
    await tick(steward.getByRole('radio', { name: '同意', exact: true }))
    await tick(steward.locator('.el-dialog').getByRole('checkbox', { name: '参保单位名称' }), false)
    await pick(steward, steward.getByRole('combobox', { name: '姓名 脱敏方式' }), '姓名脱敏')
    await pick(steward, steward.getByRole('combobox', { name: '公民身份号码 脱敏方式' }), '身份证号脱敏')
    await steward.getByLabel('每分钟调用上限').fill('60')
    await steward.getByLabel('理由').fill('参保单位不属于核验所需')
    await expectAccessible(steward, 'the decision dialog')
    await screenshot(steward, 'decide')
    await steward.getByRole('button', { name: '提交', exact: true }).click()
    await expect.poll(() => row(steward, '203001/00077').count()).toBe(0)

    // Someone else decided first: the stale page says so in words and offers a reload.
    await row(stale, '203001/00077').getByRole('button', { name: '审批' }).click()
    await stale.getByRole('button', { name: '提交', exact: true }).click()
    await expect
      .poll(() => stale.locator('.el-dialog [data-test=problem-message]').textContent())
      .toContain('已被他人处理')
    await screenshot(stale, 'decided-elsewhere')
    await stale.getByRole('button', { name: '刷新后重试' }).click()
    await expect.poll(() => row(stale, '203001/00077').count()).toBe(0)

    // 5. The consumer holds the grant with its limits and fetches masked values, the subject only in the form.
    await consumer.getByRole('menuitem', { name: '已获授权' }).click()
    await expect.poll(() => row(consumer, '203001/00077').textContent()).toContain('每分钟 60 次')
    expect(await row(consumer, '203001/00077').textContent()).toContain('有效')
    expect(await row(consumer, '203001/00077').textContent()).toContain('姓名：姓名脱敏')
    await expectAccessible(consumer, 'grants held')
    await screenshot(consumer, 'grants-held')
    await consumer.getByRole('menuitem', { name: '数据调用' }).click()
    await choose(consumer, '资源代码', '203001/00077')
    await consumer.getByLabel('证件号码').fill(person.residentId)
    await consumer.getByLabel('用途说明').fill('核验参保状态')
    await consumer.getByLabel('办件编号').fill('LF-2026-000123')
    await consumer.getByRole('button', { name: '调用', exact: true }).click()
    const result = consumer.locator('[data-test=fetch-result]')
    await expect.poll(() => result.textContent()).toContain('部门系统实时查询')
    const text = (await result.textContent())!
    expect(text).toContain('参保状态')
    // Code values read as the record kind's schema labels them (schemas/records), not as raw codes.
    expect(text).toContain('参保缴费')
    expect(text).not.toContain('contributing')
    expect(text).not.toContain('参保单位名称')
    expect(text).not.toContain(person.residentId)
    expect(text).not.toContain(person.name)
    expect(text).toContain(`${person.residentId.slice(0, 6)}`)
    expect(consumer.url()).not.toContain(person.residentId)
    await expectAccessible(consumer, 'the fetch page')
    await screenshot(consumer, 'fetch')

    // 6. The steward revokes with a reason; the consumer's next fetch is refused in Chinese.
    await steward.getByRole('menuitem', { name: '已授权记录' }).click()
    await row(steward, '203001/00077').getByRole('button', { name: '撤销' }).click()
    await steward.locator('.el-dialog:visible').getByRole('button', { name: '撤销' }).click()
    expect(await steward.locator('.el-dialog:visible .el-form-item__error').textContent()).toContain('必填')
    await steward.locator('.el-dialog:visible').getByLabel('理由').fill('公积金中心核验事项已调整')
    await steward.locator('.el-dialog:visible').getByRole('button', { name: '撤销' }).click()
    await expect.poll(() => row(steward, '203001/00077').textContent()).toContain('已撤销')
    // The dialog fades out; checked while half transparent, its text would fail the contrast rule.
    await expect.poll(() => steward.locator('.el-dialog:visible').count()).toBe(0)
    await expectAccessible(steward, 'grants given')
    await screenshot(steward, 'grants-given')

    await consumer.getByRole('button', { name: '调用', exact: true }).click()
    await expect
      .poll(() => consumer.locator('[data-test=problem-message]').textContent())
      .toMatch(/授权|无权/)
    await screenshot(consumer, 'fetch-refused')
  })
})
