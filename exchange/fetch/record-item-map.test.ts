import { describe, expect, it } from 'vitest'
import { loadSchemaFiles } from '../../platform/schemas/schema-catalog.ts'
import { CONVENTIONAL_ITEM_FIELDS, coverage, toItemValues } from './record-item-map.ts'

const fieldsOf = (kind: string): string[] => {
  const schema = loadSchemaFiles().find((f) => f.file === `records/${kind}.json`)?.schema as
    | { properties?: object }
    | undefined
  return Object.keys(schema?.properties ?? {})
}

describe('conventional item map', () => {
  it.each(Object.entries(CONVENTIONAL_ITEM_FIELDS))('%s maps only to fields its schema has', (kind, map) => {
    const fields = fieldsOf(kind)
    expect(fields.length).toBeGreaterThan(0)
    expect(Object.values(map).filter((f) => !fields.includes(f))).toEqual([])
  })

  it('reads a marriage registration of the provincial platform by its item codes', () => {
    const fields = fieldsOf('marriage-registration')
    const items = ['xm', 'gmsfhm', 'poxm', 'djlx', 'djrq', 'djjg', 'zzh']
    expect(coverage(items, 'marriage-registration', fields)).toBe(items.length)
    const data = {
      recordId: 'HY-1',
      subjectId: '141031199901014820',
      subjectName: '王小明',
      spouseName: '李小红',
      registrationType: 'marriage',
      registeredOn: '2020-05-20',
      registrationOffice: '临汾市尧都区民政局',
      certificateNumber: 'J141002-2020-000123',
    }
    expect(toItemValues(data, items, 'marriage-registration', fields)).toEqual({
      xm: '王小明',
      gmsfhm: '141031199901014820',
      poxm: '李小红',
      djlx: 'marriage',
      djrq: '2020-05-20',
      djjg: '临汾市尧都区民政局',
      zzh: 'J141002-2020-000123',
    })
  })
})
