import { maskMobile, maskName, maskResidentId } from '../platform/identifiers/index.ts'

/** How a grant masks one item. */
export type MaskKind = 'resident-id' | 'phone' | 'name'

/**
 * Applies a grant's masking to one record before it leaves the hub: resident ID keeps the first 6
 * and last 4 characters, phone the first 3 and last 4 digits, name the surname. Items the grant does
 * not permit are dropped here too, so a caller cannot forget one of the two steps.
 */

const MASKERS: Record<MaskKind, (value: string) => string> = {
  'resident-id': maskResidentId,
  phone: maskMobile,
  name: maskName,
}

export function maskRecord(
  record: Readonly<Record<string, unknown>>,
  permittedItems: readonly string[],
  masking: Readonly<Record<string, MaskKind>>,
): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const item of permittedItems) {
    if (!(item in record)) continue
    const value = record[item]
    const kind = masking[item]
    out[item] = kind && typeof value === 'string' ? MASKERS[kind](value) : value
  }
  return out
}
