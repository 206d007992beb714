import { performance } from 'node:perf_hooks'
import type { Knex } from 'knex'
import type { AuditWriter } from '../../audit/audit-writer.ts'
import { writerRecorder } from '../../audit/request-context-plugin.ts'
import { CertificateDocuments } from '../../exchange/certificates/certificate-documents.ts'
import { CertificateSigner } from '../../exchange/certificates/certificate-signer.ts'
import {
  demoPeople,
  insertCase,
  seedCertificateWorld,
  TEST_KEK,
} from '../../exchange/certificates/certificate-test-support.ts'
import { ClerkFetchService } from '../../exchange/certificates/clerk-fetch-service.ts'
import { KeySealer } from '../../exchange/certificates/key-sealer.ts'
import {
  type CertificateAlg,
  parseSigningAlgorithms,
} from '../../exchange/certificates/signing-algorithms.ts'
import type { Sm2NoncePool } from '../../platform/crypto/sm2-nonce-pool.ts'
import { detachedContext } from '../../policies/request-context.ts'
import type { Principal } from '../../schemas/generated/types.ts'
import { percentile } from './bench-services.ts'

/** The certificate benches' (certificates, crypto) shared world: issuers, holders, a window's cases. */

/** Cases `B-0` … `B-<CLERK_CASES - 1>` of lf-approval, the applicants the five demo people in turn. */
export const CLERK_CASES = 200
export const BENCH_AUDIT_KEY = Buffer.from('bench-audit-subject-key-0123456789abcdef')
export const BENCH_CLERK: Principal = {
  subject: 'bench-clerk',
  department: 'lf-approval',
  roles: ['clerk'],
  district: null,
}

/** Seeds the certificate issuers and holders, and the window's cases the clerk fetches for. */
export async function seedClerkCases(db: Knex): Promise<void> {
  await seedCertificateWorld(db)
  const people = demoPeople()
  for (let i = 0; i < CLERK_CASES; i++) {
    await insertCase(db, {
      caseNumber: `B-${i}`,
      serviceItemCode: '000123004000',
      department: 'lf-approval',
      applicantIdNumber: people[i % 5]!.residentId,
    })
  }
}

/** The clerk-fetch services with every issuer signing with `alg` (SM2 nonces from `pool` when given). */
export function clerkWorld(db: Knex, alg: CertificateAlg = 'ES256', pool?: Sm2NoncePool) {
  const sealer = KeySealer.fromSecret(TEST_KEK)
  const signer = new CertificateSigner(
    db,
    async () => sealer,
    Date.now,
    parseSigningAlgorithms(alg === 'ES256' ? 'ES256' : 'SM2'),
    pool ? () => pool.take : undefined,
  )
  const documents = new CertificateDocuments(db, signer)
  return { signer, documents, clerk: new ClerkFetchService(db, documents) }
}

/**
 * The bench clerk's fetch of the `n`-th case's material M01, audited through `writer`; keeps the
 * first 200 signed documents in `signed` (for the verify measurements).
 */
export function clerkFetcher(clerk: ClerkFetchService, writer: AuditWriter, signed: string[]) {
  const ctx = detachedContext(BENCH_CLERK, { audit: writerRecorder(writer, BENCH_CLERK) })
  return async (n: number): Promise<void> => {
    const result = await clerk.fetch(ctx, `B-${n % CLERK_CASES}`, 'M01', {})
    if (result.outcome !== 'found') throw new Error(`bench fetch: ${result.outcome}`)
    if (signed.length < 200) signed.push(result.document!)
  }
}

const round = (n: number) => Math.round(n * 100) / 100

/** `callers` callers calling `fn` back to back for `seconds`: the rate and latency percentiles. */
export async function closedLoop(
  callers: number,
  seconds: number,
  fn: (n: number) => Promise<unknown> | unknown,
) {
  const latencies: number[] = []
  let n = 0
  const started = performance.now()
  const deadline = started + seconds * 1000
  await Promise.all(
    Array.from({ length: callers }, async () => {
      while (performance.now() < deadline) {
        const t0 = performance.now()
        await fn(n++)
        latencies.push(performance.now() - t0)
      }
    }),
  )
  const elapsed = (performance.now() - started) / 1000
  latencies.sort((a, b) => a - b)
  return {
    callers,
    operations: latencies.length,
    perSecond: Math.round(latencies.length / elapsed),
    p50Ms: round(percentile(latencies, 50)),
    p95Ms: round(percentile(latencies, 95)),
    p99Ms: round(percentile(latencies, 99)),
  }
}
