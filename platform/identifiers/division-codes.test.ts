import { describe, expect, it } from 'vitest'
import table from './division-codes.json' with { type: 'json' }
import { childDivisions, isKnownDivision, lookupDivision } from './division-codes.ts'

// Exactly the Linfen table of standards.md §5.3.
const LINFEN_COUNTIES: Record<string, string> = {
  '141002': '尧都区',
  '141021': '曲沃县',
  '141022': '翼城县',
  '141023': '襄汾县',
  '141024': '洪洞县',
  '141025': '古县',
  '141026': '安泽县',
  '141027': '浮山县',
  '141028': '吉县',
  '141029': '乡宁县',
  '141030': '大宁县',
  '141031': '隰县',
  '141032': '永和县',
  '141033': '蒲县',
  '141034': '汾西县',
  '141081': '侯马市',
  '141082': '霍州市',
}

const SHANXI_CITIES: Record<string, string> = {
  '140100': '太原市',
  '140200': '大同市',
  '140300': '阳泉市',
  '140400': '长治市',
  '140500': '晋城市',
  '140600': '朔州市',
  '140700': '晋中市',
  '140800': '运城市',
  '140900': '忻州市',
  '141000': '临汾市',
  '141100': '吕梁市',
}

describe('lookupDivision', () => {
  it('knows the province', () => {
    expect(lookupDivision('140000')).toEqual({
      code: '140000',
      name: '山西省',
      level: 'province',
      parent: null,
    })
  })

  it('knows Linfen as a prefecture-level city of Shanxi', () => {
    expect(lookupDivision('141000')).toEqual({
      code: '141000',
      name: '临汾市',
      level: 'city',
      parent: '140000',
    })
  })

  it('knows 尧都区 as a county-level unit of Linfen', () => {
    expect(lookupDivision('141002')).toEqual({
      code: '141002',
      name: '尧都区',
      level: 'county',
      parent: '141000',
    })
  })

  it('lists exactly the 17 county-level units of Linfen', () => {
    const counties = childDivisions('141000')
    expect(Object.fromEntries(counties.map((d) => [d.code, d.name]))).toEqual(LINFEN_COUNTIES)
    expect(counties.every((d) => d.level === 'county')).toBe(true)
  })

  it('lists exactly the 11 prefecture-level cities of Shanxi', () => {
    const cities = childDivisions('140000')
    expect(Object.fromEntries(cities.map((d) => [d.code, d.name]))).toEqual(SHANXI_CITIES)
    expect(cities.every((d) => d.level === 'city')).toBe(true)
  })

  it('has a known parent for every non-province entry and no duplicate codes', () => {
    const codes = table.divisions.map((d) => d.code)
    expect(new Set(codes).size).toBe(codes.length)
    for (const code of codes) {
      const division = lookupDivision(code)!
      if (division.level !== 'province') expect(isKnownDivision(division.parent!), code).toBe(true)
    }
  })

  it('accepts a 12-digit statistical code of a county', () => {
    expect(lookupDivision('141002000000')).toMatchObject({ code: '141002', name: '尧都区' })
    expect(lookupDivision('141002100000')).toBeUndefined() // a township, not in the table
  })

  it.each([
    '141083', // 其它区 placeholder found in some datasets, not a GB/T 2260 code
    '141099',
    '110105',
    '14100',
    '1410000',
    'abcdef',
    '',
  ])('does not know %j', (code) => {
    expect(lookupDivision(code)).toBeUndefined()
    expect(isKnownDivision(code)).toBe(false)
  })
})
