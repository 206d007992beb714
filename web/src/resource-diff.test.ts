import { describe, expect, it } from 'vitest'
import type { Schemas } from './api/client.ts'
import { diffResources } from './resource-diff.ts'

type Item = Schemas['ResourceItem']

const item = (code: string, extra: Partial<Item> = {}): Item => ({
  name: code,
  code,
  dataType: 'C',
  length: 18,
  personal: true,
  sensitivity: 3,
  shareType: 'conditional',
  shareCondition: '依申请人授权',
  open: false,
  ...extra,
})

const base = {
  name: '失业保险金领取记录',
  summary: '失业保险金申领与发放',
  shareType: 'conditional' as const,
  shareCondition: '用于就业失业相关事项办理',
  shareMethods: ['api' as const],
  open: false,
  openCondition: null,
  updateCycle: 'monthly',
  format: { category: 'database', type: 'postgresql' },
  serviceItems: [],
  relatedCodes: [],
  items: [item('gmsfhm'), item('ffje', { dataType: 'Y', length: 12 })],
}

describe('comparing resource versions', () => {
  it('lists changed fields and added, removed and changed items', () => {
    const after = {
      ...base,
      updateCycle: 'daily',
      items: [item('gmsfhm', { sensitivity: 4 }), item('xm', { name: '姓名' })],
    }
    expect(diffResources(base, after)).toEqual({
      fields: [{ field: 'updateCycle', before: 'monthly', after: 'daily' }],
      items: [
        { code: 'gmsfhm', kind: 'changed', properties: ['sensitivity'] },
        { code: 'xm', kind: 'added', properties: [] },
        { code: 'ffje', kind: 'removed', properties: [] },
      ],
    })
  })

  it('treats a first version as all items added and finds nothing in an unchanged copy', () => {
    expect(diffResources(null, base).items.map((i) => i.kind)).toEqual(['added', 'added'])
    expect(diffResources(base, structuredClone(base))).toEqual({ fields: [], items: [] })
  })
})
