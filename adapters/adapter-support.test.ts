import { describe, expect, it } from 'vitest'
import { numericCursor, residentIdOnly, subjectFilter } from './adapter-support.ts'

describe('adapter support', () => {
  it('reads only the numeric cursors an adapter issues', () => {
    expect(numericCursor(null, 1)).toBe(1)
    expect(numericCursor(undefined)).toBe(0)
    expect(numericCursor('42', 1)).toBe(42)
    for (const forged of ['0', '-1', '1e3', ' 7', 'abc'])
      expect(() => numericCursor(forged, 1), forged).toThrow(
        expect.objectContaining({ code: 'invalid-cursor' }),
      )
  })

  it('takes the subject from a filter and refuses filters the system cannot apply', () => {
    expect(subjectFilter({ subjectId: 'X', insuranceType: 'pension' }, 'records', ['insuranceType'])).toEqual(
      {
        subjectId: 'X',
        others: { insuranceType: 'pension' },
      },
    )
    const refused: Record<string, string>[] = [{}, { subjectId: 'X', name: '张三' }]
    for (const filter of refused)
      expect(() => subjectFilter(filter, '人社 contributions')).toThrow(
        expect.objectContaining({ code: 'unsupported-filter' }),
      )
  })

  it('checks a resident ID before any system is asked, and refuses other identifier types', () => {
    expect(() =>
      residentIdOnly({ idType: 'credit-code', idNumber: '91141000MA0K0000X0' }, '公积金 records'),
    ).toThrow(expect.objectContaining({ code: 'subject-type-not-supported' }))
    expect(() => residentIdOnly({ idType: 'resident-id', idNumber: '141002199001011235' }, 'x')).toThrow(
      expect.objectContaining({ code: 'invalid-resident-id' }),
    )
  })
})
