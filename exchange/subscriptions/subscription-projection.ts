import type { GrantFacts } from '../../policies/ability.ts'
import { maskRecord } from '../../policies/grant-masking.ts'
import { type ItemFields, toItemValues } from '../fetch/record-item-map.ts'

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

/** The delivered item values of one record, or null when the grant's row conditions exclude it. */
export function projectRecord(
  grant: GrantFacts,
  items: readonly string[],
  source: ProjectionSource,
  record: { subject_id: string; data: Record<string, unknown> },
): Record<string, unknown> | null {
  const districts = grant.rowConditions.districtIn
  if (districts && !districts.includes(districtOf(record.subject_id))) return null
  const values = toItemValues(record.data, items, source.kind, source.fields, source.itemFields)
  return maskRecord(values, items, grant.masking)
}
