import type { Schemas } from './api/client.ts'

type Resource = Schemas['Resource']
type Item = Schemas['ResourceItem']

/** Resource fields a reviewer compares between versions (labels under `field.*`). */
export const COMPARED_FIELDS = [
  'name',
  'summary',
  'shareType',
  'shareCondition',
  'shareMethods',
  'open',
  'openCondition',
  'updateCycle',
  'format',
  'serviceItems',
  'relatedCodes',
] as const

export type ComparedField = (typeof COMPARED_FIELDS)[number]

export interface FieldChange {
  field: ComparedField
  before: unknown
  after: unknown
}

export interface ItemChange {
  code: string
  kind: 'added' | 'removed' | 'changed'
  /** For `changed`: which item properties differ. */
  properties: string[]
}

export interface ResourceDiff {
  fields: FieldChange[]
  items: ItemChange[]
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null)
}

const ITEM_PROPERTIES: (keyof Item)[] = [
  'name',
  'dataType',
  'length',
  'personal',
  'sensitivity',
  'shareType',
  'shareCondition',
  'open',
  'openCondition',
]

/** What changed from `before` (e.g. the published version) to `after` (the submitted one). */
export function diffResources(
  before: Pick<Resource, ComparedField | 'items'> | null,
  after: Pick<Resource, ComparedField | 'items'>,
): ResourceDiff {
  if (!before) {
    return { fields: [], items: after.items.map((i) => ({ code: i.code, kind: 'added', properties: [] })) }
  }
  const fields = COMPARED_FIELDS.filter((f) => !same(before[f], after[f])).map((field) => ({
    field,
    before: before[field],
    after: after[field],
  }))
  const old = new Map(before.items.map((i) => [i.code, i]))
  const items: ItemChange[] = []
  for (const item of after.items) {
    const prior = old.get(item.code)
    if (!prior) {
      items.push({ code: item.code, kind: 'added', properties: [] })
      continue
    }
    const properties = ITEM_PROPERTIES.filter((p) => !same(prior[p], item[p]))
    if (properties.length) items.push({ code: item.code, kind: 'changed', properties })
  }
  const now = new Set(after.items.map((i) => i.code))
  for (const item of before.items) {
    if (!now.has(item.code)) items.push({ code: item.code, kind: 'removed', properties: [] })
  }
  return { fields, items }
}
