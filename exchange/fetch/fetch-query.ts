import type { CanonicalRecord } from '../../adapters/adapter-contract.ts'
import { InputError } from '../../platform/errors/app-error.ts'
import { validateResidentId } from '../../platform/identifiers/index.ts'
import type { GrantFacts } from '../../policies/ability.ts'
import type { FetchSubject } from '../../schemas/generated/types.ts'
import { fieldOf } from './record-item-map.ts'
import type { RecordSource } from './record-source.ts'

/**
 * The query form of a fetch: records matching item values instead of named subjects. The filter is
 * translated to canonical fields; the records found are then grouped by the subject they are about
 * and authorized subject by subject, exactly like named subjects.
 */

/**
 * Only items some fitting grant returns may be filtered on: filtering on a withheld item would reveal
 * its values one yes/no answer at a time. Checked before any source is consulted.
 */
export function checkFilterGranted(
  filter: Readonly<Record<string, string | undefined>>,
  grants: readonly GrantFacts[],
): void {
  const granted = new Set(grants.flatMap((g) => g.items))
  const problems = Object.keys(filter)
    .filter((item) => !granted.has(item))
    .map((item) => ({ path: `/body/query/filter/${item}`, message: 'not an item your grant returns' }))
  if (problems.length > 0)
    throw new InputError('filter-item-not-granted', 'Filter only on items your grant returns.', {
      errors: problems,
    })
}

/** The filter as canonical field ⇒ value; 400 for an item the source's record kind cannot match. */
export function canonicalFilter(
  filter: Readonly<Record<string, string | undefined>>,
  source: RecordSource,
): Record<string, string> {
  const out: Record<string, string> = {}
  const problems: { path: string; message: string }[] = []
  for (const [item, value] of Object.entries(filter)) {
    if (value === undefined) continue
    const field = fieldOf(item, source.kind, source.fields, source.itemFields)
    if (field === undefined)
      problems.push({ path: `/body/query/filter/${item}`, message: 'the source cannot filter on this item' })
    else out[field] = value
  }
  if (problems.length > 0)
    throw new InputError('filter-item-unsupported', 'Some items cannot be filtered on.', { errors: problems })
  return out
}

/** The records grouped by the subject they are about, in first-seen order. */
export function bySubject(records: readonly CanonicalRecord[]): {
  subjects: FetchSubject[]
  records: Map<string, CanonicalRecord[]>
} {
  const grouped = new Map<string, CanonicalRecord[]>()
  for (const record of records) {
    const id = String(record.data.subjectId ?? '')
    if (!id) continue
    const list = grouped.get(id) ?? []
    list.push(record)
    grouped.set(id, list)
  }
  const subjects = [...grouped.keys()].map(
    (id): FetchSubject => ({ type: validateResidentId(id).ok ? 'resident-id' : 'credit-code', id }),
  )
  return { subjects, records: grouped }
}
