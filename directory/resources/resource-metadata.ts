import type { ResourceDraft } from '../../schemas/generated/types.ts'
import { classOf } from './resource-code.ts'
import { type CheckedDraft, searchText } from './resource-rules.ts'
import type { ListingFields } from './resource-store.ts'
import type { VersionMetadata } from './resource-version-store.ts'

/** How a checked draft becomes the stored version metadata and the searchable listing copy. */

export function listingOf(
  code: string,
  d: Pick<ResourceDraft, 'code' | 'name' | 'summary' | 'shareType' | 'format' | 'updateCycle'> & {
    items: { name: string }[]
  },
  provider: string,
): ListingFields {
  return {
    name: d.name.trim(),
    summary: d.summary.trim(),
    class: classOf(d.code),
    shareType: d.shareType,
    formatCategory: d.format.category,
    updateCycle: d.updateCycle,
    searchText: searchText({
      code,
      name: d.name,
      summary: d.summary,
      providerName: provider,
      itemNames: d.items.map((i) => i.name),
    }),
  }
}

export function toMetadata(d: ResourceDraft, checked: CheckedDraft): VersionMetadata {
  return {
    name: d.name.trim(),
    summary: d.summary.trim(),
    format: d.format,
    shareType: d.shareType,
    shareCondition: d.shareCondition?.trim() || null,
    shareMethods: d.shareMethods,
    open: d.open,
    openCondition: d.openCondition?.trim() || null,
    updateCycle: d.updateCycle,
    relatedCodes: d.relatedCodes ?? [],
    recordSchema: checked.recordSchema,
    recordSchemaDerived: checked.recordSchemaDerived,
    sourceAdapter: d.sourceAdapter ?? null,
    serviceItems: d.serviceItems ?? [],
    extension: d.extension ?? {},
  }
}
