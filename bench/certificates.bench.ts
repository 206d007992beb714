/**
 * Certificates: (a) a window clerk's fetch — policy, case and material look-up, certificate look-up,
 * ES256 signature, verification and a durable audit record — with 50 concurrent callers (target
 * ≥ 1,000/s); (b) `verify` of signed documents, signature + key + current status (target ≥ 5,000/s).
 * Measured at the service layer (HTTP overhead is measured by http.bench.ts). Uses its own database
 * `hub_bench_certificates`, created, migrated and dropped.
 */
import type { Knex } from 'knex'
import { AuditWriter } from '../audit/audit-writer.ts'
import type { BenchModule } from './run.ts'
import { withBenchDatabase } from './support/bench-database.ts'
import {
  BENCH_AUDIT_KEY,
  clerkFetcher,
  clerkWorld,
  closedLoop,
  seedClerkCases,
} from './support/clerk-fetch-world.ts'

const CALLERS = 50
const SECONDS = 8

async function run(db: Knex, report: (r: Record<string, unknown>) => void): Promise<void> {
  await seedClerkCases(db)
  const { documents, clerk } = clerkWorld(db)
  const writer = new AuditWriter({ db, subjectKey: BENCH_AUDIT_KEY })
  const signed: string[] = []
  const fetch = clerkFetcher(clerk, writer, signed)
  for (let i = 0; i < 20; i++) await fetch(i) // warm-up: JIT, keys, connections
  report({ measure: 'clerk-fetch', ...(await closedLoop(CALLERS, SECONDS, fetch)), target: 1_000 })
  await writer.close()

  const verify = async (n: number) => {
    const result = await documents.verify(signed[n % signed.length]!)
    if (!result.valid) throw new Error(`bench verify: ${result.reason}`)
  }
  report({ measure: 'verify', ...(await closedLoop(CALLERS, SECONDS, verify)), target: 5_000 })
}

const bench: BenchModule = {
  name: 'certificates',
  run: (report) => withBenchDatabase('hub_bench_certificates', { poolMax: 10 }, (db) => run(db, report)),
}
export default bench
