import { describe, expect, it } from 'vitest'
import { codeProblems, parseCode, renderCode } from './resource-code.ts'
import { type LifecycleAction, type LifecycleState, transition } from './resource-lifecycle.ts'
import { deriveRecordSchema, recordSchemaProblems } from './resource-record-schema.ts'
import { draftViolations } from './resource-rules.ts'
import { sampleDraft } from './resource-test-support.ts'

describe('resource codes', () => {
  it('renders the parts and parses them back, with or without 细目', () => {
    const parts = { lei: '1', xiang: '05', mu: '012', ximu: '0301', seq: '000042' }
    expect(renderCode(parts)).toBe('1050120301/000042')
    expect(parseCode('1050120301/000042')).toEqual(parts)
    expect(parseCode('105012-7')).toEqual({ lei: '1', xiang: '05', mu: '012', ximu: '', seq: '7' })
    expect(parseCode('10501/1')).toBeUndefined()
  })

  it.each([
    [{ lei: '0', xiang: '01', mu: '001', seq: '1' }, '类'],
    [{ lei: '2', xiang: '13', mu: '001', seq: '1' }, '项'],
    [{ lei: '3', xiang: '00', mu: '001', seq: '1' }, '项'],
    [{ lei: '3', xiang: '01', mu: '000', seq: '1' }, '目'],
    [{ lei: '3', xiang: '01', mu: '001', seq: '000' }, '顺序码'],
  ])('rejects %o (%s)', (code, part) => {
    expect(codeProblems(code).join()).toContain(part)
  })

  it('accepts the last basic and thematic sub-classes', () => {
    expect(codeProblems({ lei: '1', xiang: '05', mu: '001', seq: '1' })).toEqual([])
    expect(codeProblems({ lei: '2', xiang: '12', mu: '001', seq: '1' })).toEqual([])
  })
})

describe('metadata rules', () => {
  const codes = (overrides: Parameters<typeof sampleDraft>[1]) =>
    draftViolations(sampleDraft('1', overrides)).map((v) => v.code)

  it('accepts the sample draft', () => {
    expect(draftViolations(sampleDraft('1'))).toEqual([])
  })

  it('keeps items from being looser than the resource and personal items from being open', () => {
    const [first, second] = sampleDraft('1').items
    expect(codes({ items: [{ ...first!, shareType: 'unconditional' }, second!] })).toEqual([
      'item-share-type-looser',
    ])
    expect(codes({ items: [{ ...first!, open: true }, second!] })).toEqual(['personal-item-open'])
    expect(codes({ items: [first!, { ...second!, code: first!.code }] })).toEqual(['duplicate-item-code'])
  })

  it('ties share methods to the share type and the format', () => {
    // Its conditional items would now be looser than the resource, too.
    expect(codes({ shareType: 'not-shared', shareCondition: '依法保密' })).toEqual([
      'share-methods-not-allowed',
      'item-share-type-looser',
      'item-share-type-looser',
    ])
    expect(codes({ shareMethods: [] })).toEqual(['share-method-required'])
    expect(codes({ format: { category: 'file', type: 'ofd' } })).toEqual(['share-method-format-mismatch'])
  })

  it('refuses a related code pointing at the resource itself', () => {
    expect(codes({ relatedCodes: ['203901/1'] })).toEqual(['invalid-related-code'])
  })
})

describe('record schemas', () => {
  const items = sampleDraft('1').items

  it('derives one nullable property per item with the item’s limits', () => {
    expect(deriveRecordSchema(items)).toEqual({
      type: 'object',
      additionalProperties: false,
      properties: {
        gmsfhm: { type: ['string', 'null'], maxLength: 18, description: '公民身份号码' },
        // Money is a decimal string, as fetches return it ("7300.00").
        jfjs: { type: ['string', 'null'], description: '缴费基数', pattern: '^-?[0-9]+\\.[0-9]{2}$' },
      },
    })
    expect(recordSchemaProblems(deriveRecordSchema(items), items)).toEqual([])
  })

  it('lists missing, extra and mistyped properties', () => {
    const problems = recordSchemaProblems(
      { type: 'object', properties: { jfjs: { type: 'number' }, extra: { type: 'string' } } },
      items,
    )
    expect(problems.map((p) => p.path)).toEqual([
      '/body/recordSchema/properties/gmsfhm',
      '/body/recordSchema/properties/jfjs/type',
      '/body/recordSchema/properties/extra',
    ])
    expect(recordSchemaProblems({ type: 'array' }, items)).toHaveLength(1)
  })
})

describe('lifecycle', () => {
  const allowed = (state: LifecycleState, action: LifecycleAction) => {
    try {
      return transition(state, action)
    } catch (error) {
      return (error as { code: string }).code
    }
  }

  it('follows draft → submitted → published → deprecated → withdrawn', () => {
    expect(allowed({ status: 'draft', latest: 'draft' }, 'submit')).toEqual({
      status: 'submitted',
      latest: 'submitted',
    })
    expect(allowed({ status: 'submitted', latest: 'submitted' }, 'publish')).toEqual({
      status: 'published',
      latest: 'published',
    })
    expect(allowed({ status: 'published', latest: 'published' }, 'deprecate')).toMatchObject({
      status: 'deprecated',
    })
    expect(allowed({ status: 'deprecated', latest: 'published' }, 'withdraw')).toMatchObject({
      status: 'withdrawn',
    })
  })

  it('edits a draft in place but starts a new draft version of a published resource', () => {
    expect(allowed({ status: 'draft', latest: 'draft' }, 'edit')).toEqual({
      status: 'draft',
      latest: 'draft',
    })
    expect(allowed({ status: 'published', latest: 'published' }, 'edit')).toEqual({
      status: 'published',
      latest: 'new-draft',
    })
    expect(allowed({ status: 'published', latest: 'submitted' }, 'return')).toEqual({
      status: 'published',
      latest: 'draft',
    })
  })

  it.each([
    [{ status: 'draft', latest: 'draft' }, 'publish'],
    [{ status: 'submitted', latest: 'submitted' }, 'edit'],
    [{ status: 'published', latest: 'published' }, 'withdraw'],
    [{ status: 'deprecated', latest: 'published' }, 'edit'],
    [{ status: 'withdrawn', latest: 'published' }, 'deprecate'],
    [{ status: 'deprecated', latest: 'draft' }, 'submit'],
  ] as [LifecycleState, LifecycleAction][])('refuses %o → %s with illegal-transition', (state, action) => {
    expect(allowed(state, action)).toBe('illegal-transition')
  })
})
