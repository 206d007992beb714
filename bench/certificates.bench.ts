/**
 * Certificates: (a) a window clerk's fetch — policy, case and material look-up, certificate look-up,
 * ES256 signature, verification and a durable audit record — with 50 concurrent callers (target
 * ≥ 1,000/s); (b) `verify` of signed documents, signature + key + current status (target ≥ 5,000/s).
 * Measured at the service layer (HTTP overhead is measured by http.bench.ts). Uses its own database
 * `hub_bench_certificates`, created, migrated and dropped.
 */
import { performance } from 'node:perf_hooks'
import type { Knex } from 'knex'
import { AuditWriter } from '../audit/audit-writer.ts'
import { writerRecorder } from '../audit/request-context-plugin.ts'
import { CertificateDocuments } from '../exchange/certificates/certificate-documents.ts'
import { CertificateSigner } from '../exchange/certificates/certificate-signer.ts'
import {
  demoPeople,
  insertCase,
  seedCertificateWorld,
  TEST_KEK,
} from '../exchange/certificates/certificate-test-support.ts'
import { ClerkFetchService } from '../exchange/certificates/clerk-fetch-service.ts'
import { KeySealer } from '../exchange/certificates/key-sealer.ts'
import { createKnex } from '../platform/db/knex-factory.ts'
import { migrateLatest } from '../platform/db/migrator.ts'
import { detachedContext } from '../policies/request-context.ts'
import type { Principal } from '../schemas/generated/types.ts'
import type { BenchModule } from './run.ts'
import { BENCH_DATABASE_ADMIN_URL, benchDatabaseUrl, percentile } from './support/bench-services.ts'

const DB_NAME = 'hub_bench_certificates'
const CALLERS = 50
const SECONDS = 8
const CASES = 200
const KEY = Buffer.from('bench-audit-subject-key-0123456789abcdef')
const round = (n: number) => Math.round(n * 100) / 100

async function closedLoop(fn: (n: number) => Promise<void>) {
  const latencies: number[] = []
  let n = 0
  const started = performance.now()
  const deadline = started + SECONDS * 1000
  await Promise.all(
    Array.from({ length: CALLERS }, async () => {
      while (performance.now() < deadline) {
        const t0 = performance.now()
        await fn(n++)
        latencies.push(performance.now() - t0)
      }
    }),
  )
  const seconds = (performance.now() - started) / 1000
  latencies.sort((a, b) => a - b)
  return {
    callers: CALLERS,
    operations: latencies.length,
    perSecond: Math.round(latencies.length / seconds),
    p50Ms: round(percentile(latencies, 50)),
    p95Ms: round(percentile(latencies, 95)),
    p99Ms: round(percentile(latencies, 99)),
  }
}

async function run(db: Knex, report: (r: Record<string, unknown>) => void): Promise<void> {
  await seedCertificateWorld(db)
  const people = demoPeople()
  for (let i = 0; i < CASES; i++) {
    await insertCase(db, {
      caseNumber: `B-${i}`,
      serviceItemCode: '000123004000',
      department: 'lf-approval',
      applicantIdNumber: people[i % 5]!.residentId,
    })
  }
  const sealer = KeySealer.fromSecret(TEST_KEK)
  const documents = new CertificateDocuments(db, new CertificateSigner(db, async () => sealer))
  const clerk = new ClerkFetchService(db, documents)
  const writer = new AuditWriter({ db, subjectKey: KEY })
  const principal: Principal = {
    subject: 'bench-clerk',
    department: 'lf-approval',
    roles: ['clerk'],
    district: null,
  }
  const ctx = detachedContext(principal, { audit: writerRecorder(writer, principal) })

  const signed: string[] = []
  const fetch = async (n: number) => {
    const result = await clerk.fetch(ctx, `B-${n % CASES}`, 'M01', {})
    if (result.outcome !== 'found') throw new Error(`bench fetch: ${result.outcome}`)
    if (signed.length < 200) signed.push(result.document!)
  }
  for (let i = 0; i < 20; i++) await fetch(i) // warm-up: JIT, keys, connections
  report({ measure: 'clerk-fetch', ...(await closedLoop(fetch)), target: 1_000 })
  await writer.close()

  const verify = async (n: number) => {
    const result = await documents.verify(signed[n % signed.length]!)
    if (!result.valid) throw new Error(`bench verify: ${result.reason}`)
  }
  report({ measure: 'verify', ...(await closedLoop(verify)), target: 5_000 })
}

const bench: BenchModule = {
  name: 'certificates',
  async run(report) {
    const admin = createKnex({ connectionString: BENCH_DATABASE_ADMIN_URL, poolMax: 1 })
    await admin.raw(`drop database if exists ${DB_NAME} with (force)`)
    await admin.raw(`create database ${DB_NAME}`)
    const db = createKnex({ connectionString: benchDatabaseUrl(DB_NAME), poolMax: 10 })
    try {
      await migrateLatest(db)
      await run(db, report)
    } finally {
      await db.destroy()
      await admin.raw(`drop database if exists ${DB_NAME} with (force)`)
      await admin.destroy()
    }
  },
}
export default bench
