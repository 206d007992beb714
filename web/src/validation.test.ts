import { describe, expect, it } from 'vitest'
import { serverMessageKey } from './api/problem.ts'
import { validate } from './validation.ts'

const item = {
  name: '公民身份号码',
  code: 'gmsfhm',
  dataType: 'C',
  length: 18,
  personal: true,
  sensitivity: 3,
  shareType: 'conditional',
  shareCondition: '依申请人授权',
  open: false,
}

describe('form validation with the API schemas', () => {
  it('accepts the README example resource', () => {
    expect(
      validate('resource-draft.json', {
        code: { lei: '2', xiang: '03', mu: '001', seq: '00042' },
        name: '失业保险金领取记录',
        summary: '失业保险金申领、核定与发放记录',
        provider: 'lf-hrss',
        format: { category: 'database', type: 'postgresql' },
        items: [item],
        shareType: 'conditional',
        shareCondition: '用于就业失业相关事项办理',
        shareMethods: ['api'],
        open: false,
        updateCycle: 'monthly',
      }),
    ).toEqual([])
  })

  it('names each failing field with a form path, an empty name as required', () => {
    const issues = validate('resource-draft.json', {
      code: { lei: '2', xiang: '3', mu: '001', seq: '42' },
      name: '',
      summary: '摘要',
      provider: 'lf-hrss',
      format: { category: 'database', type: 'postgresql' },
      items: [{ ...item, code: '1bad' }],
      shareType: 'conditional',
      shareMethods: ['api'],
      open: false,
    })
    const byPath = Object.fromEntries(issues.map((i) => [i.path, i.key]))
    expect(byPath).toMatchObject({
      'code.xiang': 'pattern',
      name: 'required',
      'items.0.code': 'pattern',
      updateCycle: 'required',
    })
  })

  it('checks access requests, including the date format of the period', () => {
    const issues = validate('access-request-create.json', {
      resourceCode: '203001/00042',
      items: [],
      purpose: { code: 'housing-fund-withdrawal', text: '公积金提取' },
      legalBasis: '住房公积金管理条例',
      serviceItems: [],
      period: { from: '2026-12-05', to: '2027/06/30' },
      expectedVolume: 0,
    })
    expect(issues.map((i) => [i.path, i.key])).toEqual([
      ['items', 'minItems'],
      ['period.to', 'format'],
      ['expectedVolume', 'minimum'],
    ])
  })

  it('reads the API English field messages as message keys', () => {
    expect(serverMessageKey('must have required property name')).toBe('validation.required')
    expect(serverMessageKey('must match pattern "^[0-9]{6}$"')).toBe('validation.pattern')
    expect(serverMessageKey('must be equal to one of the allowed values')).toBe('validation.enum')
    expect(serverMessageKey('item gmsfhm is looser than the resource')).toBe('validation.server')
  })
})
