import { describe, expect, it } from 'vitest'
import { checkImportRows, importProblemRows, parseImportFile } from './import-rows.ts'

const good = {
  code: { lei: '3', xiang: '14', mu: '001', seq: '7' },
  name: '就业登记信息',
  summary: '就业登记',
  provider: 'lf-hrss',
  format: { category: 'database', type: 'postgresql' },
  items: [
    {
      name: '姓名',
      code: 'xm',
      dataType: 'C',
      length: 50,
      personal: true,
      sensitivity: 2,
      shareType: 'unconditional',
      open: false,
    },
  ],
  shareType: 'unconditional',
  shareMethods: ['api'],
  open: false,
  updateCycle: 'daily',
}

describe('importing resources from a file', () => {
  it('reads both the API body and a bare array', () => {
    expect(parseImportFile(JSON.stringify({ resources: [good] }))).toHaveLength(1)
    expect(parseImportFile(JSON.stringify([good, good]))).toHaveLength(2)
    expect(() => parseImportFile('{"x": 1}')).toThrow()
  })

  it('lists the rows that fail the schema, numbered from 1', () => {
    const rows = checkImportRows([good, { ...good, name: '', updateCycle: 'sometimes' }])
    expect(rows).toEqual([
      {
        row: 2,
        fields: [
          { path: 'name', message: 'validation.required' },
          { path: 'updateCycle', message: 'validation.enum' },
        ],
      },
    ])
  })

  it('groups the API refusal by row', () => {
    const rows = importProblemRows({
      status: 400,
      code: 'validation-failed',
      errors: [
        { path: '/body/resources/3/code', message: '314001/7 already exists' },
        { path: '/body/resources/0/items/0/name', message: 'must NOT have fewer than 1 characters' },
        { path: '/body/resources/3/provider', message: 'not your department' },
      ],
    })
    expect(rows.map((r) => [r.row, r.fields.map((f) => f.path)])).toEqual([
      [1, ['items.0.name']],
      [4, ['code', 'provider']],
    ])
  })
})
