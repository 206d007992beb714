import type { CertificateBatch, DepartmentAdapter, IssuedCertificate } from './adapter-contract.ts'

/** A type code of the right shape for mocked answers (credit code + 001). */
export const TEST_TYPE_CODE = '111410000120000402001'

/**
 * Calls `certificatesSince` from `cursor` until the system is caught up (at most `maxCalls` times),
 * as the hub's feed does; the cursors handed back show how the adapter paged.
 */
export async function readAllCertificates(
  adapter: DepartmentAdapter,
  cursor: string | null = null,
  maxCalls = 10,
): Promise<{ certificates: IssuedCertificate[]; cursors: string[] }> {
  const batches: CertificateBatch[] = []
  for (let call = 0; call < maxCalls; call++) {
    const batch = await adapter.certificatesSince!(cursor)
    batches.push(batch)
    cursor = batch.cursor
    if (batch.caughtUp) break
  }
  return { certificates: batches.flatMap((b) => b.certificates), cursors: batches.map((b) => b.cursor) }
}
