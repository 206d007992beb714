import { createServer } from 'node:net'
import { beforeAll, describe, expect, it } from 'vitest'
import { seedDemoData } from '../../demo/demo-seed.ts'
import { KEYCLOAK_CLIENT, KEYCLOAK_HOOK_TIMEOUT_MS, useKeycloak } from '../support/keycloak.ts'
import { expectAccessible, screenshot, useConsole } from './console-harness.ts'

// The console's sign-in through the city's identity provider, in Chromium: the sign-in page offers
// the IdP, Keycloak's own login form takes the demo user's password, and the person lands back in the
// console with their department, name and the menu of their role.
const keycloak = useKeycloak()
const env: Record<string, string> = {}
let port = 0

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port: free } = server.address() as { port: number }
      server.close(() => resolve(free))
    })
  })
}

beforeAll(async () => {
  port = await freePort()
  Object.assign(env, {
    OIDC_ISSUER_URL: keycloak.issuer,
    OIDC_CLIENT_ID: KEYCLOAK_CLIENT.id,
    OIDC_CLIENT_SECRET: KEYCLOAK_CLIENT.secret,
    OIDC_REDIRECT_URL: `http://127.0.0.1:${port}/auth/callback`,
  })
}, KEYCLOAK_HOOK_TIMEOUT_MS)
const ui = useConsole({ env, devSignIn: false, port: () => port })
beforeAll(() => seedDemoData(ui.hub.database.db), 60_000)

describe('console sign-in through Keycloak', () => {
  it('signs a steward in with the identity provider and back into the console', async () => {
    const page = await ui.window()
    await page.goto(`${ui.origin}/console/steward/resources`)
    await expect.poll(() => page.url()).toContain('/console/sign-in')
    await expectAccessible(page, 'the sign-in page in OIDC mode')
    await page.getByRole('button', { name: '通过统一身份认证登录' }).click()
    await page.locator('#username').fill('steward-hrss')
    await page.locator('#password').fill('demo')
    await page.locator('#kc-login').click()
    await expect.poll(() => page.url()).toContain('/console/steward/resources')
    await expect
      .poll(() => page.locator('[data-test=who]').textContent())
      .toContain('临汾市人力资源和社会保障局')
    expect(await page.locator('nav').textContent()).toContain('本部门资源')
    expect(await page.locator('nav').textContent()).not.toContain('资源审核')
    await screenshot(page, 'oidc-signed-in')

    await page.getByRole('button', { name: '退出登录' }).click()
    await expect.poll(() => page.url()).not.toContain('/console/steward')
  })
})
