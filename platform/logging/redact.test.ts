import { describe, expect, it } from 'vitest'
import { loggableUrl, maskIdentifiers } from './redact.ts'

describe('log redaction', () => {
  it('masks resident IDs, credit codes and mobile numbers in text', () => {
    const text = maskIdentifiers(
      '/v1/people/11010519491231002X/cases?x=1 org 91350100M000100Y43 tel 13812345678',
    )
    expect(text).not.toContain('11010519491231002X')
    expect(text).not.toContain('91350100M000100Y43')
    expect(text).not.toContain('13812345678')
    expect(text).toContain('110***********002X')
    expect(text).toContain('138****5678')
  })

  it('drops query strings, which may carry identifiers of any shape', () => {
    expect(loggableUrl('/v1/records?name=张三&id=1')).toBe('/v1/records?…')
  })
})
