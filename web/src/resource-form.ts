import type { Schemas } from './api/client.ts'

type Draft = Schemas['ResourceDraft']
type Item = Schemas['ResourceItem']

/** A blank information item as the editor adds it (the person fills in name and code). */
export function blankItem(): Item {
  return {
    name: '',
    code: '',
    dataType: 'C',
    length: 50,
    personal: false,
    sensitivity: 2,
    shareType: 'conditional',
    shareCondition: '',
    open: false,
  }
}

/** The editor's draft of a resource: a new one for the department, or the fields of an existing version. */
export function draftOf(resource: Schemas['Resource'] | null, department: string): Draft {
  if (!resource) {
    return {
      code: { lei: '3', xiang: '', mu: '', ximu: '', seq: '' },
      name: '',
      summary: '',
      provider: department,
      format: { category: 'database', type: '' },
      items: [blankItem()],
      shareType: 'conditional',
      shareCondition: '',
      shareMethods: ['api'],
      open: false,
      updateCycle: 'monthly',
      serviceItems: [],
    }
  }
  return {
    code: { ...resource.codeParts },
    name: resource.name,
    summary: resource.summary,
    provider: resource.provider,
    format: { category: resource.format.category as Draft['format']['category'], type: resource.format.type },
    items: resource.items.map((i) => ({ ...i })),
    shareType: resource.shareType,
    shareCondition: resource.shareCondition ?? '',
    shareMethods: [...resource.shareMethods],
    open: resource.open,
    openCondition: resource.openCondition ?? null,
    updateCycle: resource.updateCycle as Draft['updateCycle'],
    relatedCodes: [...(resource.relatedCodes ?? [])],
    serviceItems: [...(resource.serviceItems ?? [])],
  }
}

/** What is sent: empty optional texts become null, an empty 细目 is left out. */
export function draftBody(draft: Draft): Draft {
  const blankToNull = (v: string | null | undefined) => (v && v.trim() !== '' ? v : null)
  const { ximu, ...code } = draft.code
  return {
    ...draft,
    code: ximu ? { ...code, ximu } : code,
    shareCondition: blankToNull(draft.shareCondition),
    openCondition: blankToNull(draft.openCondition),
    items: draft.items.map((i) => ({
      ...i,
      shareCondition: blankToNull(i.shareCondition),
      openCondition: blankToNull(i.openCondition),
    })),
  }
}

/** Moves an item up (-1) or down (+1) in place; nothing happens at either end. */
export function moveItem<T>(items: T[], index: number, by: -1 | 1): void {
  const to = index + by
  if (to < 0 || to >= items.length) return
  const [moved] = items.splice(index, 1)
  items.splice(to, 0, moved as T)
}
