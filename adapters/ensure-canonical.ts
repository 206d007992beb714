import type { UpstreamClient } from '../platform/http-client/http-client-factory.ts'
import type { CanonicalRecord, RecordKindInfo } from './adapter-contract.ts'
import { checkRecords } from './record-validator.ts'

/**
 * The last step of every adapter read: records that break the canonical schema never leave the
 * adapter. The whole answer is refused (502 `upstream-invalid-answer`) rather than filtered, because
 * a silently shortened list (a missing contribution month, a missing seizure) would be a wrong answer.
 */
export function ensureCanonical(
  client: UpstreamClient,
  info: RecordKindInfo,
  records: CanonicalRecord[],
): CanonicalRecord[] {
  const problems = checkRecords(info, records)
  if (problems.length > 0) {
    const first = problems[0]!
    throw client.invalidAnswer(
      `${problems.length} ${info.kind} record(s) break the canonical schema; record ${first.index}: ${first.problems.join('; ')}`,
    )
  }
  return records
}

/** Runs a dialect ⇒ canonical mapping; a mapping that meets an unknown code becomes an invalid answer. */
export function mapAll<T>(
  client: UpstreamClient,
  info: RecordKindInfo,
  items: unknown,
  map: (item: T) => CanonicalRecord,
): CanonicalRecord[] {
  if (!Array.isArray(items)) throw client.invalidAnswer(`${info.kind}: expected a list of records`)
  const records = items.map((item: T, index) => {
    try {
      return map(item)
    } catch (error) {
      throw client.invalidAnswer(`${info.kind} record ${index}: ${(error as Error).message}`, error)
    }
  })
  return ensureCanonical(client, info, records)
}
