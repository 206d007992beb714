import { describe, expect, it } from 'vitest'
import { checkJsonItems, importProblemPlaces, messageOf, readImportFile } from './service-item-import.ts'

describe('the service item import', () => {
  it('reads CSV as text and JSON as its items', () => {
    expect(readImportFile('items.csv', '\uFEFFcode,name\n1,a')).toEqual({
      kind: 'csv',
      text: 'code,name\n1,a',
    })
    expect(readImportFile('items.json', '{"items": [{"code": "1"}]}')).toEqual({
      kind: 'json',
      items: [{ code: '1' }],
    })
    expect(() => readImportFile('items.json', '{"rows": []}')).toThrow()
  })

  it("groups the API's problems by CSV line and column, in line order, with the message to show", () => {
    const places = importProblemPlaces({
      status: 400,
      code: 'import-invalid',
      errors: [
        { path: '/body/rows/4/certificateTypes/0', message: 'unknown certificate type "X"' },
        { path: '/body/rows/3/type', message: 'must be one of 行政许可、公共服务' },
        { path: '/body/rows/3/oneVisit', message: 'must be true or false (是/否)' },
      ],
    })
    expect(places).toEqual([
      {
        kind: 'line',
        line: 3,
        fields: [
          { column: 'type', key: 'serviceItems.message.oneOf', params: { values: '行政许可、公共服务' } },
          { column: 'oneVisit', key: 'serviceItems.message.boolean', params: {} },
        ],
      },
      {
        kind: 'line',
        line: 4,
        fields: [
          {
            column: 'certificateTypes',
            key: 'serviceItems.message.unknownCertificateType',
            params: { value: 'X' },
          },
        ],
      },
    ])
  })

  it('names the item and material of a JSON import', () => {
    const [place] = importProblemPlaces({
      status: 400,
      code: 'import-invalid',
      errors: [
        { path: '/body/items/1/materials/0/resourceCodes/0', message: 'unknown directory resource "9"' },
      ],
    })
    expect(place).toMatchObject({ kind: 'item', line: 2, fields: [{ column: 'resourceCodes', material: 1 }] })
  })

  it('checks JSON items with the API schema before sending', () => {
    const places = checkJsonItems([{ code: 'A-1', name: '', type: 'public-service' }])
    expect(places[0]?.line).toBe(1)
    expect(places[0]?.fields.map((f) => f.column)).toContain('department')
  })

  it('keeps a message it does not know, in the words the API used', () => {
    expect(messageOf('something new')).toEqual({
      key: 'validation.server',
      params: { message: 'something new' },
    })
  })
})
