import { Ajv } from 'ajv'
import { beforeAll, describe, expect, it } from 'vitest'
import { TEST_KEK } from '../../exchange/certificates/certificate-test-support.ts'
import { loadSchemaFiles } from '../../platform/schemas/schema-catalog.ts'
import { useTestApp } from '../../test/support/test-app.ts'
import {
  brokenCreditCode,
  callerHeaders,
  catalogAudits,
  catalogCounts,
  demoTypeCode,
  sampleItem,
  seedCatalogWorld,
} from './service-item-test-support.ts'

const hub = useTestApp({ env: { CERT_KEY_ENCRYPTION_KEY: TEST_KEK } })
let typeCode: string

beforeAll(async () => {
  await seedCatalogWorld(hub.database.db)
  typeCode = await demoTypeCode(hub.database.db, 'lf-realestate')
})

const inject = async (method: 'GET' | 'POST' | 'PUT', url: string, headers: object, payload?: object) =>
  hub.app.inject({ method, url, headers: headers as Record<string, string>, ...(payload ? { payload } : {}) })

describe('the 事项 catalog', () => {
  it('serves the demo items with their materials, including SX-RS-0001 listed by a resource', async () => {
    const clerk = await callerHeaders(hub, ['clerk'], 'lf-approval')
    const res = await inject('GET', '/v1/service-items/SX-RS-0001', clerk)
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({
      code: 'SX-RS-0001',
      department: 'lf-hrss',
      status: 'active',
      origin: 'local',
      version: 1,
      materials: [{ materialCode: 'M01', resourceCodes: ['203001/00001'] }],
    })
    const mortgage = (await inject('GET', '/v1/service-items/000123006000', clerk)).json()
    expect(mortgage.name).toBe('不动产抵押登记')
    expect(mortgage.materials[0]).toMatchObject({ name: '不动产权证书', certificateTypes: [typeCode] })
  })

  it('searches by one- and two-character Chinese keywords, department and type, page by page', async () => {
    const h = await callerHeaders(hub, ['consumer'], 'lf-hfund')
    const one = (await inject('GET', `/v1/service-items?q=${encodeURIComponent('贷')}`, h)).json()
    expect(one.items.map((i: { name: string }) => i.name)).toEqual(['住房公积金贷款申请'])
    const two = (await inject('GET', `/v1/service-items?q=${encodeURIComponent('登记')}&limit=2`, h)).json()
    expect(two.total).toBeGreaterThanOrEqual(3)
    expect(two.items).toHaveLength(2)
    const next = (
      await inject(
        'GET',
        `/v1/service-items?q=${encodeURIComponent('登记')}&limit=2&cursor=${two.nextCursor}`,
        h,
      )
    ).json()
    const seen = [...two.items, ...next.items].map((i: { code: string }) => i.code)
    expect(new Set(seen).size).toBe(seen.length)
    const byDept = (
      await inject('GET', '/v1/service-items?department=lf-hfund&type=public-service', h)
    ).json()
    expect(byDept.items.map((i: { code: string }) => i.code)).toEqual(['000122003000', '000122005000'])
    expect(byDept.items[1]).toMatchObject({ departmentName: '临汾市住房公积金管理中心', materialCount: 3 })
  })

  it('lets the handling department’s steward create an item once per Idempotency-Key, audited and emitted', async () => {
    const steward = {
      ...(await callerHeaders(hub, ['steward'], 'lf-realestate', 'realestate-steward')),
      'idempotency-key': 'svc-create-1',
    }
    const body = sampleItem('000123008000', typeCode)
    const created = await inject('POST', '/v1/service-items', steward, body)
    expect(created.statusCode).toBe(201)
    expect(created.json()).toMatchObject({
      code: '000123008000',
      version: 1,
      status: 'active',
      implementingCreditCode: expect.stringMatching(/^[0-9A-Z]{18}$/),
      divisionCode: '141000',
      materials: [
        { materialCode: 'M01', paperCopies: 1, certificateTypes: [typeCode] },
        { materialCode: 'M02', paperCopies: 2, certificateTypes: [] },
      ],
    })
    const before = await catalogCounts(hub.database.db)
    const again = await inject('POST', '/v1/service-items', steward, body)
    expect(again.statusCode).toBe(201)
    expect(again.headers['idempotent-replayed']).toBe('true')
    expect(await catalogCounts(hub.database.db)).toEqual(before)
    const event = await hub.database
      .db('outbox')
      .where({ key: '000123008000' })
      .first('type', 'topic', 'payload')
    expect(event).toMatchObject({ type: 'service-item.created', topic: 'directory-events' })
    const eventSchema = loadSchemaFiles().find((f) => f.file === 'events/service-item-event.json')!.schema
    const validate = new Ajv().compile(eventSchema)
    expect(validate(event.payload), JSON.stringify(validate.errors)).toBe(true)
    expect(event.payload).toMatchObject({ code: '000123008000', version: 1, actor: 'realestate-steward' })
    expect(await catalogAudits(hub.database.db, '000123008000')).toEqual([
      {
        action: 'directory.service-item.created',
        principal: 'realestate-steward',
        outcome: 'allowed',
        reason: null,
      },
    ])
  })

  it('refuses writes by other departments’ stewards and by other roles, auditing each denial before the 403', async () => {
    const before = await catalogCounts(hub.database.db)
    const other = await callerHeaders(hub, ['steward'], 'lf-hrss', 'hrss-steward')
    const consumer = await callerHeaders(hub, ['consumer'], 'lf-realestate', 'realestate-consumer')
    const create = await inject('POST', '/v1/service-items', other, sampleItem('000123009000', typeCode))
    expect(create.statusCode).toBe(403)
    expect(create.json().code).toBe('not-handling-department')
    const update = await inject('PUT', '/v1/service-items/000123004000', consumer, {
      ...sampleItem('x', typeCode),
      code: undefined,
    })
    expect(update.statusCode).toBe(403)
    expect(update.json().code).toBe('service-item-role-required')
    const retire = await inject('POST', '/v1/service-items/000123004000/retire', other, { reason: '调整' })
    expect(retire.statusCode).toBe(403)
    expect(await catalogCounts(hub.database.db)).toEqual(before)
    expect(await catalogAudits(hub.database.db, '000123009000')).toEqual([
      {
        action: 'directory.service-item.create',
        principal: 'hrss-steward',
        outcome: 'denied',
        reason: 'not-handling-department',
      },
    ])
    expect(await catalogAudits(hub.database.db, '000123004000')).toEqual([
      {
        action: 'directory.service-item.update',
        principal: 'realestate-consumer',
        outcome: 'denied',
        reason: 'service-item-role-required',
      },
      {
        action: 'directory.service-item.retire',
        principal: 'hrss-steward',
        outcome: 'denied',
        reason: 'not-handling-department',
      },
    ])
  })

  it('makes a new version on update and keeps the old one readable', async () => {
    const admin = await callerHeaders(hub, ['admin'])
    const { code: _, ...fields } = sampleItem('000123008000', typeCode)
    const updated = await inject('PUT', '/v1/service-items/000123008000', admin, {
      ...fields,
      promisedWorkingDays: 3,
      materials: [
        { materialCode: 'M01', name: '不动产权证书', required: true, certificateTypes: [typeCode] },
      ],
    })
    expect(updated.statusCode).toBe(200)
    expect(updated.json()).toMatchObject({ version: 2, promisedWorkingDays: 3 })
    expect(updated.json().materials).toHaveLength(1)
    const v1 = (await inject('GET', '/v1/service-items/000123008000/versions/1', admin)).json()
    expect(v1).toMatchObject({ version: 1, promisedWorkingDays: 5 })
    expect(v1.materials).toHaveLength(2)
    expect((await inject('GET', '/v1/service-items/000123008000/versions/9', admin)).json().code).toBe(
      'service-item-version-not-found',
    )
  })

  it('retires an item once; a retired item no longer changes', async () => {
    const admin = await callerHeaders(hub, ['admin'])
    const retired = await inject('POST', '/v1/service-items/000123008000/retire', admin, {
      reason: '并入预告登记',
    })
    expect(retired.json()).toMatchObject({ status: 'retired', statusReason: '并入预告登记', version: 3 })
    const again = await inject('POST', '/v1/service-items/000123008000/retire', admin, { reason: 'x' })
    expect(again.statusCode).toBe(409)
    expect(again.json().code).toBe('service-item-retired')
    const listed = (await inject('GET', '/v1/service-items?status=retired', admin)).json()
    expect(listed.items.map((i: { code: string }) => i.code)).toContain('000123008000')
  })
})

