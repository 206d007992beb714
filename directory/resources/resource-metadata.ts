import type { Knex } from 'knex'
import type { ResourceDraft } from '../../schemas/generated/types.ts'
import { classOf } from './resource-code.ts'
import { listedTextsOf } from './resource-read-model.ts'
import { type CheckedDraft, searchText } from './resource-rules.ts'
import { type ListingFields, setSearchTexts } from './resource-store.ts'
import type { VersionMetadata } from './resource-version-store.ts'

/** How a checked draft becomes the stored version metadata and the searchable listing copy. */

export function listingOf(
  code: string,
  d: Pick<ResourceDraft, 'code' | 'name' | 'summary' | 'shareType' | 'format' | 'updateCycle'> & {
    items: { name: string }[]
  },
  provider: string,
  providerCode: string,
): ListingFields {
  return {
    name: d.name.trim(),
    summary: d.summary.trim(),
    class: classOf(d.code),
    shareType: d.shareType,
    formatCategory: d.format.category,
    updateCycle: d.updateCycle,
    searchText: searchText({
      providerCode,
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

/**
 * After a department's rename, in the rename's transaction: the provider name is part of every one
 * of its resources' search text, so each is rebuilt (in batches) and a search by the new name finds
 * them, one by the old name no longer does.
 */
export async function refreshProviderSearchTexts(
  trx: Knex.Transaction,
  provider: string,
  providerName: string,
): Promise<void> {
  const BATCH = 1_000
  for (let after = '0'; ; ) {
    const rows = await listedTextsOf(trx, provider, after, BATCH)
    await setSearchTexts(
      trx,
      rows.map((r) => ({
        id: String(r.id),
        searchText: searchText({
          providerCode: provider,
          code: r.code,
          name: r.name,
          summary: r.summary,
          providerName,
          itemNames: r.item_names,
        }),
      })),
    )
    if (rows.length < BATCH) return
    after = String(rows.at(-1)!.id)
  }
}
