import { beforeAll, describe, expect, it } from 'vitest'
import {
  countRows,
  seedCertificateWorld,
  TEST_KEK,
  typeCodeOf,
} from '../../exchange/certificates/certificate-test-support.ts'
import { useTestApp } from '../../test/support/test-app.ts'

const hub = useTestApp({ env: { CERT_KEY_ENCRYPTION_KEY: TEST_KEK } })
const ITEM = '000140005000' // 企业设立登记: no demo materials

beforeAll(async () => {
  await seedCertificateWorld(hub.database.db)
})

const as = async (roles: string[], department = 'lf-bigdata') => ({
  authorization: `Bearer ${await hub.token({ roles: roles as never, department })}`,
})

describe('service-item materials', () => {
  it('lets admins define materials with the certificate types that replace them, and lists them', async () => {
    const typeCode = await typeCodeOf(hub.database.db, 'lf-hrss')
    const put = await hub.app.inject({
      method: 'PUT',
      url: `/v1/service-items/${ITEM}/materials/M01`,
      headers: await as(['admin']),
      payload: {
        name: '参保证明',
        required: true,
        certificateTypes: [typeCode],
      },
    })
    expect(put.statusCode).toBe(200)
    const list = await hub.app.inject({
      method: 'GET',
      url: `/v1/service-items/${ITEM}/materials`,
      headers: await as(['clerk'], 'lf-approval'),
    })
    expect(list.json().items).toEqual([
      {
        serviceItemCode: ITEM,
        materialCode: 'M01',
        name: '参保证明',
        required: true,
        paperCopies: 1,
        certificateTypes: [typeCode],
        resourceCodes: [],
      },
    ])
  })

  it('lets the handling department’s steward maintain its items’ materials, each change a new version', async () => {
    const steward = await as(['steward'], 'lf-approval')
    const put = await hub.app.inject({
      method: 'PUT',
      url: `/v1/service-items/${ITEM}/materials/M02`,
      headers: steward,
      payload: { name: '公司章程', required: true, paperCopies: 2 },
    })
    expect(put.statusCode).toBe(200)
    expect(put.json()).toMatchObject({ materialCode: 'M02', paperCopies: 2, certificateTypes: [] })
    const item = await hub.app.inject({ method: 'GET', url: `/v1/service-items/${ITEM}`, headers: steward })
    expect(item.json()).toMatchObject({ version: 3 })
    const removed = await hub.app.inject({
      method: 'DELETE',
      url: `/v1/service-items/${ITEM}/materials/M02`,
      headers: steward,
    })
    expect(removed.statusCode).toBe(204)
  })

  it('refuses other departments’ stewards (audited), unknown certificate types and unknown service items, writing nothing', async () => {
    const before = await countRows(hub.database.db, 'service_item_materials')
    const body = { name: 'x', required: true }
    const put = async (url: string, payload: object, headers: object) =>
      hub.app.inject({ method: 'PUT', url, payload, headers: headers as Record<string, string> })
    const steward = await put(
      `/v1/service-items/${ITEM}/materials/M09`,
      body,
      await as(['steward'], 'lf-hrss'),
    )
    expect(steward.statusCode).toBe(403)
    const denied = await hub.database
      .db('audit_records')
      .where({ resource_type: 'service-item', resource_id: ITEM, outcome: 'denied' })
      .first('action', 'reason')
    expect(denied).toEqual({ action: 'directory.service-item.update', reason: 'not-handling-department' })
    const unknownType = await put(
      `/v1/service-items/${ITEM}/materials/M09`,
      { ...body, certificateTypes: ['91141000MA0000000X999'] },
      await as(['admin']),
    )
    expect(unknownType.statusCode).toBe(400)
    expect(unknownType.json().code).toBe('unknown-certificate-type')
    expect(unknownType.json().errors[0].path).toBe('/body/certificateTypes/0')
    expect((await put('/v1/service-items/nope/materials/M09', body, await as(['admin']))).statusCode).toBe(
      404,
    )
    expect(await countRows(hub.database.db, 'service_item_materials')).toBe(before)
  })

  it('removes a material once', async () => {
    const headers = await as(['admin'])
    const url = `/v1/service-items/${ITEM}/materials/M01`
    expect((await hub.app.inject({ method: 'DELETE', url, headers })).statusCode).toBe(204)
    expect((await hub.app.inject({ method: 'DELETE', url, headers })).statusCode).toBe(404)
  })
})
