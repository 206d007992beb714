import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ProvinceServiceItem } from '../../adapters/province/province-dialect.ts'
import {
  demoProvinceServiceItems,
  PROVINCE_DEMO_TOKEN,
  startSimulator,
} from '../../adapters/province/province-simulator.ts'
import { TEST_KEK } from '../../exchange/certificates/certificate-test-support.ts'
import { useTestApp } from '../../test/support/test-app.ts'
import {
  callerHeaders,
  catalogAudits,
  catalogCounts,
  demoTypeCode,
  seedCatalogWorld,
} from './service-item-test-support.ts'

// 事项动态同步 against the province simulator: its change log is this array, so a test can publish a change.
const changeLog: ProvinceServiceItem[] = demoProvinceServiceItems()
const province = await startSimulator({ serviceItems: changeLog })
const hub = useTestApp({
  env: { CERT_KEY_ENCRYPTION_KEY: TEST_KEK },
  adapterEnv: () => ({ ADAPTER_PROVINCE_URL: province.url, ADAPTER_PROVINCE_TOKEN: PROVINCE_DEMO_TOKEN }),
})
const FOOD = '000140006000' // 食品经营许可, implemented by lf-approval

beforeAll(async () => {
  await seedCatalogWorld(hub.database.db)
})
afterAll(async () => {
  await province.close()
})

const sync = async (roles = ['admin'], department = 'lf-bigdata') =>
  hub.app.inject({
    method: 'POST',
    url: '/v1/service-items/sync',
    headers: await callerHeaders(hub, roles, department, `sync-${roles[0]}`),
  })
const get = async (code: string) =>
  (
    await hub.app.inject({
      method: 'GET',
      url: `/v1/service-items/${code}`,
      headers: await callerHeaders(hub, ['clerk'], 'lf-approval'),
    })
  ).json()
/** Appends `code`'s latest entry (or, for a new item, `from`'s) with `change` to the province's change log. */
const publish = (code: string, change: Partial<ProvinceServiceItem>, from = code) => {
  const latest = changeLog.findLast((i) => i.基本编码 === from)!
  changeLog.push({ ...latest, ...change })
}
const edit = async (headers: Record<string, string>, extra: object = {}) => {
  const current = await get(FOOD)
  return hub.app.inject({
    method: 'PUT',
    url: `/v1/service-items/${FOOD}`,
    headers,
    payload: {
      name: current.name,
      type: current.type,
      department: current.department,
      legalBasis: current.legalBasis,
      promisedWorkingDays: 1,
      oneVisit: current.oneVisit,
      ...extra,
    },
  })
}

describe('service items kept in step with the provincial platform', () => {
  it('creates the province’s items with origin province, audited as the sync', async () => {
    const res = await sync()
    expect(res.statusCode).toBe(200)
    expect(res.json()).toEqual({
      results: [
        {
          adapter: 'province',
          received: 3,
          created: 3,
          updated: 0,
          unchanged: 0,
          skipped: 0,
          caughtUp: true,
        },
      ],
      failures: [],
    })
    expect(await get(FOOD)).toMatchObject({
      name: '食品经营许可',
      type: 'administrative-licensing',
      department: 'lf-approval',
      origin: 'province',
      version: 1,
      promisedWorkingDays: 10,
      materials: [{ materialCode: 'M01' }, { materialCode: 'M02', name: '营业执照' }],
    })
    expect(await catalogAudits(hub.database.db, FOOD)).toEqual([
      {
        action: 'directory.service-item.created',
        principal: 'province-sync',
        outcome: 'allowed',
        reason: null,
      },
    ])
    expect((await sync()).json().results[0]).toMatchObject({ received: 0, created: 0, caughtUp: true })
  })

  it('is for admins only; a refused run is audited', async () => {
    const res = await sync(['steward'], 'lf-approval')
    expect(res.statusCode).toBe(403)
    const denied = await hub.database.db('audit_records').where({ principal: 'sync-steward' }).first()
    expect(denied).toMatchObject({ action: 'directory.service-item.sync', outcome: 'denied' })
  })

  it('refuses a local edit of a synced item with a stable code, writing nothing', async () => {
    const before = await catalogCounts(hub.database.db)
    const res = await edit(await callerHeaders(hub, ['steward'], 'lf-approval'))
    expect(res.statusCode).toBe(409)
    expect(res.json().code).toBe('service-item-maintained-by-province')
    expect(res.json().detail).toMatch(/provincial platform/)
    const material = await hub.app.inject({
      method: 'PUT',
      url: `/v1/service-items/${FOOD}/materials/M02`,
      headers: await callerHeaders(hub, ['steward'], 'lf-approval'),
      payload: { name: '营业执照（副本）', required: true },
    })
    expect(material.json().code).toBe('service-item-maintained-by-province')
    expect(await catalogCounts(hub.database.db)).toEqual(before)
  })

  it('lets the city map a synced material to what replaces its paper, and keeps that through province changes', async () => {
    const typeCode = await demoTypeCode(hub.database.db, 'lf-realestate')
    const mapped = await hub.app.inject({
      method: 'PUT',
      url: `/v1/service-items/${FOOD}/materials/M02`,
      headers: await callerHeaders(hub, ['steward'], 'lf-approval'),
      payload: { name: '营业执照', required: true, certificateTypes: [typeCode] },
    })
    expect(mapped.statusCode).toBe(200)
    expect(await get(FOOD)).toMatchObject({ origin: 'province', version: 2 })

    publish(FOOD, { 承诺办结时限: '5' })
    expect((await sync()).json().results[0]).toMatchObject({ received: 1, updated: 1 })
    const after = await get(FOOD)
    expect(after).toMatchObject({ version: 3, promisedWorkingDays: 5, origin: 'province' })
    expect(after.materials[1]).toMatchObject({ materialCode: 'M02', certificateTypes: [typeCode] })
  })

  it('takes an item over on an admin’s override only; later province changes of it are skipped', async () => {
    const steward = await edit(await callerHeaders(hub, ['steward'], 'lf-approval', 'approval-steward'), {
      overrideProvince: true,
    })
    expect(steward.statusCode).toBe(403)
    expect(steward.json().code).toBe('province-override-admin-only')
    const overridden = await edit(await callerHeaders(hub, ['admin']), { overrideProvince: true })
    expect(overridden.statusCode).toBe(200)
    expect(overridden.json()).toMatchObject({ origin: 'local', version: 4, promisedWorkingDays: 1 })

    publish(FOOD, { 承诺办结时限: '20' })
    expect((await sync()).json().results[0]).toMatchObject({ received: 1, skipped: 1, updated: 0 })
    expect(await get(FOOD)).toMatchObject({ origin: 'local', version: 4, promisedWorkingDays: 1 })
  })

  it('retires what the province cancelled and skips items of implementing bodies the hub does not know', async () => {
    publish('000107003000', { 事项状态: '取消' })
    publish('000199001000', { 基本编码: '000199001000', 实施主体编码: '91141000MA0K0000X1' }, FOOD)
    const before = (await catalogCounts(hub.database.db)).service_items
    expect((await sync()).json().results[0]).toMatchObject({ received: 2, updated: 1, skipped: 1 })
    expect(await get('000107003000')).toMatchObject({ status: 'retired', origin: 'province' })
    expect((await catalogCounts(hub.database.db)).service_items).toBe(before)
  })
})
