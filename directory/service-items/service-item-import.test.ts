import { beforeAll, describe, expect, it } from 'vitest'
import { TEST_KEK } from '../../exchange/certificates/certificate-test-support.ts'
import { useTestApp } from '../../test/support/test-app.ts'
import {
  callerHeaders,
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

const importJson = async (items: object[], headers?: Record<string, string>) =>
  hub.app.inject({
    method: 'POST',
    url: '/v1/service-items/import',
    headers: headers ?? (await callerHeaders(hub, ['steward'], 'lf-realestate')),
    payload: { items },
  })

const importCsv = async (csv: string) =>
  hub.app.inject({
    method: 'POST',
    url: '/v1/service-items/import',
    headers: { ...(await callerHeaders(hub, ['admin'])), 'content-type': 'text/csv; charset=utf-8' },
    payload: csv,
  })

const HEADER =
  'code,name,type,department,legalBasis,promisedWorkingDays,oneVisit,materialCode,materialName,materialRequired,paperCopies,certificateTypes,resourceCodes'

describe('bulk import of service items', () => {
  it('creates every JSON item at once, each with its version, event and audit record', async () => {
    const before = await catalogCounts(hub.database.db)
    const res = await importJson([sampleItem('000123011000', typeCode), sampleItem('000123012000', typeCode)])
    expect(res.statusCode).toBe(201)
    expect(res.json()).toEqual({ imported: 2, codes: ['000123011000', '000123012000'] })
    expect(await catalogCounts(hub.database.db)).toEqual({
      service_items: before.service_items + 2,
      service_item_materials: before.service_item_materials + 4,
      service_item_versions: before.service_item_versions + 2,
      outbox: before.outbox + 2,
    })
    const audits = await hub.database
      .db('audit_records')
      .whereIn('resource_id', ['000123011000', '000123012000'])
    expect(audits.map((a) => a.action)).toEqual([
      'directory.service-item.created',
      'directory.service-item.created',
    ])
  })

  it('lists every problem of a JSON batch per row and writes nothing', async () => {
    const before = await catalogCounts(hub.database.db)
    const res = await importJson([
      sampleItem('000123013000', typeCode),
      sampleItem('000123011000', typeCode),
      sampleItem('000123014000', typeCode, {
        materials: [
          { materialCode: 'M01', name: '证明', required: true, certificateTypes: ['91141000MA0000000X999'] },
        ],
      }),
      sampleItem('000123013000', typeCode),
    ])
    expect(res.statusCode).toBe(400)
    expect(res.json().code).toBe('import-invalid')
    expect(
      res
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['/body/items/1/code', '/body/items/2/materials/0/certificateTypes/0', '/body/items/3/code'])
    expect(await catalogCounts(hub.database.db)).toEqual(before)
  })

  it('refuses a steward importing another department’s items (403, audited), writing nothing', async () => {
    const before = await catalogCounts(hub.database.db)
    const res = await importJson(
      [sampleItem('000123015000', typeCode)],
      await callerHeaders(hub, ['steward'], 'lf-hrss', 'hrss-importer'),
    )
    expect(res.statusCode).toBe(403)
    expect(res.json().errors).toEqual([
      { path: '/body/items/0/department', message: 'is not your department' },
    ])
    expect(await catalogCounts(hub.database.db)).toEqual(before)
    const denied = await hub.database.db('audit_records').where({ resource_id: '000123015000' }).first()
    expect(denied).toMatchObject({
      principal: 'hrss-importer',
      outcome: 'denied',
      action: 'directory.service-item.import',
    })
  })

  it('creates items from CSV, one row per material, with Chinese type names', async () => {
    const csv = [
      HEADER,
      `000122020000,住房公积金异地转移接续,公共服务,lf-hfund,《住房公积金管理条例》,5,是,M01,住房公积金缴存证明,是,1,${await demoTypeCode(hub.database.db, 'lf-hfund')},203002/00001`,
      '000122020000,,,,,,,M02,"身份证明, 原件",否,2,,',
      '000140021000,企业注销登记,行政许可,lf-approval,"《中华人民共和国公司法》",3,否,,,,,,',
    ].join('\r\n')
    const res = await importCsv(csv)
    expect(res.statusCode).toBe(201)
    expect(res.json().codes).toEqual(['000122020000', '000140021000'])
    const item = (
      await hub.app.inject({
        method: 'GET',
        url: '/v1/service-items/000122020000',
        headers: await callerHeaders(hub, ['clerk'], 'lf-approval'),
      })
    ).json()
    expect(item).toMatchObject({ type: 'public-service', oneVisit: true, promisedWorkingDays: 5 })
    expect(item.materials).toMatchObject([
      { materialCode: 'M01', required: true, resourceCodes: ['203002/00001'] },
      { materialCode: 'M02', name: '身份证明, 原件', required: false, paperCopies: 2, certificateTypes: [] },
    ])
  })

  it('names the CSV line and column of every problem and writes nothing', async () => {
    const before = await catalogCounts(hub.database.db)
    const csv = [
      HEADER,
      '000122022000,公积金查询,公共服务,lf-hfund,,1,是,M01,缴存证明,是,1,91141000MA0000000X999,',
      '000122022000,另一个名字,,,,,,M02,证明,是,1,,',
      '000122023000,补贴申领,不存在的类型,lf-hfund,,x,是,,,,,,',
      '000122024000,提取,公共服务,lf-nope,,1,否,M01,证明,是,1,,999999/00001',
    ].join('\n')
    const res = await importCsv(csv)
    expect(res.statusCode).toBe(400)
    expect(res.json().code).toBe('import-invalid')
    expect(
      res
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['/body/rows/3/name', '/body/rows/4/promisedWorkingDays', '/body/rows/4/type'])
    expect(await catalogCounts(hub.database.db)).toEqual(before)

    // Once the CSV is well-formed, the references are checked, still per line.
    const references = await importCsv(
      [
        HEADER,
        '000122022000,公积金查询,公共服务,lf-hfund,,1,是,M01,缴存证明,是,1,91141000MA0000000X999,',
        '000122024000,提取,公共服务,lf-nope,,1,否,M01,证明,是,1,,999999/00001',
      ].join('\n'),
    )
    expect(
      references
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['/body/rows/2/certificateTypes/0', '/body/rows/3/department', '/body/rows/3/resourceCodes/0'])
    expect(await catalogCounts(hub.database.db)).toEqual(before)
  })
})
