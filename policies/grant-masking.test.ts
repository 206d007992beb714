import { describe, expect, it } from 'vitest'
import { maskRecord } from './grant-masking.ts'

describe('maskRecord', () => {
  it('masks as the grant says and drops items the grant does not permit', () => {
    const record = {
      gmsfhm: '11010519491231002X',
      sjhm: '13812345678',
      xm: '欧阳娜娜',
      jfjs: 5000,
      secret: 'x',
    }
    const masked = maskRecord(record, ['gmsfhm', 'sjhm', 'xm', 'jfjs'], {
      gmsfhm: 'resident-id',
      sjhm: 'phone',
      xm: 'name',
    })
    expect(masked).toEqual({ gmsfhm: '110105********002X', sjhm: '138****5678', xm: '欧阳*', jfjs: 5000 })
  })

  it('passes unmasked items through and keeps nulls', () => {
    expect(maskRecord({ xm: '张三', sjhm: null }, ['xm', 'sjhm'], { sjhm: 'phone' })).toEqual({
      xm: '张三',
      sjhm: null,
    })
  })
})
