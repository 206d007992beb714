import { describe, expect, it } from 'vitest'
import { blankItem, draftBody, draftOf, moveItem } from './resource-form.ts'
import { validate } from './validation.ts'

describe('the resource editor model', () => {
  it('starts a new draft for the department that fails only where a person must type', () => {
    const draft = draftOf(null, 'lf-hrss')
    const paths = validate('resource-draft.json', draftBody(draft)).map((i) => i.path)
    expect(paths.sort()).toEqual(
      [
        'code.mu',
        'code.seq',
        'code.xiang',
        'format.type',
        'items.0.code',
        'items.0.name',
        'name',
        'summary',
      ].sort(),
    )
  })

  it('sends empty conditions as null and leaves out an empty 细目', () => {
    const draft = draftOf(null, 'lf-hrss')
    draft.code = { lei: '2', xiang: '03', mu: '001', ximu: '', seq: '00042' }
    const body = draftBody(draft)
    expect(body.code).toEqual({ lei: '2', xiang: '03', mu: '001', seq: '00042' })
    expect(body.shareCondition).toBeNull()
    expect(body.items[0]!.shareCondition).toBeNull()
  })

  it('reorders items and ignores moves past either end', () => {
    const items = [
      { ...blankItem(), code: 'a' },
      { ...blankItem(), code: 'b' },
      { ...blankItem(), code: 'c' },
    ]
    moveItem(items, 2, -1)
    moveItem(items, 0, -1)
    moveItem(items, 2, 1)
    expect(items.map((i) => i.code)).toEqual(['a', 'c', 'b'])
  })
})
