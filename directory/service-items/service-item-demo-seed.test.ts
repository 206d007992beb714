import { describe, expect, it } from 'vitest'
import { seedDemoData } from '../../demo/demo-seed.ts'
import { seedDemoCertificates } from '../../exchange/certificates/demo-certificates.ts'
import { useTestDatabase } from '../../test/support/test-database.ts'
import { seedDemoResources } from '../resources/resource-demo-seed.ts'
import { DEMO_SERVICE_ITEMS, seedDemoServiceItems } from './service-item-demo-seed.ts'
import { demoTypeCode } from './service-item-test-support.ts'

const t = useTestDatabase()

describe('demo service items', () => {
  it('seeds the Linfen items once, with materials mapped to the demo certificate types and resources', async () => {
    // The order of the start-up seeding: departments, resources, certificate types, then the items.
    await seedDemoData(t.db)
    await seedDemoResources(t.db)
    await seedDemoCertificates(t.db, { holders: 0 })
    await seedDemoServiceItems(t.db)
    await seedDemoServiceItems(t.db)

    const items = await t.db('service_items').orderBy('code').select('code', 'name', 'version', 'status')
    expect(items.map((i) => i.code)).toEqual(DEMO_SERVICE_ITEMS.map((i) => i.code).sort())
    expect(items.every((i) => i.version === 1 && i.status === 'active')).toBe(true)
    expect(items.map((i) => i.name)).toEqual(
      expect.arrayContaining([
        '不动产抵押登记',
        '住房公积金贷款申请',
        '失业保险金申领',
        '商品房预售合同备案',
      ]),
    )
    const loan = await t
      .db('service_item_materials')
      .where({ service_item_code: '000122005000' })
      .orderBy('material_code')
    expect(loan.map((m) => [m.material_code, m.certificate_types, m.resource_codes])).toEqual([
      ['M01', [await demoTypeCode(t.db, 'lf-hfund')], ['203002/00001']],
      ['M02', [await demoTypeCode(t.db, 'lf-housing')], ['209002/00001']],
      ['M03', [], []],
    ])
    const versions = await t.db('service_item_versions').count({ n: '*' }).first()
    expect(Number(versions!.n)).toBe(DEMO_SERVICE_ITEMS.length)
  })
})
