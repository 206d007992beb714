import { describe, expect, it } from 'vitest'
import enrolment from '../../schemas/records/social-insurance-enrolment.json'
import { displayValue, fieldLabel, labelledFields, valueLabel } from './schema-labels.ts'

const yesNo = { yes: '是', no: '否' }

describe('labels from a schema', () => {
  it('reads code labels the way the canonical record schemas write them', () => {
    const status = enrolment.properties.status
    expect(valueLabel(status, 'contributing')).toBe('参保缴费')
    expect(valueLabel(status, 'terminated')).toBe('终止参保')
    expect(valueLabel(status, 'unknown')).toBeNull()
    expect(displayValue(enrolment.properties.insuranceType, 'unemployment', yesNo)).toBe('失业')
  })

  it('prefers oneOf titles and x-enum-labels, and leaves unlabelled values as they are', () => {
    expect(valueLabel({ oneOf: [{ const: '1', title: '正常' }] }, '1')).toBe('正常')
    expect(valueLabel({ enum: ['a'], 'x-enum-labels': { a: '甲' } }, 'a')).toBe('甲')
    expect(displayValue({ type: 'string' }, 'plain', yesNo)).toBe('plain')
    expect(displayValue(undefined, true, yesNo)).toBe('是')
    expect(displayValue(undefined, null, yesNo)).toBe('—')
  })

  it('names fields by title, by a Chinese description, or by the Chinese in brackets', () => {
    expect(fieldLabel({ title: '坐落' })).toBe('坐落')
    expect(fieldLabel({ description: '证书编号, e.g. 晋(2026)临汾市不动产权第0001234号' })).toBe('证书编号')
    expect(fieldLabel({ description: '面积 (m²)' })).toBe('面积 (m²)')
    expect(fieldLabel({ description: '缴至年月 YYYY-MM' })).toBe('缴至年月')
    expect(fieldLabel({ description: 'Date the enrolment began (参保日期).' })).toBe('参保日期')
    expect(fieldLabel({ description: 'No Chinese here.' })).toBeNull()
  })

  it('lays a record out in the schema order, unknown fields last', () => {
    const fields = labelledFields(
      { properties: { b: { title: '乙' }, a: { title: '甲' } } },
      { a: 1, extra: 2, b: 3 },
    )
    expect(fields.map((f) => [f.key, f.label])).toEqual([
      ['b', '乙'],
      ['a', '甲'],
      ['extra', 'extra'],
    ])
    // Stored schemas may come back with their properties reordered: `required` keeps the author's order.
    const stored = { required: ['a', 'b'], properties: { b: { title: '乙' }, a: { title: '甲' } } }
    expect(labelledFields(stored, { b: 1, a: 2 }).map((f) => f.key)).toEqual(['a', 'b'])
  })
})
