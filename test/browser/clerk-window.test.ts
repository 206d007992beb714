import type { Locator, Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import { DEMO_OPEN_CASES, ensureDemoCaseCertificates, seedDemoOpenCases } from '../../demo/demo-cases.ts'
import { seedDemoCatalog } from '../../demo/demo-catalog.ts'
import {
  DEMO_AMBIGUOUS_CASE,
  DEMO_EXPIRED_CASE,
  seedDemoOutcomeCases,
} from '../../demo/demo-outcome-cases.ts'
import { TEST_KEK } from '../../exchange/certificates/certificate-test-support.ts'
import { expectAccessible, screenshot, useConsole } from './console-harness.ts'

// The clerk's window (窗口受理) in Chromium against the real hub, as the 行政审批局 clerk works it from
// the keyboard: a case number and Enter open the case with its materials, Enter fetches the first
// certificate, which is shown verified (issuer, masked holder, status, signature, labelled face data);
// the print view carries the usage statement; the running counts go up; a revoked certificate and an
// unknown case are explained in Chinese with what to do next, and the material's row then reads paper
// needed (the hub records it, so it still does when the case is opened again).
// Issuers' signing keys are sealed with a key-encryption key: a fixed test one.
const ui = useConsole({ env: { CERT_KEY_ENCRYPTION_KEY: TEST_KEK } })
const FUND_CASE = DEMO_OPEN_CASES.find((c) => c.caseNumber === 'LF-ZH-2026-000105')!
const PROPERTY_CASE = DEMO_OPEN_CASES.find((c) => c.caseNumber === 'LF-ZH-2026-000104')!

beforeAll(async () => {
  const { db } = ui.hub.database
  await seedDemoCatalog(db)
  await ensureDemoCaseCertificates(db)
  await seedDemoOpenCases(db, ui.hub.app.config.calendar)
  expect(await seedDemoOutcomeCases(db, ui.hub.app.config.calendar)).toBe(2)
}, 60_000)

/** What a person reads in an element, white space as one space. */
const read = async (locator: Locator) => ((await locator.textContent()) ?? '').replace(/\s+/g, ' ').trim()
const text = (page: Page, test: string) => read(page.locator(`[data-test=${test}]`))
const departmentCount = async (page: Page) =>
  Number(/共免提交材料 (\d+) 件/.exec(await text(page, 'count-department'))?.[1])

describe("the clerk's window", () => {
  it('finds a case by number, fetches and shows a verified certificate, prints it, and counts it', async () => {
    const page = await ui.signedIn('clerk')
    await page.locator('nav').getByText('窗口受理', { exact: true }).last().click()
    await expect.poll(() => page.url()).toContain('/console/clerk')
    // The search box has the focus: the clerk just types.
    await expect
      .poll(() => page.evaluate("document.activeElement?.closest('[data-test=clerk-search]') !== null"))
      .toBe(true)
    expect(await text(page, 'shortcuts')).toContain('Alt+1…9')
    await expect.poll(() => departmentCount(page)).toBeGreaterThanOrEqual(0)
    const before = await departmentCount(page)
    await expectAccessible(page, 'the empty window')
    await screenshot(page, 'clerk-window')

    await page.keyboard.type(FUND_CASE.caseNumber)
    await page.keyboard.press('Enter')
    const materials = page.locator('[data-test=clerk-materials] .el-table__body .el-table__row')
    await expect.poll(() => materials.count()).toBe(2)
    expect(await read(materials.nth(0))).toContain('住房公积金缴存证明')
    expect(await read(materials.nth(0))).toContain('可共享获取')
    await expect.poll(() => text(page, 'clerk-case')).toContain('141025********3062')
    expect(await text(page, 'clerk-case')).not.toContain(FUND_CASE.applicant)
    expect(await text(page, 'count-case')).toBe('本件免提交材料 0 / 2 件')

    // The first material's button has the focus: Enter fetches it.
    await page.keyboard.press('Enter')
    const certificate = page.locator('[data-test=clerk-certificate]')
    await certificate.waitFor()
    expect(await text(page, 'certificate-issuer')).toBe('临汾市住房公积金管理中心')
    expect(await text(page, 'certificate-holder')).toMatch(/^.+（141025\*{8}3062）$/)
    expect(await text(page, 'certificate-status')).toBe('有效')
    expect(await text(page, 'certificate-signature')).toContain('签名有效')
    const face = await text(page, 'certificate-face')
    expect(face).toContain('个人公积金账号')
    expect(face).toContain('月缴存额')
    expect(face).not.toContain('accountNumber')
    await expect.poll(() => text(page, 'count-case')).toBe('本件免提交材料 1 / 2 件')
    expect(await read(materials.nth(0))).toContain('已获取')
    await expect.poll(() => departmentCount(page)).toBe(before + 1)
    await expectAccessible(page, 'the window with a verified certificate')
    await screenshot(page, 'clerk-certificate')

    // The clerk's department raises a data objection on it: looked at again, it is shown as disputed.
    const { db } = ui.hub.database
    const fetched = (await db('certificates')
      .where({ holder_id_number: FUND_CASE.applicant, issuer_department: 'lf-hfund' })
      .first('id')) as { id: string }
    const clerk = await ui.hub.token({
      roles: ['clerk'],
      department: 'lf-approval',
      subject: 'demo-clerk-approval',
    })
    const objection = await ui.hub.app.inject({
      method: 'POST',
      url: '/v1/objections',
      headers: { authorization: `Bearer ${clerk}` },
      payload: {
        target: { type: 'certificate', certificateId: fetched.id, caseNumber: FUND_CASE.caseNumber },
        items: ['monthlyAmount'],
        description: '申请人出示的缴存证明月缴存额与证照不符',
      },
    })
    expect(objection.statusCode, objection.body).toBe(201)
    await page.keyboard.press('Alt+Digit1')
    await expect.poll(() => text(page, 'certificate-disputed')).toContain('存在未处理的数据异议')
    await expect.poll(() => read(materials.nth(0))).toContain('存在数据异议')
    expect(await text(page, 'count-case')).toBe('本件免提交材料 1 / 2 件')

    // Alt+P: the printable copy, with the issuing department's usage statement; on paper only the sheet.
    await page.keyboard.press('Alt+KeyP')
    await expect.poll(() => page.url()).toContain('/console/clerk/print')
    expect(await text(page, 'print-statement')).toBe(
      '此件由临汾市住房公积金管理中心提供，仅供办理政务服务事项时使用',
    )
    expect(await text(page, 'print-sheet')).toContain('141025********3062')
    // On paper too, the objection is not hidden.
    expect(await text(page, 'print-disputed')).toContain('存在未处理的数据异议')
    await expectAccessible(page, 'the print view')
    await page.emulateMedia({ media: 'print' })
    expect(await page.locator('nav').isVisible()).toBe(false)
    expect(await page.locator('[data-test=print-statement]').isVisible()).toBe(true)
    await screenshot(page, 'clerk-print')
    await page.emulateMedia({ media: 'screen' })
  })

  it('explains a revoked certificate and an unknown case with what to do next', async () => {
    // The real-estate centre revokes the certificate the property case's applicant holds.
    const { db } = ui.hub.database
    const held = (await db('certificates')
      .where({ holder_id_number: PROPERTY_CASE.applicant, issuer_department: 'lf-realestate' })
      .first('id')) as { id: string }
    const steward = await ui.hub.token({ roles: ['steward'], department: 'lf-realestate' })
    const revoked = await ui.hub.app.inject({
      method: 'POST',
      url: `/v1/certificates/${held.id}/status`,
      headers: { authorization: `Bearer ${steward}` },
      payload: { status: 'revoked', reason: '权属已转移' },
    })
    expect(revoked.statusCode).toBe(200)

    const page = await ui.signedIn('clerk')
    await page.goto(`${ui.origin}/console/clerk`)
    // By the applicant's ID: sent in a POST body, so it never shows in the address.
    const sent: string[] = []
    page.on('request', (r) => sent.push(r.url()))
    await page.getByLabel('办件编号或申请人证件号码').fill(PROPERTY_CASE.applicant)
    await page.keyboard.press('Enter')
    const materials = page.locator('[data-test=clerk-materials] .el-table__body .el-table__row')
    await expect.poll(() => materials.count()).toBe(2)
    expect(sent.some((url) => url.includes(PROPERTY_CASE.applicant))).toBe(false)
    await expect.poll(() => text(page, 'clerk-case')).toContain(PROPERTY_CASE.caseNumber)
    expect(await read(materials.nth(1))).toContain('身份证明')
    expect(await read(materials.nth(1))).toContain('需提交纸质材料')

    await page.keyboard.press('Alt+Digit1')
    await expect
      .poll(() => text(page, 'clerk-outcome'))
      .toContain('不动产权证书：申请人的该类证照已被发证部门撤销')
    expect(await text(page, 'clerk-next-step')).toContain('请申请人联系发证部门')
    expect(await text(page, 'count-case')).toBe('本件免提交材料 0 / 2 件')
    // The row says so too: this time the certificate comes on paper.
    expect(await read(materials.nth(0))).toContain('需提交纸质材料 证照已被撤销')
    expect(await read(materials.nth(0))).not.toContain('可共享获取')
    await expectAccessible(page, 'the window with a revoked certificate')
    await screenshot(page, 'clerk-revoked')

    await page.keyboard.press('/')
    await page.keyboard.press('Control+A')
    await page.keyboard.type('LF-ZH-2026-999999')
    await page.keyboard.press('Enter')
    await expect.poll(() => text(page, 'clerk-outcome')).toContain('未找到该办件')
    expect(await text(page, 'clerk-next-step')).toContain('改用申请人证件号码查询')
    await expectAccessible(page, 'the window with an unknown case')
    await screenshot(page, 'clerk-not-found')
  })

  it('explains an expired certificate, and lets the clerk choose when the applicant holds two', async () => {
    const page = await ui.signedIn('clerk')
    await page.goto(`${ui.origin}/console/clerk`)
    const materials = page.locator('[data-test=clerk-materials] .el-table__body .el-table__row')
    const open = async (caseNumber: string) => {
      await page.getByLabel('办件编号或申请人证件号码').fill(caseNumber)
      await page.keyboard.press('Enter')
      await expect.poll(() => text(page, 'clerk-case')).toContain(caseNumber)
      await expect.poll(() => materials.count()).toBe(2)
    }

    // 郑刚's only 住房公积金缴存证明 ran out in 2024: nothing to show, renew it, paper this time.
    await open(DEMO_EXPIRED_CASE.caseNumber)
    await page.keyboard.press('Alt+Digit1')
    await expect
      .poll(() => text(page, 'clerk-outcome'))
      .toContain('住房公积金缴存证明：申请人的该类证照已过有效期')
    expect(await text(page, 'clerk-next-step')).toBe('请申请人到发证部门换发证照，本次请提交纸质材料。')
    expect(await page.locator('[data-test=clerk-certificate]').count()).toBe(0)
    expect(await text(page, 'count-case')).toBe('本件免提交材料 0 / 2 件')
    expect(await read(materials.nth(0))).toContain('住房公积金缴存证明')
    expect(await read(materials.nth(0))).toContain('需提交纸质材料 证照已过有效期')
    expect(await read(materials.nth(0))).not.toContain('可共享获取')
    await expectAccessible(page, 'the window with an expired certificate')
    await screenshot(page, 'clerk-expired')

    // 何涵超 holds two valid ones: the clerk confirms with him and picks one of the two listed.
    await page.keyboard.press('/')
    await page.keyboard.press('Control+A')
    await open(DEMO_AMBIGUOUS_CASE.caseNumber)
    await page.keyboard.press('Alt+Digit1')
    await expect
      .poll(() => text(page, 'clerk-outcome'))
      .toContain('住房公积金缴存证明：申请人持有多份该类有效证照')
    expect(await text(page, 'clerk-next-step')).toBe('请与申请人确认后，从下列证照中选择一份获取：')
    const choices = page.locator('[data-test=clerk-outcome] .candidates button')
    expect(await choices.count()).toBe(2)
    // Until the clerk picks one, the material reads as paper needed.
    expect(await read(materials.nth(0))).toContain('需提交纸质材料 有多份证照，待选择')
    expect(await read(materials.nth(0))).not.toContain('可共享获取')
    await expectAccessible(page, 'the window with two certificates to choose from')
    await screenshot(page, 'clerk-ambiguous')
    // The newer one (serial DEMOOUT3, paid through 2026-05).
    await choices.filter({ hasText: 'DEMOOUT3' }).click()
    await page.locator('[data-test=clerk-certificate]').waitFor()
    expect(await text(page, 'certificate-status')).toBe('有效')
    expect(await text(page, 'certificate-face')).toContain('2026-05')
    await expect.poll(() => text(page, 'count-case')).toBe('本件免提交材料 1 / 2 件')
    expect(await page.locator('[data-test=clerk-outcome]').count()).toBe(0)
    await expect.poll(() => read(materials.nth(0))).toContain('已获取')
    expect(await read(materials.nth(0))).not.toContain('需提交纸质材料')

    // The hub records both: after a reload, either case opened again reads as before.
    await page.reload()
    await open(DEMO_EXPIRED_CASE.caseNumber)
    expect(await read(materials.nth(0))).toContain('需提交纸质材料 证照已过有效期')
    expect(await read(materials.nth(0))).not.toContain('可共享获取')
    await open(DEMO_AMBIGUOUS_CASE.caseNumber)
    await expect.poll(() => read(materials.nth(0))).toContain('已获取')
    expect(await read(materials.nth(0))).not.toContain('需提交纸质材料')
  })
})
