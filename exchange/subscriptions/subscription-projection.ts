import type { GrantFacts } from '../../policies/ability.ts'
import { maskRecord } from '../../policies/grant-masking.ts'
import { fieldOf, type ItemFields } from '../fetch/record-item-map.ts'

/**
 * What of one hub-held record a grant lets out: the same steps as a fetch (row conditions, granted
 * items only, masking) on the same grant object, so a consumer sees the same either way.
 */

export interface ProjectionSource {
  kind: string
  fields: readonly string[]
  itemFields: ItemFields | null
}

/** The district (GB/T 2260) of a subject: a resident ID's first 6 digits, a credit code's 3rd to 8th. */
export function districtOf(subjectId: string): string {
  return /^\d{17}[\dX]$/.test(subjectId) ? subjectId.slice(0, 6) : subjectId.slice(2, 8)
}

/** The items a subscription delivers: granted, present in the resource's current version. */
export function deliveredItems(grant: GrantFacts, resourceItems: readonly string[]): string[] {
  return resourceItems.filter((item) => grant.items.includes(item))
}

/** Projects one record: its delivered item values, or null when the grant's row conditions exclude it. */
export type Projection = (record: {
  subject_id: string
  data: Readonly<Record<string, unknown>>
}) => Record<string, unknown> | null

/**
 * The projection of a grant over a record kind, worked out once (per batch): which field each item
 * reads, the district set, which items are masked. Per record only the lookups remain; the steps and
 * their results are those of `toItemValues` and `maskRecord`, the fetch's own.
 */
export function compileProjection(
  grant: GrantFacts,
  items: readonly string[],
  source: ProjectionSource,
): Projection {
  const districts = grant.rowConditions.districtIn ? new Set(grant.rowConditions.districtIn) : null
  const mapped = items.flatMap((item) => {
    const field = fieldOf(item, source.kind, source.fields, source.itemFields)
    return field === undefined ? [] : [{ item, field, masked: grant.masking[item] !== undefined }]
  })
  const maskedItems = mapped.filter((m) => m.masked).map((m) => m.item)
  const masking = grant.masking
  return (record) => {
    if (districts && !districts.has(districtOf(record.subject_id))) return null
    const values: Record<string, unknown> = {}
    for (const { item, field } of mapped) if (field in record.data) values[item] = record.data[field]
    return maskedItems.length === 0 ? values : maskRecord(values, items, masking)
  }
}

/** The delivered item values of one record, or null when the grant's row conditions exclude it. */
export function projectRecord(
  grant: GrantFacts,
  items: readonly string[],
  source: ProjectionSource,
  record: { subject_id: string; data: Record<string, unknown> },
): Record<string, unknown> | null {
  return compileProjection(grant, items, source)(record)
}