describe('bad catalog changes are a 4xx naming the field, and write nothing', () => {
  const cases: [
    string,
    () => Promise<{ method: 'POST' | 'PUT'; url: string; body: object }>,
    number,
    string,
    string,
  ][] = [
    [
      'a duplicate code',
      async () => ({ method: 'POST', url: '/v1/service-items', body: sampleItem('000123004000', typeCode) }),
      409,
      'service-item-exists',
      '/body/code',
    ],
    [
      'a material mapped to a certificate type that does not exist',
      async () => ({
        method: 'POST',
        url: '/v1/service-items',
        body: sampleItem('000123010000', typeCode, {
          materials: [
            {
              materialCode: 'M01',
              name: '证明',
              required: true,
              certificateTypes: ['91141000MA0000000X999'],
            },
          ],
        }),
      }),
      400,
      'unknown-certificate-type',
      '/body/materials/0/certificateTypes/0',
    ],
    [
      'a material mapped to a resource that does not exist',
      async () => ({
        method: 'POST',
        url: '/v1/service-items',
        body: sampleItem('000123010000', typeCode, {
          materials: [{ materialCode: 'M01', name: '证明', required: true, resourceCodes: ['999999/00001'] }],
        }),
      }),
      400,
      'unknown-resource',
      '/body/materials/0/resourceCodes/0',
    ],
    [
      'an unknown handling department',
      async () => ({
        method: 'POST',
        url: '/v1/service-items',
        body: sampleItem('000123010000', typeCode, { department: 'lf-nope' }),
      }),
      400,
      'unknown-department',
      '/body/department',
    ],
    [
      'a code outside the configured pattern',
      async () => ({ method: 'POST', url: '/v1/service-items', body: sampleItem('12345', typeCode) }),
      400,
      'invalid-service-item-code',
      '/body/code',
    ],
    [
      'an implementing credit code whose check character fails',
      async () => ({
        method: 'POST',
        url: '/v1/service-items',
        body: sampleItem('000123010000', typeCode, {
          implementingCreditCode: await brokenCreditCode(hub.database.db, 'lf-realestate'),
        }),
      }),
      400,
      'invalid-service-item',
      '/body/implementingCreditCode',
    ],
    [
      'a division that GB/T 2260 does not know',
      async () => ({
        method: 'POST',
        url: '/v1/service-items',
        body: sampleItem('000123010000', typeCode, { divisionCode: '149999' }),
      }),
      400,
      'invalid-service-item',
      '/body/divisionCode',
    ],
    [
      'an update of an unknown service item',
      async () => {
        const { code: _, ...fields } = sampleItem('x', typeCode)
        return { method: 'PUT', url: '/v1/service-items/000199999000', body: fields }
      },
      404,
      'service-item-not-found',
      '',
    ],
    [
      'a material of an unknown service item',
      async () => ({
        method: 'PUT',
        url: '/v1/service-items/000199999000/materials/M01',
        body: { name: '证明', required: true },
      }),
      404,
      'service-item-not-found',
      '',
    ],
  ]

  it.each(cases)('%s', async (_name, request, status, code, path) => {
    const admin = await callerHeaders(hub, ['admin'])
    const { method, url, body } = await request()
    const before = await catalogCounts(hub.database.db)
    const res = await inject(method, url, admin, body)
    expect(res.statusCode).toBe(status)
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/)
    expect(res.json().code).toBe(code)
    if (path) expect(res.json().errors.map((e: { path: string }) => e.path)).toContain(path)
    expect(await catalogCounts(hub.database.db)).toEqual(before)
  })

  it('a material that the item does not have cannot be removed', async () => {
    const admin = await callerHeaders(hub, ['admin'])
    const before = await catalogCounts(hub.database.db)
    const res = await hub.app.inject({
      method: 'DELETE',
      url: '/v1/service-items/000123004000/materials/M77',
      headers: admin,
    })
    expect(res.statusCode).toBe(404)
    expect(res.json().code).toBe('material-not-found')
    expect(await catalogCounts(hub.database.db)).toEqual(before)
  })
})
