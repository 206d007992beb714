import { describe, expect, it } from 'vitest'
import { maskMobile, maskName, validateMobile } from './phone.ts'

describe('validateMobile', () => {
  it.each([
    ['13812345678', '13812345678'],
    ['19912345678', '19912345678'],
    ['+8613812345678', '13812345678'],
    ['008613812345678', '13812345678'],
    ['8613812345678', '13812345678'],
    ['+86 138 1234 5678', '13812345678'],
    ['138-1234-5678', '13812345678'],
  ])('accepts %j as %s', (value, normalized) => {
    expect(validateMobile(value)).toEqual({ ok: true, normalized })
  })

  it.each([
    '',
    '1381234567', // 10 digits
    '138123456789', // 12 digits
    '12812345678', // no mobile segment starts 12
    '03512345678', // a landline with area code, e.g. Linfen 0357 numbers
    '23812345678',
    '1381234567a',
    '+8513812345678',
    '86138123456', // 86 is only a prefix when 11 digits follow
  ])('rejects %j', (value) => {
    expect(validateMobile(value)).toEqual({ ok: false, reason: 'bad-format' })
  })
})

describe('maskMobile', () => {
  it('keeps the first 3 and last 4 digits', () => {
    expect(maskMobile('13812345678')).toBe('138****5678')
    expect(maskMobile('+86 138-1234-5678')).toBe('138****5678')
  })

  it('masks anything that is not a mobile number completely', () => {
    expect(maskMobile('0357-1234567')).toBe('************')
    expect(maskMobile('')).toBe('')
  })
})

describe('maskName', () => {
  it.each([
    ['张三', '张*'],
    ['张三丰', '张*'],
    ['王小明明', '王*'],
    ['欧阳娜娜', '欧阳*'],
    ['欧阳修', '欧阳*'],
    ['司马光', '司马*'],
    ['诸葛亮', '诸葛*'],
    ['上官婉儿', '上官*'],
    ['欧阳', '欧*'], // two characters: surname 欧, given name 阳
    ['李', '*'],
    ['  赵六 ', '赵*'],
    ['', ''],
    ['𠀾小明', '𠀾*'], // surname outside the BMP stays one character
  ])('masks %j as %j', (value, masked) => {
    expect(maskName(value)).toBe(masked)
  })
})
